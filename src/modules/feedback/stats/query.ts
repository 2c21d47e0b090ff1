/**
 * Reading the public statistics: sums of the maintained daily counters over a period, grouped by
 * agency, commune or category. Never reads reports; the cost depends on the number of counter rows.
 */
import { sql } from 'kysely';
import type { Bilingual, FeedbackDb, StatsCounterColumn } from '../tables.js';
import { COUNTER_COLUMNS, HISTOGRAM_COLUMNS, HISTOGRAM_MAX_DAYS } from './record.js';

export type GroupBy = 'agency' | 'commune' | 'category';

export interface StatsQuery {
  groupBy: GroupBy;
  from: string;
  to: string;
  agencyId?: string | undefined;
  communeCode?: string | undefined;
  categoryCode?: string | undefined;
}

export interface StatsFigures {
  received: number;
  accepted: number;
  resolved: number;
  resolvedOnTime: number;
  onTimeRate: number | null;
  medianWorkingDays: number | null;
  satisfaction: { count: number; average: number | null };
  outcomes: { fixed: number; notFixed: number; notOurs: number; duplicate: number; refused: number };
  reopened: number;
}

export interface StatsItem extends StatsFigures {
  key: string;
  name: string | Bilingual;
}

type Sums = Record<StatsCounterColumn, number>;

const KEY_COLUMN = { agency: 'agency_id', commune: 'commune_code', category: 'category_code' } as const;

/** The figures of each group with activity in the period, most reports received first. */
export async function feedbackStats(db: FeedbackDb, q: StatsQuery): Promise<{ items: StatsItem[]; total: StatsFigures }> {
  const keyColumn = KEY_COLUMN[q.groupBy];
  let query = db
    .selectFrom('feedback_stats_daily')
    .select(sql<string>`${sql.ref(keyColumn)}::text`.as('key'))
    .select(COUNTER_COLUMNS.map((c) => sql<number>`cast(sum(${sql.ref(c)}) as integer)`.as(c)))
    .where('day', '>=', q.from)
    .where('day', '<=', q.to)
    .groupBy(keyColumn);
  if (q.agencyId) query = query.where('agency_id', '=', q.agencyId);
  if (q.communeCode) query = query.where('commune_code', '=', q.communeCode);
  if (q.categoryCode) query = query.where('category_code', '=', q.categoryCode);
  const rows = (await query.execute()) as unknown as Array<{ key: string } & Sums>;

  const names = await namesOf(db, q.groupBy, rows.map((r) => r.key));
  const items = rows
    .map((r) => ({ key: r.key, name: names.get(r.key) ?? r.key, ...figuresOf(r) }))
    .sort((a, b) => b.received - a.received || b.resolved - a.resolved || a.key.localeCompare(b.key));
  const total = Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, rows.reduce((n, r) => n + Number(r[c]), 0)])) as Sums;
  return { items, total: figuresOf(total) };
}

/** The published figures from summed counters (definitions in stats/README.md and `STATS_DEFINITIONS`). */
export function figuresOf(s: Sums): StatsFigures {
  const n = (c: StatsCounterColumn) => Number(s[c] ?? 0);
  return {
    received: n('received'),
    accepted: n('accepted'),
    resolved: n('resolved'),
    resolvedOnTime: n('resolved_on_time'),
    onTimeRate: n('resolved') ? round(n('resolved_on_time') / n('resolved'), 4) : null,
    medianWorkingDays: medianOf(HISTOGRAM_COLUMNS.map((c) => n(c))),
    satisfaction: { count: n('rated_count'), average: n('rated_count') ? round(n('rating_sum') / n('rated_count'), 2) : null },
    outcomes: { fixed: n('closed_fixed'), notFixed: n('closed_not_fixed'), notOurs: n('closed_not_ours'), duplicate: n('closed_duplicate'), refused: n('closed_refused') },
    reopened: n('reopened'),
  };
}

/**
 * The median of a histogram whose bucket i counts values of i (the last bucket: more than
 * HISTOGRAM_MAX_DAYS, taken as HISTOGRAM_MAX_DAYS + 1). With an even count, the mean of the two
 * middle values. Null when the histogram is empty.
 */
export function medianOf(histogram: readonly number[]): number | null {
  const count = histogram.reduce((a, b) => a + b, 0);
  if (count === 0) return null;
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const [i, c] of histogram.entries()) {
      seen += c;
      if (seen >= rank) return Math.min(i, HISTOGRAM_MAX_DAYS + 1);
    }
    return HISTOGRAM_MAX_DAYS + 1;
  };
  return count % 2 === 1 ? valueAt((count + 1) / 2) : (valueAt(count / 2) + valueAt(count / 2 + 1)) / 2;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

async function namesOf(db: FeedbackDb, groupBy: GroupBy, keys: string[]): Promise<Map<string, string | Bilingual>> {
  if (keys.length === 0) return new Map();
  if (groupBy === 'agency') {
    const rows = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', keys).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  if (groupBy === 'commune') {
    const rows = await db.selectFrom('admin_units').select(['code', 'name']).where('code', 'in', keys).execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  }
  const rows = await db.selectFrom('feedback_categories').select(['code', 'name_vi', 'name_en']).where('code', 'in', keys).execute();
  return new Map(rows.map((r) => [r.code, { vi: r.name_vi, en: r.name_en }]));
}
