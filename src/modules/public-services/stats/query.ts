/**
 * Reading the maintained aggregates: sums of counters over days, filtered by scope and grouped by
 * some key columns. The cost depends on the number of counter rows, never on the number of dossiers.
 */
import { sql, type Kysely } from 'kysely';
import { COUNTER_COLUMNS, type CounterColumn, type StatsDb } from './tables.js';

export type Sums = Record<CounterColumn, number>;

export interface StatsFilter {
  agencyId?: string | undefined;
  receivingAgencyId?: string | undefined;
  communeCode?: string | undefined;
  procedureCode?: string | undefined;
}

export type GroupColumn = 'agency_id' | 'procedure_code' | 'channel' | 'commune_code';

export interface GroupedSums {
  key: Partial<Record<GroupColumn, string | null>>;
  sums: Sums;
}

export function zeroSums(): Sums {
  return Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, 0])) as Sums;
}

export function addSums(a: Sums, b: Sums): Sums {
  const out = zeroSums();
  for (const c of COUNTER_COLUMNS) out[c] = a[c] + b[c];
  return out;
}

/** Days are YYYY-MM-DD; `from` inclusive, `to` inclusive; either may be omitted (open-ended). */
export interface DayRange {
  from?: string | undefined;
  to?: string | undefined;
}

export async function groupedSums(db: Kysely<any>, range: DayRange, filter: StatsFilter, groupBy: readonly GroupColumn[]): Promise<GroupedSums[]> {
  const sums = COUNTER_COLUMNS.map((c) => sql`coalesce(sum(${sql.ref(c)}), 0)::bigint as ${sql.ref(c)}`);
  let q = (db as StatsDb).selectFrom('dossier_stats_daily').select(() => [...groupBy.map((g) => sql.ref(g).as(g)), ...sums.map((s) => s as any)]);
  if (range.from) q = q.where('day', '>=', range.from as never);
  if (range.to) q = q.where('day', '<=', range.to as never);
  if (filter.agencyId) q = q.where('agency_id', '=', filter.agencyId);
  if (filter.receivingAgencyId) q = q.where('receiving_agency_id', '=', filter.receivingAgencyId);
  if (filter.communeCode !== undefined) q = q.where('commune_code', '=', filter.communeCode);
  if (filter.procedureCode) q = q.where('procedure_code', '=', filter.procedureCode);
  if (groupBy.length > 0) q = q.groupBy(groupBy.map((g) => sql.ref(g)) as any);
  const rows = (await q.execute()) as Array<Record<string, unknown>>;
  return rows.map((row) => ({
    key: Object.fromEntries(groupBy.map((g) => [g, (row[g] as string | null) ?? null])),
    sums: Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, Number(row[c] ?? 0)])) as Sums,
  }));
}

export async function totalSums(db: Kysely<any>, range: DayRange, filter: StatsFilter): Promise<Sums> {
  const [row] = await groupedSums(db, range, filter, []);
  return row?.sums ?? zeroSums();
}
