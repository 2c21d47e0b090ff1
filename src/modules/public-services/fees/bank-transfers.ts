import { sql } from 'kysely';
import type { Principal } from '../../../platform/http/access.js';
import type { AppContext } from '../../../platform/http/module.js';
import { decodeCursor, pageOf } from '../../../platform/http/pagination.js';
import { psDb } from '../tables.js';
import type { MatchState } from './reconcile.js';

export interface BankTransferQuery {
  state?: MatchState | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/**
 * Imported transfers, newest first. An agency admin sees those matched to dossiers of the agency and
 * the unmatched ones (which nobody can attribute yet); a system administrator sees all.
 */
export async function listBankTransfers(ctx: AppContext, principal: Principal, query: BankTransferQuery) {
  const limit = query.limit ?? 50;
  let q = psDb(ctx.db)
    .selectFrom('bank_transfers as t')
    .leftJoin('dossiers as d', 'd.id', 't.dossier_id')
    .select(['t.id', 't.bank_ref', 't.amount', 't.description', 't.received_at', 't.match_state', 't.dossier_id', 't.imported_at', 'd.code'])
    // The exact stored instant (microseconds) for the cursor; a JavaScript Date would round it.
    .select(sql<string>`t.imported_at::text`.as('imported_key'))
    .orderBy('t.imported_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit + 1);
  if (query.state) q = q.where('t.match_state', '=', query.state);
  if (principal.kind === 'user' && principal.role === 'agency_admin') {
    const agency = principal.agencyId;
    q = q.where((eb) => eb.or([eb('t.dossier_id', 'is', null), ...(agency ? [eb('d.receiving_agency_id', '=', agency), eb('d.handling_agency_id', '=', agency)] : [])]));
  }
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    const [at, id] = cursor as [string, string];
    q = q.where(sql<boolean>`(t.imported_at, t.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await q.execute();
  const page = pageOf(rows, limit, (r) => [r.imported_key, r.id]);
  return {
    items: page.items.map((r) => ({
      id: r.id,
      bankRef: r.bank_ref,
      amount: Number(r.amount),
      description: r.description,
      receivedAt: r.received_at.toISOString(),
      state: r.match_state,
      dossier: r.dossier_id ? { id: r.dossier_id, code: r.code } : null,
      importedAt: r.imported_at.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
