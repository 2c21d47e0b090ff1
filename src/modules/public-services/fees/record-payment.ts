import type { AppContext } from '../../../platform/http/module.js';
import { applyTransition, type Actor, type DossierRow } from '../dossiers/transition.js';
import { resumeAfterPayment } from '../processing/payment.js';
import { PAYMENT_REQUESTED, type NationalStatus } from '../statuses.js';
import { platformTrx, type PsTrx } from '../tables.js';
import { vnd } from '../documents/format.js';

export type PaymentMethod = 'bank_transfer' | 'counter' | 'gateway';

/** Paid online in the sense of Decision 766 indicator 3.6: through the gateway or by bank transfer. */
export const ONLINE_METHODS: readonly PaymentMethod[] = ['bank_transfer', 'gateway'];

export interface PaymentInput {
  method: PaymentMethod;
  /** Who reports it (bank, gateway name, `counter`), and its own id for the payment: unique together. */
  provider: string;
  providerRef: string;
  amount: number;
  paidAt: Date;
  recordedBy: string | null;
  raw: Record<string, unknown>;
}

export type PaymentOutcome =
  | { state: 'paid'; paymentId: string; dossier: DossierRow }
  /** The same provider reference was recorded before: a replay, nothing changes. */
  | { state: 'already_recorded'; paymentId: string; dossier: DossierRow }
  /** Nothing is owed (already paid, exempt, or no fee). */
  | { state: 'nothing_due'; dossier: DossierRow }
  | { state: 'amount_mismatch'; expected: number; dossier: DossierRow };

/**
 * Records a payment of a dossier's fees, in the caller's transaction, on a row the caller locked with
 * `lockDossier`: the payment row, `fee_status = 'paid'`, a trail event `payment_received` (the applicant
 * is told), an audit record; a dossier waiting for payment (status 6) returns to processing (4).
 * Only the exact outstanding amount pays; replays of a provider reference are answered, not repeated.
 */
export async function recordPayment(trx: PsTrx, ctx: AppContext, dossier: DossierRow, input: PaymentInput, actor: Actor): Promise<PaymentOutcome> {
  const earlier = await trx.selectFrom('dossier_payments').select('id').where('provider', '=', input.provider).where('provider_ref', '=', input.providerRef).executeTakeFirst();
  if (earlier) return { state: 'already_recorded', paymentId: earlier.id, dossier };
  if (dossier.fee_status !== 'unpaid') return { state: 'nothing_due', dossier };
  const expected = Number(dossier.fee_total);
  if (input.amount !== expected) return { state: 'amount_mismatch', expected, dossier };
  const payment = await trx
    .insertInto('dossier_payments')
    .values({
      dossier_id: dossier.id,
      method: input.method,
      provider: input.provider,
      provider_ref: input.providerRef,
      amount: input.amount,
      paid_at: input.paidAt,
      recorded_by: input.recordedBy,
      raw: JSON.stringify(input.raw),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const after = await markPaid(trx, ctx, dossier, input, payment.id, actor);
  await ctx.audit.record(platformTrx(trx), {
    actor,
    action: 'dossier.payment_recorded',
    targetType: 'dossier',
    targetId: dossier.id,
    subjectUserId: dossier.applicant_user_id,
    details: { paymentId: payment.id, method: input.method, provider: input.provider, providerRef: input.providerRef, amount: input.amount },
  });
  return { state: 'paid', paymentId: payment.id, dossier: after };
}

async function markPaid(trx: PsTrx, ctx: AppContext, dossier: DossierRow, input: PaymentInput, paymentId: string, actor: Actor): Promise<DossierRow> {
  if (dossier.status === PAYMENT_REQUESTED) {
    // The processing code owns the way back from 6 to 4 (its trail event is `payment_received`).
    const paid = await trx.updateTable('dossiers').set({ fee_status: 'paid' }).where('id', '=', dossier.id).returningAll().executeTakeFirstOrThrow();
    return resumeAfterPayment(trx, ctx, paid);
  }
  return applyTransition(trx, ctx, dossier, actor, {
    action: 'payment_received',
    to: dossier.status as NationalStatus,
    changes: { fee_status: 'paid' },
    publicNote: { vi: `Đã nhận phí, lệ phí: ${vnd(input.amount)}.`, en: `Fee received: ${input.amount.toLocaleString('en-US')} VND.` },
    data: { paymentId, method: input.method, amount: input.amount },
    notify: true,
  });
}
