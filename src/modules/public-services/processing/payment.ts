import type { AppContext } from '../../../platform/http/module.js';
import { applyTransition, SYSTEM_ACTOR, type DossierRow } from '../dossiers/transition.js';
import { IN_PROGRESS, PAYMENT_REQUESTED } from '../statuses.js';
import type { PsTrx } from '../tables.js';
import { runCommand, type Caller } from './command.js';
import { dossierTitle, notifyHandlers } from './notify-staff.js';

/** Asks the applicant to pay what is due (thực hiện nghĩa vụ tài chính): status 6 until it is paid. */
export async function requestPayment(ctx: AppContext, caller: Caller, id: string, note: string | undefined, at = new Date()): Promise<DossierRow> {
  return runCommand(ctx, caller, id, 'request_payment', at, async ({ trx, dossier }) =>
    applyTransition(trx, ctx, dossier, caller.actor, {
      action: 'request_payment',
      to: PAYMENT_REQUESTED,
      comment: note ?? null,
      publicNote: { vi: `Hồ sơ chờ nộp phí, lệ phí: ${Number(dossier.fee_total).toLocaleString('vi-VN')} đồng.`, en: `Waiting for the fee: ${Number(dossier.fee_total).toLocaleString('en-US')} VND.` },
      data: { amount: Number(dossier.fee_total), reference: dossier.payment_reference },
      at,
    }),
  );
}

/**
 * Called by the fees code in its own transaction, with the row it already locked, once the fees are
 * paid: a dossier waiting for payment (6) goes back to processing (4). Any other status is left alone.
 */
export async function resumeAfterPayment(trx: PsTrx, ctx: AppContext, dossier: DossierRow, at = new Date()): Promise<DossierRow> {
  if (dossier.status !== PAYMENT_REQUESTED) return dossier;
  const after = await applyTransition(trx, ctx, dossier, SYSTEM_ACTOR, {
    action: 'payment_received',
    to: IN_PROGRESS,
    publicNote: { vi: 'Đã nhận đủ phí, lệ phí; hồ sơ tiếp tục được giải quyết.', en: 'The fee was received; processing continues.' },
    at,
  });
  await notifyHandlers(trx, ctx, after, dossierTitle(after, 'đã nộp phí', 'fee paid'), { vi: 'Người nộp đã nộp phí, lệ phí; hồ sơ tiếp tục xử lý.', en: 'The fee was paid; processing continues.' });
  return after;
}
