import { sql } from 'kysely';
import type { PsTrx } from '../tables.js';
import { vietnamYear, vietnamYearStart } from './format.js';

/**
 * The next number of a kind of document for an issuing agency in the (Vietnam) year, e.g.
 * `12/TN-TTPVHCC`. A transaction-scoped advisory lock on the series makes concurrent issues take
 * distinct numbers; numbering restarts each year, as an agency's register of outgoing papers does.
 */
export async function nextDocumentNumber(trx: PsTrx, symbol: string, agencyCode: string, at: Date): Promise<string> {
  const series = `${symbol}-${agencyCode}`;
  const year = vietnamYear(at);
  await sql`select pg_advisory_xact_lock(hashtext(${`dossier-document:${series}:${year}`}))`.execute(trx);
  const row = await trx
    .selectFrom('dossier_documents')
    .select(sql<number | null>`max(split_part(number, '/', 1)::bigint)`.as('last'))
    .where(sql<boolean>`split_part(number, '/', 2) = ${series}`)
    .where(sql<boolean>`number ~ '^[0-9]+/'`)
    .where('created_at', '>=', vietnamYearStart(year))
    .where('created_at', '<', vietnamYearStart(year + 1))
    .executeTakeFirst();
  return `${(Number(row?.last ?? 0) || 0) + 1}/${series}`;
}
