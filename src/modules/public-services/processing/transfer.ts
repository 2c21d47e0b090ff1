import { errors } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { addWorkingHours } from '../deadlines/index.js';
import { applyTransition, type DossierRow } from '../dossiers/transition.js';
import { IN_PROGRESS } from '../statuses.js';
import type { PsTrx } from '../tables.js';
import { calendarVersionOf, formatDateTime } from './clock.js';
import { runCommand, workingStatus, type Caller } from './command.js';
import { dossierTitle, notifyAgencyStaff, notifyHandlers } from './notify-staff.js';

async function agencyOrFail(trx: PsTrx, agencyId: string): Promise<{ id: string; name: string }> {
  const agency = await trx.selectFrom('agencies').select(['id', 'name']).where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw errors.badRequest('invalid_agency', 'Không tìm thấy cơ quan nhận.', 'No such agency.', [{ field: 'body.agencyId', message: { vi: 'Cơ quan không tồn tại.', en: 'No such agency.' } }]);
  return agency;
}

/**
 * Inter-agency transfer (chuyển liên thông): another agency handles the next step, within `hours`
 * working hours (the step's own due time). It arrives unassigned, marked "transferred", and its staff
 * are told; they acknowledge with accept-transfer, or implicitly by assigning or advancing it.
 */
export async function transferDossier(ctx: AppContext, caller: Caller, id: string, input: { agencyId: string; hours: number; note: string }, at = new Date()): Promise<DossierRow> {
  return runCommand(ctx, caller, id, 'transfer', at, async ({ trx, dossier }) => {
    const agency = await agencyOrFail(trx, input.agencyId);
    if (agency.id === (dossier.handling_agency_id ?? dossier.receiving_agency_id)) {
      throw errors.conflict('same_agency', 'Hồ sơ đang ở chính cơ quan này.', 'The dossier is already with this agency.');
    }
    const stepDueAt = await addWorkingHours(ctx.db, at, input.hours, await calendarVersionOf(ctx, trx, dossier), trx);
    const step = (dossier.current_step ?? 0) + 1;
    const after = await applyTransition(trx, ctx, dossier, caller.actor, {
      action: 'transfer',
      to: IN_PROGRESS,
      subState: 'transferred',
      changes: { handling_agency_id: agency.id, assignee_id: null, current_step: step, step_due_at: stepDueAt },
      comment: input.note,
      publicNote: { vi: `Hồ sơ được chuyển liên thông đến ${agency.name}.`, en: `The dossier was passed on to ${agency.name}.` },
      toAgencyId: agency.id,
      step,
      stepDueAt,
      data: { fromAgencyId: dossier.handling_agency_id, hours: input.hours },
      at,
    });
    await notifyAgencyStaff(trx, ctx, agency.id, after, dossierTitle(after, 'chuyển liên thông đến đơn vị', 'transferred to your agency'), {
      vi: `Hồ sơ được chuyển đến đơn vị để giải quyết, hạn bước này ${formatDateTime(stepDueAt)}.`,
      en: `A dossier was transferred to your agency; this step is due ${formatDateTime(stepDueAt)}.`,
    });
    return after;
  });
}

/**
 * Asks another agency's opinion (xin ý kiến) with its own due time. The dossier's due date does not
 * move, and a late answer makes the consultation overdue, not the dossier.
 */
export async function consultAgency(ctx: AppContext, caller: Caller, id: string, input: { agencyId: string; question: string; hours: number }, at = new Date()): Promise<{ dossier: DossierRow; consultationId: string }> {
  return runCommand(ctx, caller, id, 'consult', at, async ({ trx, dossier }) => {
    const agency = await agencyOrFail(trx, input.agencyId);
    if (agency.id === dossier.handling_agency_id) throw errors.conflict('same_agency', 'Không xin ý kiến chính cơ quan đang giải quyết.', 'Cannot consult the handling agency itself.');
    const dueAt = await addWorkingHours(ctx.db, at, input.hours, await calendarVersionOf(ctx, trx, dossier), trx);
    const consultation = await trx
      .insertInto('dossier_consultations')
      .values({ dossier_id: dossier.id, to_agency_id: agency.id, question: input.question, due_at: dueAt, asked_by: caller.actor.userId, asked_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = await applyTransition(trx, ctx, dossier, caller.actor, {
      action: 'consult',
      to: workingStatus(dossier),
      subState: 'consultation',
      toAgencyId: agency.id,
      comment: input.question,
      data: { consultationId: consultation.id, dueAt: dueAt.toISOString() },
      notify: false,
      at,
    });
    await notifyAgencyStaff(trx, ctx, agency.id, after, dossierTitle(after, 'xin ý kiến đơn vị', 'your opinion is asked'), {
      vi: `Một cơ quan xin ý kiến đơn vị về hồ sơ này, hạn trả lời ${formatDateTime(dueAt)}.`,
      en: `Another agency asks your opinion on this dossier, by ${formatDateTime(dueAt)}.`,
    });
    return { dossier: after, consultationId: consultation.id };
  });
}

/** The consulted agency answers; when no question is left open the dossier returns to appraisal. */
export async function answerConsultation(ctx: AppContext, caller: Caller, id: string, consultationId: string, answer: string, at = new Date()): Promise<DossierRow> {
  let late = false;
  return runCommand(
    ctx,
    caller,
    id,
    'answer_consultation',
    at,
    async ({ trx, dossier }) => {
      await trx.updateTable('dossier_consultations').set({ answer, answered_by: caller.actor.userId, answered_at: at }).where('id', '=', consultationId).execute();
      const stillOpen = await trx.selectFrom('dossier_consultations').select('id').where('dossier_id', '=', dossier.id).where('answered_at', 'is', null).executeTakeFirst();
      const after = await applyTransition(trx, ctx, dossier, caller.actor, {
        action: 'answer_consultation',
        to: dossier.status as typeof IN_PROGRESS,
        subState: !stillOpen && dossier.sub_state === 'consultation' ? 'appraisal' : dossier.sub_state,
        comment: answer,
        data: { consultationId, late },
        notify: false,
        at,
      });
      await notifyHandlers(trx, ctx, after, dossierTitle(after, 'đã có ý kiến trả lời', 'an answer arrived'), { vi: 'Cơ quan được xin ý kiến đã trả lời.', en: 'The consulted agency has answered.' }, caller.actor.userId);
      return after;
    },
    async (trx, dossier) => {
      const c = await trx.selectFrom('dossier_consultations').selectAll().where('id', '=', consultationId).where('dossier_id', '=', dossier.id).forUpdate().executeTakeFirst();
      if (!c) throw errors.notFound('Không tìm thấy yêu cầu xin ý kiến.', 'No such consultation.');
      if (c.answered_at) throw errors.conflict('consultation_answered', 'Yêu cầu xin ý kiến này đã được trả lời.', 'This consultation has already been answered.');
      late = at > new Date(c.due_at);
      const p = caller.principal;
      return { consultedOpen: p.kind === 'user' && p.agencyId === c.to_agency_id && (p.role === 'officer' || p.role === 'agency_admin') };
    },
  );
}
