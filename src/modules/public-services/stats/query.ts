/**
 * Reading the maintained aggregates: sums of counters over days, filtered by scope and grouped by
 * some key columns. The cost depends on the number of counter rows, never on the number of dossiers.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { COUNTER_COLUMNS, type CounterColumn } from './tables.js';

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
  const parts = rangeParts(range).map((part) => partSql(part, filter, groupBy));
  const keys = groupBy.map((g) => sql.ref(g));
  const sums = COUNTER_COLUMNS.map((c) => sql`coalesce(sum(${sql.ref(c)}), 0)::bigint as ${sql.ref(c)}`);
  const { rows } = await sql<Record<string, unknown>>`
    select ${sql.join([...keys, ...sums])}
    from (${sql.join(parts, sql` union all `)}) as parts
    ${groupBy.length > 0 ? sql`group by ${sql.join(keys)}` : sql``}`.execute(db);
  return rows.map((row) => ({
    key: Object.fromEntries(groupBy.map((g) => [g, (row[g] as string | null) ?? null])),
    sums: Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, Number(row[c] ?? 0)])) as Sums,
  }));
}

/** A stretch of the range read from one table: whole months from the rollup, the rest day by day. */
export interface RangePart {
  table: 'dossier_stats_daily' | 'dossier_stats_monthly';
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Splits an inclusive day range into the days before the first whole month, the whole months, and
 * the days after the last one. Whole months read `dossier_stats_monthly` (about a twelfth of the
 * rows of a year of daily counters); an open end counts as whole.
 */
export function rangeParts(range: DayRange): RangePart[] {
  const firstWhole = range.from === undefined ? undefined : range.from.endsWith('-01') ? range.from : monthStart(addMonths(range.from, 1));
  const lastWhole = range.to === undefined ? undefined : isMonthEnd(range.to) ? monthStart(range.to) : monthStart(addMonths(range.to, -1));
  if (firstWhole !== undefined && lastWhole !== undefined && firstWhole > lastWhole) return [{ table: 'dossier_stats_daily', ...range }];
  const parts: RangePart[] = [{ table: 'dossier_stats_monthly', from: firstWhole, to: lastWhole }];
  if (range.from !== undefined && range.from !== firstWhole) parts.push({ table: 'dossier_stats_daily', from: range.from, to: dayBefore(firstWhole!) });
  if (range.to !== undefined && lastWhole !== undefined && range.to !== monthEnd(lastWhole)) parts.push({ table: 'dossier_stats_daily', from: dayAfter(monthEnd(lastWhole)), to: range.to });
  return parts;
}

function partSql(part: RangePart, filter: StatsFilter, groupBy: readonly GroupColumn[]): RawBuilder<unknown> {
  const dateColumn = sql.ref(part.table === 'dossier_stats_daily' ? 'day' : 'month');
  const where = [sql`true`];
  if (part.from !== undefined) where.push(sql`${dateColumn} >= ${part.from}::date`);
  if (part.to !== undefined) where.push(sql`${dateColumn} <= ${part.to}::date`);
  if (filter.agencyId) where.push(sql`agency_id = ${filter.agencyId}`);
  if (filter.receivingAgencyId) where.push(sql`receiving_agency_id = ${filter.receivingAgencyId}`);
  if (filter.communeCode !== undefined) where.push(sql`commune_code = ${filter.communeCode}`);
  if (filter.procedureCode) where.push(sql`procedure_code = ${filter.procedureCode}`);
  const columns = [...groupBy, ...COUNTER_COLUMNS].map((c) => sql.ref(c));
  return sql`select ${sql.join(columns)} from ${sql.table(part.table)} where ${sql.join(where, sql` and `)}`;
}

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
function addMonths(day: string, n: number): string {
  const d = utc(monthStart(day));
  d.setUTCMonth(d.getUTCMonth() + n);
  return iso(d);
}
const monthEnd = (day: string) => dayBefore(addMonths(day, 1));
const isMonthEnd = (day: string) => monthEnd(day) === day;
const dayBefore = (day: string) => iso(new Date(utc(day).getTime() - 86_400_000));
const dayAfter = (day: string) => iso(new Date(utc(day).getTime() + 86_400_000));

export async function totalSums(db: Kysely<any>, range: DayRange, filter: StatsFilter): Promise<Sums> {
  const [row] = await groupedSums(db, range, filter, []);
  return row?.sums ?? zeroSums();
}
