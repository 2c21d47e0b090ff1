import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../../platform/http/module.js';
import { SYSTEM_ACTOR, lockDossier } from '../dossiers/transition.js';
import type { PsTrx } from '../tables.js';
import type { GatewayNotice } from './gateway.js';
import { recordPayment } from './record-payment.js';

export interface GatewayOutcome {
  state: 'paid' | 'failed' | 'unmatched' | 'nothing_due' | 'amount_mismatch';
  paymentId: string | null;
  dossierCode: string | null;
}

/**
 * What a verified gateway notice does, in the caller's transaction: the signed callback route and the
 * demo gateway's checkout both come through here, so a demo payment is recorded exactly as a real one.
 * Idempotent by the gateway's transaction id: a replay answers as the first time.
 */
export async function applyGatewayNotice(trx: PsTrx, ctx: AppContext, notice: GatewayNotice, log: FastifyBaseLogger): Promise<GatewayOutcome> {
  if (notice.status === 'failed') return { state: 'failed', paymentId: null, dossierCode: null };
  const found = await trx.selectFrom('dossiers').select('id').where('payment_reference', '=', notice.reference).executeTakeFirst();
  if (!found) {
    log.warn({ reference: notice.reference, transactionId: notice.transactionId }, 'gateway notice for an unknown payment reference');
    return { state: 'unmatched', paymentId: null, dossierCode: null };
  }
  const dossier = await lockDossier(trx, found.id);
  const actor = { ...SYSTEM_ACTOR, label: `payment-gateway:${notice.provider}` };
  const outcome = await recordPayment(
    trx,
    ctx,
    dossier,
    { method: 'gateway', provider: notice.provider, providerRef: notice.transactionId, amount: notice.amount, paidAt: notice.paidAt, recordedBy: null, raw: { ...notice, paidAt: notice.paidAt.toISOString() } },
    actor,
  );
  if (outcome.state === 'paid' || outcome.state === 'already_recorded') return { state: 'paid', paymentId: outcome.paymentId, dossierCode: dossier.code };
  return { state: outcome.state, paymentId: null, dossierCode: dossier.code };
}
