import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/http/module.js';
import { actorOf, requireUser } from '../../platform/http/access.js';
import { AppError, errors } from '../../platform/http/errors.js';
import { feedbackDb, platformTrx, type FeedbackTrx, type ReportOutcome, type ReportStatus, type ReportTable } from './tables.js';
import type { Action, ActionName } from './schemas.js';
import { countTransition } from './stats/record.js';
import { restartedDeadlines } from './deadlines.js';
import { notifyAssignee, planAssignment } from './assignment.js';
import { storeResultPhotos } from './result-photos.js';
import type { Photo } from './create-report.js';

/** From which states each officer action may be taken. */
const ALLOWED_FROM: Record<ActionName, ReportStatus[]> = {
  accept: ['new'],
  refuse: ['new'],
  start: ['accepted'],
  resolve: ['accepted', 'in_progress'],
  close: ['new', 'accepted', 'in_progress', 'resolved'],
  transfer: ['new', 'accepted', 'in_progress'],
  note: ['new', 'accepted', 'in_progress', 'resolved', 'closed'],
  assign: ['new', 'accepted', 'in_progress', 'resolved'],
  unassign: ['new', 'accepted', 'in_progress', 'resolved'],
};

const need = (field: string, vi: string, en: string) =>
  errors.badRequest('missing_field', vi, en, [{ field: `body.${field}`, message: { vi, en } }]);

type Change = Partial<Pick<ReportTable, 'status' | 'outcome' | 'outcome_reason' | 'agency_id' | 'result_text' | 'transferred_to' | 'duplicate_of' | 'assigned_to'>> & {
  assigned_at?: Date | null;
  accepted_at?: Date;
  accept_due_at?: Date;
  due_at?: Date;
  resolved_at?: Date;
  closed_at?: Date;
};

/** Validates an action against the report's state and returns the change to write. */
type LockedReport = { id: string; status: ReportStatus; agency_id: string; handling_class: string; calendar_version: number; due_at: Date | null };

async function plan(trx: FeedbackTrx, report: LockedReport, action: Action, now: Date): Promise<{ change: Change; data: Record<string, unknown>; isPublic: boolean }> {
  switch (action.action) {
    case 'accept':
      return { change: { status: 'accepted', accepted_at: now }, data: {}, isPublic: true };
    case 'start':
      return { change: { status: 'in_progress' }, data: {}, isPublic: true };
    case 'refuse':
      if (!action.reason) throw need('reason', 'Cần nêu lý do từ chối.', 'A reason is required to refuse.');
      return { change: { status: 'closed', outcome: 'refused', outcome_reason: action.reason, closed_at: now }, data: { reason: action.reason }, isPublic: true };
    case 'resolve':
      if (!action.resultText) throw need('resultText', 'Cần mô tả kết quả xử lý.', 'Describe the result.');
      // The deadline this result is measured against: a later reopen or transfer gives a new one,
      // and the statistics rebuild must judge this result by the one in force now.
      return { change: { status: 'resolved', result_text: action.resultText, resolved_at: now }, data: { resultText: action.resultText, dueAt: report.due_at ? new Date(report.due_at).toISOString() : null }, isPublic: true };
    case 'close':
      return planClose(trx, report, action, now);
    case 'transfer': {
      if (!action.agencyId || !action.reason) throw need('agencyId', 'Cần chọn cơ quan nhận và nêu lý do.', 'Choose the receiving agency and give a reason.');
      if (action.agencyId === report.agency_id) throw errors.badRequest('same_agency', 'Phản ánh đã thuộc cơ quan này.', 'The report is already with this agency.');
      const target = await trx.selectFrom('agencies').select('id').where('id', '=', action.agencyId).executeTakeFirst();
      if (!target) throw errors.badRequest('agency_not_found', 'Không tìm thấy cơ quan nhận.', 'No such agency.');
      // The receiving agency gets its own time to accept and resolve, from the moment it receives the
      // report; and it chooses its own officer: the assignee stays behind.
      const fresh = await restartedDeadlines(trx, report, now);
      return { change: { status: 'new', agency_id: action.agencyId, assigned_to: null, assigned_at: null, accept_due_at: fresh.acceptDueAt, due_at: fresh.dueAt }, data: { reason: action.reason, fromAgencyId: report.agency_id, toAgencyId: action.agencyId }, isPublic: true };
    }
    case 'note':
      if (!action.note) throw need('note', 'Ghi chú trống.', 'The note is empty.');
      return { change: {}, data: { note: action.note }, isPublic: false };
    case 'assign':
    case 'unassign':
      throw new Error('assignment is planned by planAssignment');
  }
}

async function planClose(trx: FeedbackTrx, report: { id: string; status: ReportStatus }, action: Action, now: Date) {
  const outcome: ReportOutcome = action.outcome ?? (report.status === 'resolved' ? 'fixed' : 'not_fixed');
  if (outcome === 'fixed' && report.status !== 'resolved') {
    throw errors.conflict('not_resolved', 'Chỉ đóng "đã xử lý" sau khi có kết quả.', 'Only a resolved report can be closed as fixed.');
  }
  if (outcome !== 'fixed' && !action.reason) throw need('reason', 'Cần nêu lý do.', 'A reason is required.');
  let duplicateOf: string | null = null;
  if (outcome === 'duplicate') {
    const original = action.duplicateOf
      ? await trx.selectFrom('feedback_reports').select('id').where('tracking_code', '=', action.duplicateOf).where('id', '!=', report.id).executeTakeFirst()
      : undefined;
    if (!original) throw need('duplicateOf', 'Cần mã phản ánh gốc.', 'Give the tracking code of the original report.');
    duplicateOf = original.id;
  }
  return {
    change: { status: 'closed' as const, outcome, outcome_reason: action.reason ?? null, closed_at: now, duplicate_of: duplicateOf },
    data: { outcome, reason: action.reason ?? null, duplicateOf: action.duplicateOf ?? null },
    isPublic: true,
  };
}

/** One officer action: checked against role, agency and state, then written with its timeline entry and audit record. */
export async function applyAction(ctx: AppContext, request: FastifyRequest, reportId: string, action: Action, photos: Photo[] = []): Promise<{ status: ReportStatus; outcome: ReportOutcome | null }> {
  const officer = requireUser(request);
  if (photos.length > 0 && action.action !== 'resolve') {
    throw errors.badRequest('photos_not_allowed', 'Chỉ gửi kèm ảnh khi báo kết quả.', 'Photos can only be sent with a result.');
  }
  return feedbackDb(ctx.db).transaction().execute(async (trx) => {
    const report = await trx.selectFrom('feedback_reports').select(['id', 'status', 'agency_id', 'tracking_code', 'assigned_to', 'handling_class', 'calendar_version', 'due_at']).where('id', '=', reportId).forUpdate().executeTakeFirst();
    if (!report) throw errors.notFound('Không tìm thấy phản ánh.', 'No such report.');
    if (officer.role !== 'system_admin' && officer.agencyId !== report.agency_id) {
      throw errors.forbidden('Phản ánh này không thuộc cơ quan của bạn.', 'This report is not with your agency.');
    }
    if (!ALLOWED_FROM[action.action].includes(report.status)) {
      throw new AppError(409, 'invalid_transition', {
        vi: `Không thể "${action.action}" khi phản ánh đang ở trạng thái "${report.status}".`,
        en: `Cannot ${action.action} a report that is ${report.status}.`,
      });
    }
    const now = new Date();
    let notify: string | null = null;
    let planned: { change: Change; data: Record<string, unknown>; isPublic: boolean };
    if (action.action === 'assign' || action.action === 'unassign') {
      const assignment = await planAssignment(trx, officer, report, action, now);
      // Internal: who handles a report inside the agency is not part of the public timeline.
      planned = { change: assignment.change, data: assignment.data, isPublic: false };
      notify = assignment.notify;
    } else {
      planned = await plan(trx, report, action, now);
    }
    const { change, data, isPublic } = planned;
    if (photos.length > 0) data.resultPhotos = (await storeResultPhotos(ctx, trx, request, report.id, photos)).length;
    const updated = await trx
      .updateTable('feedback_reports')
      .set({ ...change, updated_at: now })
      .where('id', '=', report.id)
      .returning(['status', 'outcome', 'agency_id', 'commune_code', 'category_code', 'created_at', 'due_at', 'calendar_version'])
      .executeTakeFirstOrThrow();
    // The event carries the same instant as the change, so the statistics and their rebuild agree on the day.
    await trx.insertInto('feedback_report_events').values({ report_id: report.id, at: now, kind: action.action, public: isPublic, actor_user_id: officer.id, actor_label: officer.fullName, agency_id: officer.agencyId, data: JSON.stringify(data) }).execute();
    await countTransition(trx, report, updated, now);
    if (notify) await notifyAssignee(ctx, trx, notify, report);
    await ctx.audit.record(platformTrx(trx), { actor: actorOf(request), action: `feedback.report.${action.action}`, targetType: 'feedback_report', targetId: report.id, ip: request.ip, requestId: String(request.id), details: { trackingCode: report.tracking_code, ...data } });
    return { status: updated.status, outcome: updated.outcome };
  });
}
