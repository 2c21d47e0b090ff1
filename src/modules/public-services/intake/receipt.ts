import { formatVietnamese, todayInVietnam } from '../../../platform/calendar/index.js';
import type { AppContext } from '../../../platform/http/module.js';
import { versionById } from '../catalog/index.js';
import { addWorkingHours, computeDue } from '../deadlines/index.js';
import { issueDocument } from '../documents/index.js';
import { assessFees, newPaymentReference } from '../fees/index.js';
import { nextDossierCode } from '../dossiers/codes.js';
import { COMPLETION_REQUESTED } from '../dossiers/actions.js';
import { applyTransition, type Actor, type DossierRow } from '../dossiers/transition.js';
import { IN_PROGRESS, RECEIVED, REFUSED, SUBMITTED } from '../statuses.js';
import type { ProcessStep, ProcedureFee, PsTrx } from '../tables.js';

const vnDate = (d: Date) => formatVietnamese(todayInVietnam(d));

/** The first step after the counter's own, when it belongs to the handling agency. */
export function firstHandlingStep(process: ProcessStep[]): ProcessStep | undefined {
  const next = [...process].sort((a, b) => a.step - b.step).find((s) => s.actor !== 'receiving');
  return next?.actor === 'handling' ? next : undefined;
}

export function feeStatusOf(fees: ProcedureFee[], total: number): 'unpaid' | 'exempt' | 'none' {
  if (total > 0) return 'unpaid';
  return fees.some((f) => f.amount > 0) ? 'exempt' : 'none';
}

/** Every component the applicant handed in is on file: uploaded, scanned at the counter, or reused. */
export async function isDigitised(trx: PsTrx, dossierId: string): Promise<boolean> {
  const rows = await trx.selectFrom('dossier_components').select(['file_id', 'digitised', 'reused_from']).where('dossier_id', '=', dossierId).execute();
  return rows.length > 0 && rows.every((r) => r.file_id || r.digitised || r.reused_from);
}

/**
 * Valid receipt (tiếp nhận hợp lệ), in the caller's transaction: the dossier code, the due date
 * counted from now on the working calendar (submission time stays as it was), the fees and their
 * payment reference, status 2 and the receipt (Mẫu 01); then, when the internal process continues at
 * the handling agency, the hand-over to it (status 4) with the step's own due time.
 */
export async function acceptDossier(trx: PsTrx, ctx: AppContext, before: DossierRow, actor: Actor, options: { note?: string | undefined; at?: Date } = {}): Promise<DossierRow> {
  const at = options.at ?? new Date();
  const version = await versionById(trx, before.procedure_version_id);
  if (!version) throw new Error(`procedure version ${before.procedure_version_id} is missing`);
  const agency = await trx.selectFrom('agencies').select('code').where('id', '=', before.receiving_agency_id!).executeTakeFirstOrThrow();
  const code = await nextDossierCode(trx, agency.code, at);
  const due = await computeDue(ctx.db, { receivedAt: at, amount: Number(version.time_amount), unit: version.time_unit, cutoff: version.same_day_cutoff }, trx);
  const fees = assessFees(version.fees, before.exemption_codes);
  const receivingStep = [...version.process].sort((a, b) => a.step - b.step).find((s) => s.actor === 'receiving');
  const received = await applyTransition(trx, ctx, before, actor, {
    action: 'receive',
    to: RECEIVED,
    subState: null,
    at,
    changes: {
      code: code.code,
      code_format_version: code.formatVersion,
      received_at: at,
      due_at: due.dueAt,
      due_calendar_version: due.calendarVersion,
      due_explanation: JSON.stringify(due.explanation),
      fee_total: fees.total,
      fee_status: feeStatusOf(version.fees, fees.total),
      payment_reference: fees.total > 0 ? newPaymentReference() : null,
      digitised: await isDigitised(trx, before.id),
      current_step: receivingStep?.step ?? null,
      step_due_at: null,
    },
    comment: options.note ?? null,
    publicNote: {
      vi: `Hồ sơ đã được tiếp nhận, mã hồ sơ ${code.code}, hẹn trả kết quả ngày ${vnDate(due.dueAt)}.`,
      en: `The dossier was received with code ${code.code}; the result is due on ${vnDate(due.dueAt)}.`,
    },
    data: { code: code.code, feeTotal: fees.total, calendarVersion: due.calendarVersion },
  });
  await issueDocument(trx, ctx, received, 'receipt', {}, actor);
  const next = firstHandlingStep(version.process);
  if (!next || !received.handling_agency_id) return received;
  const stepDueAt = await addWorkingHours(ctx.db, at, next.hours, due.calendarVersion, trx);
  return applyTransition(trx, ctx, received, actor, {
    action: 'start_processing',
    to: IN_PROGRESS,
    at,
    changes: { current_step: next.step, step_due_at: stepDueAt },
    toAgencyId: received.handling_agency_id,
    step: next.step,
    stepDueAt,
    notify: false,
    publicNote: { vi: 'Hồ sơ đã được chuyển đến cơ quan giải quyết.', en: 'The dossier was passed to the handling agency.' },
  });
}

/**
 * Mẫu 02 before receipt: everything missing, listed at once. The dossier stays "submitted" and goes
 * back to the applicant, who completes it and resubmits.
 */
export async function requestCompletion(trx: PsTrx, ctx: AppContext, before: DossierRow, actor: Actor, missing: string[], note?: string): Promise<DossierRow> {
  const after = await applyTransition(trx, ctx, before, actor, {
    action: 'request_completion',
    to: SUBMITTED,
    subState: COMPLETION_REQUESTED,
    comment: note ?? null,
    notify: true,
    publicNote: { vi: `Đề nghị bổ sung, hoàn thiện hồ sơ: ${missing.join('; ')}.`, en: `Please complete the dossier: ${missing.join('; ')}.` },
    data: { missing },
  });
  await issueDocument(trx, ctx, after, 'completion_request', { missing }, actor);
  return after;
}

/** Mẫu 03: refused at receipt, with the reasons written on it. */
export async function refuseDossier(trx: PsTrx, ctx: AppContext, before: DossierRow, actor: Actor, reasons: string[]): Promise<DossierRow> {
  const at = new Date();
  const after = await applyTransition(trx, ctx, before, actor, {
    action: 'refuse',
    to: REFUSED,
    subState: null,
    at,
    changes: { outcome: 'refused', finished_at: at },
    publicNote: { vi: `Hồ sơ không được tiếp nhận. Lý do: ${reasons.join('; ')}.`, en: `The dossier was not accepted. Reasons: ${reasons.join('; ')}.` },
    data: { reasons },
  });
  await issueDocument(trx, ctx, after, 'refusal', { reasons }, actor);
  return after;
}
