import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../../platform/http/module.js';
import { psDb, type PsTrx } from '../tables.js';
import { demoGateway } from './gateway.js';
import { applyGatewayNotice } from './gateway-notice.js';
import { intentSettled, lockIntent, settleIntent, type IntentRow, type IntentState } from './demo-intents.js';
import { amountMismatch, nothingDue } from './errors.js';
import { bankName } from './vietqr.js';

/**
 * What the demo checkout page shows: what is paid, for which dossier, to whom. Nothing about the
 * applicant: whoever holds the link sees only what the payer already knows.
 */
export interface CheckoutView {
  state: IntentState;
  amount: number;
  dossierCode: string | null;
  procedureName: string;
  merchantName: string;
  bankName: string;
  demo: true;
  expiresAt: string;
  returnUrl: string;
  paidAt: string | null;
}

export interface CheckoutResult {
  state: 'paid' | 'cancelled';
  paymentId: string | null;
  dossierCode: string | null;
  returnUrl: string;
}

async function dossierFacts(trx: PsTrx, intent: IntentRow) {
  return trx
    .selectFrom('dossiers')
    .innerJoin('procedure_versions', 'procedure_versions.id', 'dossiers.procedure_version_id')
    .select(['dossiers.code', 'dossiers.fee_status', 'dossiers.fee_total', 'dossiers.payment_reference', 'procedure_versions.name as procedureName'])
    .where('dossiers.id', '=', intent.dossier_id)
    .executeTakeFirstOrThrow();
}

type DossierFacts = Awaited<ReturnType<typeof dossierFacts>>;

/** Runs `work` in one transaction with the intent locked (two presses cannot both settle it) and its dossier read. */
function withIntent<T>(ctx: AppContext, token: string, work: (trx: PsTrx, intent: IntentRow, dossier: DossierFacts) => T | Promise<T>): Promise<T> {
  return psDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const intent = await lockIntent(trx, token);
      return work(trx, intent, await dossierFacts(trx, intent));
    });
}

/** An open intent whose dossier no longer owes exactly its amount (paid meanwhile by transfer, say) cannot be paid. */
function assertStillOwed(intent: IntentRow, dossier: DossierFacts): void {
  if (intent.state !== 'open') return;
  if (dossier.fee_status !== 'unpaid' || dossier.payment_reference !== intent.reference) throw nothingDue();
  if (Number(dossier.fee_total) !== Number(intent.amount)) throw amountMismatch(Number(dossier.fee_total));
}

export async function checkoutView(ctx: AppContext, token: string): Promise<CheckoutView> {
  demoGateway(ctx);
  return withIntent(ctx, token, (_trx, intent, dossier) => {
    assertStillOwed(intent, dossier);
    return {
      state: intent.state,
      amount: Number(intent.amount),
      dossierCode: dossier.code,
      procedureName: dossier.procedureName,
      merchantName: ctx.config.payment.accountName,
      bankName: bankName(ctx.config.payment.bankBin),
      demo: true as const,
      expiresAt: intent.expires_at.toISOString(),
      returnUrl: intent.return_url,
      paidAt: intent.state === 'paid' ? intent.settled_at!.toISOString() : null,
    };
  });
}

/**
 * The payer pressed "pay": the demo gateway signs a success notice for the intent and it goes through
 * the same verification and the same writer as a real gateway's callback, in one transaction with the
 * intent. The gateway transaction id is the intent's, so pressing again answers the first payment.
 */
export async function payIntent(ctx: AppContext, token: string, log: FastifyBaseLogger): Promise<CheckoutResult> {
  const gateway = demoGateway(ctx);
  return withIntent(ctx, token, async (trx, intent, dossier) => {
    if (intent.state === 'paid') return { state: 'paid' as const, paymentId: intent.payment_id, dossierCode: dossier.code, returnUrl: intent.return_url };
    if (intent.state === 'cancelled') throw intentSettled(intent.state);
    assertStillOwed(intent, dossier);
    const signed = gateway.signedNotice({ transactionId: `demo-${intent.id}`, reference: intent.reference, amount: Number(intent.amount), status: 'success', paidAt: new Date() });
    const outcome = await applyGatewayNotice(trx, ctx, gateway.verifyCallback(signed.headers, signed.rawBody), log);
    // Checked above under the dossier's values; anything else here means the dossier changed underneath.
    if (outcome.state !== 'paid') throw nothingDue();
    await settleIntent(trx, intent.id, 'paid', outcome.paymentId);
    return { state: 'paid' as const, paymentId: outcome.paymentId, dossierCode: outcome.dossierCode, returnUrl: intent.return_url };
  });
}

/** The payer pressed "cancel": nothing is paid, and the link can no longer be used to pay. */
export async function cancelIntent(ctx: AppContext, token: string): Promise<CheckoutResult> {
  demoGateway(ctx);
  return withIntent(ctx, token, async (trx, intent, dossier) => {
    if (intent.state === 'paid') throw intentSettled(intent.state);
    if (intent.state === 'open') await settleIntent(trx, intent.id, 'cancelled', null);
    return { state: 'cancelled' as const, paymentId: null, dossierCode: dossier.code, returnUrl: intent.return_url };
  });
}
