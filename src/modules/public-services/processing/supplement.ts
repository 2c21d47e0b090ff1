import { errors } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { storeUpload } from '../../../platform/files/file-service.js';
import { extendByWorkingMinutes } from '../deadlines/index.js';
import { issueDocument } from '../documents/index.js';
import { applyTransition, type DossierRow } from '../dossiers/transition.js';
import { IN_PROGRESS, SUPPLEMENT_REQUESTED } from '../statuses.js';
import { platformTrx, type ProcedureComponent, type PsTrx } from '../tables.js';
import { appendExplanation, calendarVersionOf, closeOpenPause, formatDateTime, formatWorkingTime } from './clock.js';
import { runCommand, type Caller } from './command.js';
import { dossierTitle, notifyHandlers } from './notify-staff.js';

/**
 * Asks the applicant for more documents during processing (yêu cầu bổ sung): the clock stops
 * (status 5, a pause row, `paused_since`) and the request (phiếu yêu cầu bổ sung) is issued listing
 * everything at once. A second request needs a reason and is flagged: national scoring counts such
 * a dossier late whatever its dates.
 */
export async function requestSupplement(ctx: AppContext, caller: Caller, id: string, input: { items: string[]; reason?: string | undefined }, at = new Date()): Promise<{ dossier: DossierRow; documentId: string }> {
  return runCommand(ctx, caller, id, 'request_supplement', at, async ({ trx, dossier }) => {
    const reason = input.reason?.trim() ?? '';
    const second = dossier.supplement_requests >= 1;
    if (second && reason.length < 3) {
      throw errors.badRequest('reason_required', 'Yêu cầu bổ sung lần thứ hai phải nêu rõ lý do.', 'A second supplement request must give its reason.', [
        { field: 'body.reason', message: { vi: 'Nêu lý do yêu cầu bổ sung lần nữa.', en: 'Give the reason for asking again.' } },
      ]);
    }
    const pause = await trx
      .insertInto('dossier_pauses')
      .values({ dossier_id: dossier.id, kind: 'supplement', started_at: at, reason, items: JSON.stringify(input.items), requested_by: caller.actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = await applyTransition(trx, ctx, dossier, caller.actor, {
      action: 'request_supplement',
      to: SUPPLEMENT_REQUESTED,
      changes: { paused_since: at, supplement_requests: dossier.supplement_requests + 1 },
      comment: reason || null,
      publicNote: { vi: 'Hồ sơ cần bổ sung giấy tờ; xem phiếu yêu cầu bổ sung. Thời gian chờ bổ sung không tính vào thời hạn giải quyết.', en: 'More documents are needed; see the supplement request. The waiting time does not count against the time limit.' },
      data: { pauseId: pause.id, items: input.items, secondSupplement: second, requestNumber: dossier.supplement_requests + 1 },
      at,
    });
    const document = await issueDocument(trx, ctx, after, 'supplement_request', { missing: input.items, ...(reason ? { reason } : {}) }, caller.actor);
    return { dossier: after, documentId: document.id };
  });
}

export interface SupplementFile {
  componentCode: string;
  buffer: Buffer;
  filename: string;
}

async function componentsOf(trx: PsTrx, dossier: DossierRow): Promise<ProcedureComponent[]> {
  const version = await trx.selectFrom('procedure_versions').select('components').where('id', '=', dossier.procedure_version_id).executeTakeFirstOrThrow();
  return version.components;
}

/**
 * The applicant's supplement (bổ sung hồ sơ): files by component code, and a note. It ends the pause;
 * the due date (and the step's) moves later by exactly the working time the dossier waited, and the
 * explanation of the due date says so.
 */
export async function supplyDocuments(ctx: AppContext, caller: Caller, id: string, input: { files: SupplementFile[]; note?: string | undefined }, at = new Date()): Promise<DossierRow> {
  if (input.files.length === 0 && !input.note?.trim()) {
    throw errors.badRequest('supplement_empty', 'Gửi kèm ít nhất một tệp hoặc một ghi chú.', 'Send at least one file or a note.');
  }
  return runCommand(ctx, caller, id, 'supplement', at, async ({ trx, dossier }) => {
    const components = await componentsOf(trx, dossier);
    for (const f of input.files) {
      if (!components.some((c) => c.code === f.componentCode)) {
        throw errors.badRequest('unknown_component', `Thành phần hồ sơ "${f.componentCode}" không có trong thủ tục.`, `The procedure has no component "${f.componentCode}".`);
      }
    }
    for (const f of input.files) {
      const stored = await storeUpload(ctx, platformTrx(trx), {
        buffer: f.buffer,
        filename: f.filename,
        ownerUserId: dossier.applicant_user_id ?? caller.actor.userId,
        purpose: 'attachment',
        actor: caller.actor,
      });
      const kind = components.find((c) => c.code === f.componentCode)!.kind;
      await trx.insertInto('dossier_components').values({ dossier_id: dossier.id, component_code: f.componentCode, kind, file_id: stored.id, sha256: stored.sha256, added_in: 'supplement', added_at: at }).execute();
    }
    const after = await resumeClock(ctx, trx, dossier, at);
    const moved = await applyTransition(trx, ctx, dossier, caller.actor, {
      action: 'supplement',
      to: IN_PROGRESS,
      changes: after.changes,
      comment: input.note?.trim() || null,
      publicNote: after.dueAt
        ? { vi: `Đã nhận hồ sơ bổ sung; ngày hẹn trả mới ${formatDateTime(after.dueAt)}.`, en: `Supplement received; the new due date is ${formatDateTime(after.dueAt)}.` }
        : { vi: 'Đã nhận hồ sơ bổ sung.', en: 'Supplement received.' },
      data: { pauseId: after.pauseId, workingMinutes: after.minutes, files: input.files.map((f) => f.componentCode) },
      at,
    });
    await notifyHandlers(trx, ctx, moved, dossierTitle(moved, 'người nộp đã bổ sung', 'the applicant supplemented'), { vi: 'Người nộp đã bổ sung hồ sơ; thời hạn giải quyết tính tiếp.', en: 'The applicant sent the supplement; the clock runs again.' });
    return moved;
  });
}

/** Closes the pause and computes the shifted due dates and the explanation line. */
async function resumeClock(ctx: AppContext, trx: PsTrx, dossier: DossierRow, at: Date) {
  const pause = await closeOpenPause(ctx, trx, dossier, at);
  const minutes = pause?.workingMinutes ?? 0;
  const version = await calendarVersionOf(ctx, trx, dossier);
  const shift = (d: Date | null) => (d && minutes > 0 ? extendByWorkingMinutes(ctx.db, new Date(d), minutes, version, trx) : Promise.resolve(d ? new Date(d) : null));
  const dueAt = await shift(dossier.due_at);
  const stepDueAt = await shift(dossier.step_due_at);
  const time = formatWorkingTime(minutes);
  const since = formatDateTime(pause?.startedAt ?? at);
  const line = {
    vi: `Cộng ${time.vi} làm việc chờ bổ sung hồ sơ (từ ${since} đến ${formatDateTime(at)})${dueAt ? `; hẹn trả mới ${formatDateTime(dueAt)}` : ''}.`,
    en: `Plus ${time.en} of working time waiting for the supplement (${since} to ${formatDateTime(at)})${dueAt ? `; new due date ${formatDateTime(dueAt)}` : ''}.`,
  };
  return {
    pauseId: pause?.id ?? null,
    minutes,
    dueAt,
    changes: {
      paused_since: null,
      paused_working_minutes: dossier.paused_working_minutes + minutes,
      due_at: dueAt,
      step_due_at: stepDueAt,
      due_explanation: JSON.stringify(appendExplanation(dossier.due_explanation, line)),
    },
  };
}
