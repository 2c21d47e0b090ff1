import { createHash, randomBytes } from 'node:crypto';
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import { AppError } from '../../../platform/http/errors.js';
import type { DossierRow } from '../dossiers/transition.js';
import type { PsTrx } from '../tables.js';

/** How long a checkout link of the demo gateway can be paid. */
export const DEMO_INTENT_TTL_MINUTES = 30;

export type IntentState = 'open' | 'paid' | 'cancelled';

export interface DemoGatewayIntentTable {
  id: Generated<string>;
  token_hash: string;
  dossier_id: string;
  reference: string;
  amount: ColumnType<string, number, never>;
  return_url: string;
  state: ColumnType<IntentState, IntentState | undefined, IntentState>;
  payment_id: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  expires_at: ColumnType<Date, Date, never>;
  settled_at: Date | null;
}

type IntentTables = { demo_gateway_intents: DemoGatewayIntentTable };
export type IntentRow = { id: string; dossier_id: string; reference: string; amount: string; return_url: string; state: IntentState; payment_id: string | null; expires_at: Date; settled_at: Date | null };

// The table is the fees folder's own, so its type is added here rather than to the module's tables.
const intents = (db: Kysely<Database>) => db.withTables<IntentTables>();
const intentsIn = (trx: PsTrx) => trx.withTables<IntentTables>();

/** 256 random bits, base64url: the only key to the checkout page, so it cannot be guessed. */
export function newCheckoutToken(): string {
  return randomBytes(32).toString('base64url');
}

const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export const intentNotFound = () =>
  new AppError(404, 'payment_intent_not_found', {
    vi: 'Không tìm thấy giao dịch thanh toán, hoặc giao dịch đã hết hạn. Vui lòng quay lại hồ sơ và bắt đầu thanh toán lại.',
    en: 'The payment was not found or has expired. Go back to the dossier and start the payment again.',
  });

export const intentSettled = (state: IntentState) =>
  new AppError(409, 'payment_intent_settled', {
    vi: state === 'paid' ? 'Giao dịch này đã được thanh toán.' : 'Giao dịch này đã bị hủy.',
    en: state === 'paid' ? 'This payment was already made.' : 'This payment was cancelled.',
  });

/** A new checkout for what the dossier owes now; returns the token to put in the payer's address. */
export async function createIntent(db: Kysely<Database>, dossier: Pick<DossierRow, 'id' | 'payment_reference' | 'fee_total'>, returnUrl: string, now = new Date()): Promise<string> {
  const token = newCheckoutToken();
  await intents(db)
    .insertInto('demo_gateway_intents')
    .values({
      token_hash: tokenHash(token),
      dossier_id: dossier.id,
      reference: dossier.payment_reference ?? '',
      amount: Number(dossier.fee_total),
      return_url: returnUrl,
      expires_at: new Date(now.getTime() + DEMO_INTENT_TTL_MINUTES * 60_000),
    })
    .execute();
  return token;
}

const COLUMNS = ['id', 'dossier_id', 'reference', 'amount', 'return_url', 'state', 'payment_id', 'expires_at', 'settled_at'] as const;

/**
 * The intent behind a token, locked for the rest of the transaction (so two clicks on "pay" are
 * served one after the other). Unknown tokens and open intents past their time are both 404: the
 * page says the same thing for either.
 */
export async function lockIntent(trx: PsTrx, token: string, now = new Date()): Promise<IntentRow> {
  const row = await intentsIn(trx).selectFrom('demo_gateway_intents').select(COLUMNS).where('token_hash', '=', tokenHash(token)).forUpdate().executeTakeFirst();
  if (!row || (row.state === 'open' && row.expires_at <= now)) throw intentNotFound();
  return row;
}

export async function settleIntent(trx: PsTrx, id: string, state: Exclude<IntentState, 'open'>, paymentId: string | null, now = new Date()): Promise<void> {
  await intentsIn(trx).updateTable('demo_gateway_intents').set({ state, payment_id: paymentId, settled_at: now }).where('id', '=', id).execute();
}
