import { sql } from 'kysely';
import { decodeCursor, pageOf } from '../../../platform/http/pagination.js';
import { errors } from '../../../platform/http/errors.js';
import { compareVietnamese, toSearchText } from '../../../platform/search/search-text.js';
import type { PsDb } from '../tables.js';
import { feeTotalOf } from './parts.js';
import { catalogDb, inForceAt } from './store.js';

export interface ListFilter {
  q?: string | undefined;
  field?: string | undefined;
  level?: 'province' | 'commune' | undefined;
  onlineLevel?: 'full' | 'partial' | 'none' | undefined;
  agencyId?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * How well a version matches: 0 the code or the whole name, 1 the name starts with the query, 2 a word
 * of the name does, 3 anywhere else (field, agency, English name). Without a query everything is 0.
 */
function rankExpression(q: string, qs: string) {
  if (!qs) return sql<number>`0`;
  const e = escapeLike(qs);
  return sql<number>`case
    when lower(p.code) = ${q.trim().toLowerCase()} or v.name_search = ${qs} then 0
    when v.name_search like ${`${e}%`} then 1
    when v.name_search like ${`% ${e}%`} then 2
    else 3 end`;
}

function readCursor(cursor: string | undefined): [number, string, string] | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [rank, sortKey, code] = key;
  if (typeof rank !== 'number' || typeof sortKey !== 'string' || typeof code !== 'string') {
    throw errors.badRequest('invalid_cursor', 'Con trỏ phân trang không hợp lệ.', 'The pagination cursor is not valid.');
  }
  return [rank, sortKey, code];
}

/**
 * The public catalog: versions in force now, best match first, then Vietnamese alphabetical order.
 * The order is (rank, sort_key in byte order, code): total and stable, so the cursor is that triple.
 */
export async function listProcedures(psdb: PsDb, f: ListFilter, now = new Date()) {
  const limit = f.limit ?? 50;
  const q = f.q ?? '';
  const qs = toSearchText(q);
  const db = catalogDb(psdb);
  let inner = db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .leftJoin('agencies as a', 'a.id', 'v.agency_id')
    .select(['p.code', 'v.version', 'v.name', 'v.field', 'v.level', 'v.online_level', 'v.time_amount', 'v.time_unit', 'v.fees', 'v.sort_key', 'a.id as agency_id', 'a.code as agency_code', 'a.name as agency_name'])
    .select(rankExpression(q, qs).as('rank'))
    .where(inForceAt(now));
  for (const word of qs.split(' ').filter(Boolean)) inner = inner.where('v.search_text', 'like', `%${escapeLike(word)}%`);
  if (f.field) inner = inner.where('v.field', '=', f.field);
  if (f.level) inner = inner.where('v.level', '=', f.level);
  if (f.onlineLevel) inner = inner.where('v.online_level', '=', f.onlineLevel);
  if (f.agencyId) inner = inner.where('v.agency_id', '=', f.agencyId);

  let query = db.selectFrom(inner.as('t')).selectAll();
  const after = readCursor(f.cursor);
  if (after) {
    const [r, s, c] = after;
    query = query.where(sql<boolean>`(t.rank > ${r} or (t.rank = ${r} and (t.sort_key collate "C" > ${s} or (t.sort_key = ${s} and t.code collate "C" > ${c}))))`);
  }
  const rows = await query.orderBy('t.rank').orderBy(sql`t.sort_key collate "C"`).orderBy(sql`t.code collate "C"`).limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [Number(r.rank), r.sort_key, r.code]);
  return {
    items: page.items.map((r) => ({
      code: r.code,
      name: r.name,
      field: r.field,
      level: r.level,
      agency: r.agency_id ? { id: r.agency_id, code: r.agency_code!, name: r.agency_name! } : null,
      onlineLevel: r.online_level,
      timeAmount: Number(r.time_amount),
      timeUnit: r.time_unit,
      feeTotal: feeTotalOf(r.fees),
      version: r.version,
    })),
    nextCursor: page.nextCursor,
  };
}

/** Fields (lĩnh vực) of the procedures in force, with how many each has, in Vietnamese order. */
export async function listFields(psdb: PsDb, now = new Date()) {
  const rows = await catalogDb(psdb)
    .selectFrom('procedure_versions as v')
    .select(['v.field', sql<string>`count(*)`.as('count')])
    .where(inForceAt(now))
    .groupBy('v.field')
    .execute();
  return rows.map((r) => ({ field: r.field, count: Number(r.count) })).sort((a, b) => compareVietnamese(a.field, b.field));
}
