import type { AppContext } from '../../../platform/http/module.js';
import type { DossierRow } from '../dossiers/transition.js';
import { psDb } from '../tables.js';
import { assessFees, type FeeAssessment } from './index.js';
import { ONLINE_METHODS, type PaymentMethod } from './record-payment.js';
import { buildVietQr, type VietQr } from './vietqr.js';

export interface PaymentView {
  amount: number;
  status: DossierRow['fee_status'];
  reference: string | null;
  lines: FeeAssessment['lines'];
  onlinePayment: boolean;
  /** How to pay by bank transfer; only while something is owed. */
  vietqr: VietQr | null;
  payments: Array<{ id: string; method: PaymentMethod; online: boolean; provider: string; providerRef: string; amount: number; paidAt: string }>;
}

/** What is owed for a dossier, how to pay it, and what was paid. */
export async function paymentView(ctx: AppContext, dossier: DossierRow): Promise<PaymentView> {
  const db = psDb(ctx.db);
  const version = await db.selectFrom('procedure_versions').select(['fees', 'online_payment']).where('id', '=', dossier.procedure_version_id).executeTakeFirstOrThrow();
  const payments = await db.selectFrom('dossier_payments').selectAll().where('dossier_id', '=', dossier.id).orderBy('paid_at').execute();
  const amount = Number(dossier.fee_total);
  const owed = dossier.fee_status === 'unpaid' && amount > 0 && !!dossier.payment_reference;
  return {
    amount,
    status: dossier.fee_status,
    reference: dossier.payment_reference,
    // Fees are assessed at receipt with the exemptions claimed; the lines show how the total came about.
    lines: assessFees(version.fees, dossier.exemption_codes).lines,
    onlinePayment: version.online_payment,
    vietqr: owed ? await buildVietQr(ctx.config.payment, amount, dossier.payment_reference!) : null,
    payments: payments.map((p) => ({
      id: p.id,
      method: p.method,
      online: ONLINE_METHODS.includes(p.method),
      provider: p.provider,
      providerRef: p.provider_ref,
      amount: Number(p.amount),
      paidAt: p.paid_at.toISOString(),
    })),
  };
}
