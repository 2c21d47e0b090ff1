import { errors } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { issueDocument } from '../documents/index.js';
import { applyTransition, type DossierRow } from '../dossiers/transition.js';
import { STOPPED, WITHDRAWN, type NationalStatus } from '../statuses.js';
import type { PsTrx } from '../tables.js';
import { closeOpenPause, formatDateTime } from './clock.js';
import { runCommand, type Caller } from './command.js';
import { dossierTitle, notifyHandlers } from './notify-staff.js';

/** The columns every end of handling sets; an open pause ends with it. */
async function endChanges(ctx: AppContext, trx: PsTrx, dossier: DossierRow, at: Date) {
  const pause = await closeOpenPause(ctx, trx, dossier, at);
  return { finished_at: at, paused_since: null, paused_working_minutes: dossier.paused_working_minutes + (pause?.workingMinutes ?? 0) };
}

/** The applicant withdraws the dossier (rút hồ sơ): status 7, with the reason; the handling agency is told. */
export async function withdrawDossier(ctx: AppContext, caller: Caller, id: string, reason: string, at = new Date()): Promise<DossierRow> {
  return runCommand(ctx, caller, id, 'withdraw', at, async ({ trx, dossier }) => {
    const after = await applyTransition(trx, ctx, dossier, caller.actor, {
      action: 'withdraw',
      to: WITHDRAWN,
      subState: null,
      changes: { ...(await endChanges(ctx, trx, dossier, at)), outcome: 'withdrawn' },
      comment: reason,
      publicNote: { vi: 'Hồ sơ đã được rút theo yêu cầu của người nộp.', en: 'The dossier was withdrawn at the applicant’s request.' },
      data: { reason },
      at,
    });
    if (after.handling_agency_id || after.receiving_agency_id) {
      await notifyHandlers(trx, ctx, after, dossierTitle(after, 'người nộp rút hồ sơ', 'withdrawn by the applicant'), { vi: `Lý do: ${reason}`, en: `Reason: ${reason}` });
    }
    return after;
  });
}

/** The agency stops processing (dừng giải quyết) with a reason and the notice Mẫu 05: status 8. */
export async function stopDossier(ctx: AppContext, caller: Caller, id: string, reason: string, at = new Date()): Promise<{ dossier: DossierRow; documentId: string }> {
  return runCommand(ctx, caller, id, 'stop', at, async ({ trx, dossier }) => {
    const after = await applyTransition(trx, ctx, dossier, caller.actor, {
      action: 'stop',
      to: STOPPED,
      subState: null,
      changes: { ...(await endChanges(ctx, trx, dossier, at)), outcome: 'stopped' },
      comment: reason,
      publicNote: { vi: 'Cơ quan giải quyết dừng xử lý hồ sơ; xem thông báo dừng giải quyết.', en: 'The agency stopped processing the dossier; see the stop notice.' },
      data: { reason },
      at,
    });
    const document = await issueDocument(trx, ctx, after, 'stop_notice', { reason }, caller.actor);
    return { dossier: after, documentId: document.id };
  });
}

/**
 * The apology letter with a new date (Mẫu 04), before the dossier becomes late and only once. The
 * legal due date never changes: the dossier still counts late; only `extended_due_at` is set.
 */
export async function sendApology(ctx: AppContext, caller: Caller, id: string, input: { reason: string; newDueAt: Date }, at = new Date()): Promise<{ dossier: DossierRow; documentId: string }> {
  return runCommand(ctx, caller, id, 'apology', at, async ({ trx, dossier }) => {
    if (input.newDueAt.getTime() <= new Date(dossier.due_at!).getTime()) {
      throw errors.badRequest('invalid_new_due', 'Ngày hẹn mới phải sau ngày hẹn trả hiện tại.', 'The new date must be after the current due date.', [
        { field: 'body.newDueAt', message: { vi: 'Chọn ngày sau ngày hẹn trả.', en: 'Pick a date after the due date.' } },
      ]);
    }
    const after = await applyTransition(trx, ctx, dossier, caller.actor, {
      action: 'apology',
      to: dossier.status as NationalStatus,
      changes: { extended_due_at: input.newDueAt },
      comment: input.reason,
      publicNote: { vi: `Cơ quan giải quyết xin lỗi vì chậm trả kết quả và hẹn lại ngày ${formatDateTime(input.newDueAt)}.`, en: `The agency apologises for the delay and sets a new date: ${formatDateTime(input.newDueAt)}.` },
      data: { reason: input.reason, newDueAt: input.newDueAt.toISOString(), dueAt: new Date(dossier.due_at!).toISOString() },
      notify: true,
      at,
    });
    const document = await issueDocument(trx, ctx, after, 'apology', { reason: input.reason, newDueAt: input.newDueAt }, caller.actor);
    return { dossier: after, documentId: document.id };
  });
}
