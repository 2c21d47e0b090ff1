import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import { AppError, errors } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import type { DossierRow } from '../dossiers/transition.js';
import { createIntent } from './demo-intents.js';

/** What a gateway reports about one payment, once its signature is verified. */
export interface GatewayNotice {
  provider: string;
  /** The gateway's own id of the transaction: a replay carries the same one. */
  transactionId: string;
  /** The dossier's payment reference the payment was created for. */
  reference: string;
  amount: number;
  status: 'success' | 'failed';
  paidAt: Date;
}

export type PayableDossier = Pick<DossierRow, 'id' | 'code' | 'payment_reference' | 'fee_total'>;

/** What the demo gateway's checkout says happened, before it is signed and sent back as a notice. */
export type DemoOutcome = Omit<GatewayNotice, 'provider'>;

/**
 * An online payment provider (cổng thanh toán): sends the payer to its page, and later calls us back
 * with a signed notice. Real providers (the national portal's payment platform, a bank's) implement
 * the same two methods.
 */
export interface PaymentGateway {
  readonly name: string;
  createPayment(dossier: PayableDossier, returnUrl: string): Promise<{ redirectUrl: string }>;
  verifyCallback(headers: Record<string, string | string[] | undefined>, rawBody: string): GatewayNotice;
}

export const SIGNATURE_HEADER = 'x-payment-signature';

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

const badSignature = () => new AppError(403, 'invalid_signature', { vi: 'Chữ ký của thông báo thanh toán không hợp lệ.', en: 'The payment notice signature is not valid.' });
const badNotice = (en: string) => errors.badRequest('invalid_payment_notice', 'Thông báo thanh toán không hợp lệ.', `The payment notice is not valid: ${en}`);

function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The built-in demo gateway: no money moves. It plays both sides: its checkout page
 * (`/dich-vu-cong/thanh-toan/demo?token=…`, see demo-checkout.ts) keeps a payment intent per token,
 * and when the payer "pays" it signs a notice as a real gateway would. Notices are JSON signed with
 * HMAC-SHA256 of the raw body under PAYMENT_GATEWAY_SECRET, in the header `x-payment-signature: sha256=<hex>`.
 */
export class DemoGateway implements PaymentGateway {
  readonly name = 'demo';
  constructor(
    private readonly secret: string,
    private readonly publicUrl: string,
    private readonly db: Kysely<Database>,
  ) {}

  async createPayment(dossier: PayableDossier, returnUrl: string): Promise<{ redirectUrl: string }> {
    const token = await createIntent(this.db, dossier, returnUrl);
    return { redirectUrl: `${this.publicUrl}/dich-vu-cong/thanh-toan/demo?${new URLSearchParams({ token }).toString()}` };
  }

  /** The gateway's side of a callback: the notice as the raw body it sends, and its signature header. */
  signedNotice(outcome: DemoOutcome): { headers: Record<string, string>; rawBody: string } {
    const rawBody = JSON.stringify({ ...outcome, paidAt: outcome.paidAt.toISOString() });
    return { headers: { [SIGNATURE_HEADER]: signBody(this.secret, rawBody) }, rawBody };
  }

  verifyCallback(headers: Record<string, string | string[] | undefined>, rawBody: string): GatewayNotice {
    const given = headers[SIGNATURE_HEADER];
    if (typeof given !== 'string' || !sameSignature(given, signBody(this.secret, rawBody))) throw badSignature();
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      throw badNotice('not JSON');
    }
    const { transactionId, reference, amount, status, paidAt } = body;
    if (typeof transactionId !== 'string' || !transactionId || transactionId.length > 100) throw badNotice('transactionId');
    if (typeof reference !== 'string' || !reference) throw badNotice('reference');
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) throw badNotice('amount');
    if (status !== 'success' && status !== 'failed') throw badNotice('status');
    const at = typeof paidAt === 'string' ? new Date(paidAt) : new Date();
    if (Number.isNaN(at.getTime())) throw badNotice('paidAt');
    return { provider: this.name, transactionId, reference, amount, status, paidAt: at };
  }
}

export const gatewayUnavailable = () =>
  new AppError(503, 'gateway_not_configured', { vi: 'Chưa cấu hình cổng thanh toán trực tuyến.', en: 'No online payment gateway is configured.' });

/**
 * The configured gateway, or undefined when none is: the demo gateway whenever PAYMENT_GATEWAY_SECRET is
 * set (outside production a development secret is always set; in production only when configured).
 */
export function paymentGateway(ctx: Pick<AppContext, 'config' | 'db'>): PaymentGateway | undefined {
  const secret = ctx.config.payment.gatewaySecret;
  return secret ? new DemoGateway(secret, ctx.config.publicUrl, ctx.db) : undefined;
}

/** The demo gateway when it is the configured one; its checkout routes answer 503 otherwise. */
export function demoGateway(ctx: Pick<AppContext, 'config' | 'db'>): DemoGateway {
  const gateway = paymentGateway(ctx);
  if (!(gateway instanceof DemoGateway)) throw gatewayUnavailable();
  return gateway;
}
