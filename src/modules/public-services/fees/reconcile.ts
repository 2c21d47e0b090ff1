import type { AppContext } from '../../../platform/http/module.js';
import { lockDossier, type Actor } from '../dossiers/transition.js';
import { psDb, type BankTransferTable } from '../tables.js';
import { recordPayment } from './record-payment.js';
import { referenceCandidates, type StatementLine } from './statement.js';

export type MatchState = BankTransferTable['match_state'];

export interface LineResult {
  bankRef: string;
  state: MatchState;
  dossierCode: string | null;
}

export interface ImportResult {
  matched: number;
  unmatched: number;
  amountMismatch: number;
  duplicate: number;
  lines: LineResult[];
}

/** The provider name of payments found in the bank statement. */
export const BANK_PROVIDER = 'bank';

/**
 * Reconciles a statement line by line, each in its own transaction (a bad line never undoes the
 * others). A line already imported (same bank_ref) is a `duplicate` and changes nothing; a transfer
 * for a dossier already paid is kept as `duplicate` too, with its dossier, for a refund.
 */
export async function importStatement(ctx: AppContext, lines: StatementLine[], actor: Actor): Promise<ImportResult> {
  const result: ImportResult = { matched: 0, unmatched: 0, amountMismatch: 0, duplicate: 0, lines: [] };
  for (const line of lines) {
    const outcome = await reconcileLine(ctx, line, actor);
    result.lines.push(outcome);
    if (outcome.state === 'matched') result.matched++;
    else if (outcome.state === 'unmatched') result.unmatched++;
    else if (outcome.state === 'amount_mismatch') result.amountMismatch++;
    else result.duplicate++;
  }
  return result;
}

async function reconcileLine(ctx: AppContext, line: StatementLine, actor: Actor): Promise<LineResult> {
  return psDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      // The unique bank_ref makes a second import of the same line (even a concurrent one) a no-op.
      const inserted = await trx
        .insertInto('bank_transfers')
        .values({ bank_ref: line.bankRef, amount: line.amount, description: line.description, received_at: line.receivedAt, match_state: 'unmatched' })
        .onConflict((oc) => oc.column('bank_ref').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return { bankRef: line.bankRef, state: 'duplicate' as const, dossierCode: null };
      const refs = referenceCandidates(line.description);
      const candidate = refs.length ? await trx.selectFrom('dossiers').select('id').where('payment_reference', 'in', refs).orderBy('created_at').executeTakeFirst() : undefined;
      if (!candidate) return { bankRef: line.bankRef, state: 'unmatched' as const, dossierCode: null };
      const dossier = await lockDossier(trx, candidate.id);
      const outcome = await recordPayment(
        trx,
        ctx,
        dossier,
        { method: 'bank_transfer', provider: BANK_PROVIDER, providerRef: line.bankRef, amount: line.amount, paidAt: line.receivedAt, recordedBy: actor.userId, raw: { description: line.description } },
        actor,
      );
      const state: MatchState =
        outcome.state === 'paid' ? 'matched' : outcome.state === 'amount_mismatch' ? 'amount_mismatch' : dossier.fee_status === 'paid' || outcome.state === 'already_recorded' ? 'duplicate' : 'amount_mismatch';
      await trx.updateTable('bank_transfers').set({ match_state: state, dossier_id: dossier.id }).where('id', '=', inserted.id).execute();
      return { bankRef: line.bankRef, state, dossierCode: dossier.code };
    });
}
