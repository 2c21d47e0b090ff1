import type { UserPrincipal } from '../../platform/http/access.js';
import type { AppContext } from '../../platform/http/module.js';
import { errors } from '../../platform/http/errors.js';
import { notifyUser } from '../../platform/notifications/inbox.js';
import { feedbackDb, platformTrx, type FeedbackTrx } from './tables.js';
import type { Action } from './schemas.js';

/** Who may be put in charge of a report (phân công xử lý): the handling agency's own staff. */
const ASSIGNABLE_ROLES = ['officer', 'agency_admin'] as const;

export interface AssignmentPlan {
  change: { assigned_to: string | null; assigned_at: Date | null };
  data: Record<string, unknown>;
  /** Someone other than the caller was put in charge: they get a notice. */
  notify: string | null;
}

interface AssignedReport {
  id: string;
  agency_id: string;
  tracking_code: string;
  assigned_to: string | null;
}

const invalidAssignee = () =>
  errors.badRequest('invalid_assignee', 'Người được phân công phải là cán bộ của cơ quan xử lý.', 'The assignee must be an officer of the handling agency.', [
    { field: 'body.assigneeId', message: { vi: 'Chọn một cán bộ của cơ quan.', en: 'Choose an officer of the agency.' } },
  ]);

/**
 * Checks an `assign` or `unassign` action. An officer may take an unassigned report for themselves
 * and let go of their own; an agency admin (or a system admin) may give any report of the agency
 * to any of its officers, or take it back from them.
 */
export async function planAssignment(trx: FeedbackTrx, caller: UserPrincipal, report: AssignedReport, action: Action, now: Date): Promise<AssignmentPlan> {
  const manager = caller.role === 'agency_admin' || caller.role === 'system_admin';
  if (action.action === 'unassign') {
    if (!report.assigned_to) throw errors.conflict('not_assigned', 'Phản ánh chưa được phân công cho ai.', 'The report is not assigned to anyone.');
    if (!manager && report.assigned_to !== caller.id) throw errors.forbidden('Chỉ quản trị đơn vị mới gỡ được phân công của người khác.', 'Only an agency admin can take a report off someone else.');
    return { change: { assigned_to: null, assigned_at: null }, data: { previousAssigneeId: report.assigned_to }, notify: null };
  }
  if (!action.assigneeId) throw invalidAssignee();
  if (!manager && action.assigneeId !== caller.id) throw errors.forbidden('Cán bộ chỉ tự nhận phản ánh cho mình.', 'An officer can only assign a report to themselves.');
  if (!manager && report.assigned_to && report.assigned_to !== caller.id) {
    throw errors.conflict('already_assigned', 'Phản ánh đã được phân công cho cán bộ khác; hãy đề nghị quản trị đơn vị phân công lại.', 'Another officer already handles this report; ask the agency admin to reassign it.');
  }
  const assignee = await trx
    .selectFrom('users')
    .select(['id', 'full_name'])
    .where('id', '=', action.assigneeId)
    .where('agency_id', '=', report.agency_id)
    .where('role', 'in', [...ASSIGNABLE_ROLES])
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!assignee) throw invalidAssignee();
  return {
    change: { assigned_to: assignee.id, assigned_at: now },
    data: { assigneeId: assignee.id, assigneeName: assignee.full_name, previousAssigneeId: report.assigned_to },
    notify: assignee.id === caller.id ? null : assignee.id,
  };
}

/** An in-app notice to the officer a report was given to, in the action's transaction. */
export async function notifyAssignee(ctx: AppContext, trx: FeedbackTrx, userId: string, report: AssignedReport): Promise<void> {
  await notifyUser(platformTrx(trx), ctx, {
    userId,
    category: 'feedback',
    title: { vi: `Bạn được phân công phản ánh ${report.tracking_code}`, en: `Report ${report.tracking_code} was assigned to you` },
    body: { vi: 'Phản ánh đã được giao cho bạn xử lý; xem chi tiết và hạn xử lý trên bàn làm việc.', en: 'You now handle this report; see its details and deadline at the desk.' },
    link: `/can-bo/phan-anh/${report.id}`,
  });
}

/**
 * The staff a report of the agency can be given to: id and full name only. Not audited like the
 * agency staff list (staff.ts), which shows e-mails and phones: the names of officials acting for
 * their agency are already public on every report's timeline, and nothing else is returned here.
 */
export async function assignableStaff(ctx: AppContext, agencyId: string): Promise<Array<{ id: string; fullName: string }>> {
  const rows = await feedbackDb(ctx.db)
    .selectFrom('users')
    .select(['id', 'full_name'])
    .where('agency_id', '=', agencyId)
    .where('role', 'in', [...ASSIGNABLE_ROLES])
    .where('status', '=', 'active')
    .orderBy('full_name')
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, fullName: r.full_name }));
}
