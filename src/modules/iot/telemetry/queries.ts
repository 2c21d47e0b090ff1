import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ROLLUPS, type RollupSize } from './store.js';

export interface LatestValue {
  value: number;
  ts: Date;
}

/** The latest in-range value of every metric of each device (devices without any are absent). */
export async function latestValues(db: Kysely<any>, deviceIds: readonly string[]): Promise<Map<string, Record<string, LatestValue>>> {
  const result = new Map<string, Record<string, LatestValue>>();
  if (deviceIds.length === 0) return result;
  const { rows } = await sql<{ device_id: string; metric: string; value: number; ts: Date | string }>`
    select device_id, metric, value, ts from iot_latest where device_id = any(${[...deviceIds]}::uuid[]) order by device_id, metric`.execute(db);
  for (const r of rows) {
    const values = result.get(r.device_id) ?? {};
    values[r.metric] = { value: Number(r.value), ts: new Date(r.ts) };
    result.set(r.device_id, values);
  }
  return result;
}

export const DEFAULT_MAX_POINTS = 1000;
export const MAX_POINTS = 5000;

export interface HistoryQuery {
  deviceId: string;
  metric: string;
  from: Date;
  to: Date;
  maxPoints?: number;
}

export interface HistoryPoint {
  /** The reading's time, or the start of the first bucket in the point. */
  ts: Date;
  avg: number;
  min: number;
  max: number;
  count: number;
  /** A raw reading outside the metric's valid range (aggregated points never hold one). */
  outOfRange: boolean;
}

export interface History {
  resolution: 'raw' | RollupSize;
  /** Width of each point in seconds (null for raw readings). */
  bucketSeconds: number | null;
  points: HistoryPoint[];
}

/** Where a history's points come from: the raw readings, or a rollup re-bucketed into bins of `width` seconds. */
type Plan =
  | { resolution: 'raw'; bucketSeconds: null }
  | { resolution: RollupSize; bucketSeconds: number; table: string };

interface Range {
  deviceId: string;
  metric: string;
  from: string;
  to: string;
}

/**
 * A series over [from, to) of at most `maxPoints` points (biểu đồ theo ngân sách điểm): the raw readings
 * when they fit, else the finest rollup whose buckets fit — re-bucketed into wider bins (a whole number
 * of source buckets, counted from `from`) when even that rollup has too many. Rollup points cover the
 * buckets that start inside the range.
 */
export async function history(db: Kysely<any>, query: HistoryQuery): Promise<History> {
  const { range, plan } = await planHistory(db, query);
  if (plan.resolution === 'raw') return { resolution: 'raw', bucketSeconds: null, points: await rawPoints(db, range) };
  const { rows } = await sql<{ ts: Date | string; min: number; max: number; sum: number; count: number | string }>`
    select ts, min, max, sum, count from (${binned(range, plan)}) p order by ts`.execute(db);
  const points = rows.map((r) => {
    const count = Number(r.count);
    return { ts: new Date(r.ts), avg: Number(r.sum) / count, min: Number(r.min), max: Number(r.max), count, outOfRange: false };
  });
  return { resolution: plan.resolution, bucketSeconds: plan.bucketSeconds, points };
}

/**
 * The same series with its points as JSON text, `{"ts","avg","min","max","count","outOfRange"}` each
 * (schemas.ts HistoryResponse), written by the database: a thousand points cost Node more to parse
 * into rows and serialise again than the queries themselves.
 */
export async function historyJson(db: Kysely<any>, query: HistoryQuery): Promise<Omit<History, 'points'> & { pointsJson: string }> {
  const { range, plan } = await planHistory(db, query);
  const point = (ts: RawBuilder<unknown>, avg: RawBuilder<unknown>, min: RawBuilder<unknown>, max: RawBuilder<unknown>, count: RawBuilder<unknown>, outOfRange: RawBuilder<unknown>) =>
    sql`'{"ts":"' || to_char(${ts} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","avg":' || ${avg} || ',"min":' || ${min} || ',"max":' || ${max} || ',"count":' || ${count} || ',"outOfRange":' || ${outOfRange} || '}'`;
  const { rows } =
    plan.resolution === 'raw'
      ? await sql<{ points: string | null }>`
          select string_agg(${point(sql`ts`, sql`value`, sql`value`, sql`value`, sql`1`, sql`out_of_range`)}, ',' order by ts) as points
          from (${rawRows(range)}) r`.execute(db)
      : await sql<{ points: string | null }>`
          select string_agg(${point(sql`ts`, sql`sum / count`, sql`min`, sql`max`, sql`count`, sql`false`)}, ',' order by ts) as points
          from (${binned(range, plan)}) p`.execute(db);
  return { resolution: plan.resolution, bucketSeconds: plan.bucketSeconds, pointsJson: `[${rows[0]?.points ?? ''}]` };
}

/** Counts the raw readings up to one past the budget (the primary key serves it), then picks the source. */
async function planHistory(db: Kysely<any>, query: HistoryQuery): Promise<{ range: Range; plan: Plan }> {
  const maxPoints = Math.min(Math.max(1, Math.floor(query.maxPoints ?? DEFAULT_MAX_POINTS)), MAX_POINTS);
  const range = { deviceId: query.deviceId, metric: query.metric, from: query.from.toISOString(), to: query.to.toISOString() };
  const { rows: counted } = await sql<{ n: number | string }>`
    select count(*) as n from (
      select 1 from iot_readings
      where device_id = ${range.deviceId} and metric = ${range.metric} and ts >= ${range.from} and ts < ${range.to} limit ${maxPoints + 1}
    ) fits`.execute(db);
  if (Number(counted[0]!.n) <= maxPoints) return { range, plan: { resolution: 'raw', bucketSeconds: null } };
  const spanSeconds = (query.to.getTime() - query.from.getTime()) / 1000;
  const wanted = spanSeconds / maxPoints;
  const source = [...ROLLUPS].reverse().find((r) => r.seconds <= wanted) ?? ROLLUPS[0];
  // Bins of `width` counted from `from` number at most ceil(span / width) ≤ maxPoints.
  const width = Math.max(1, Math.ceil(wanted / source.seconds)) * source.seconds;
  return { range, plan: { resolution: source.size, bucketSeconds: width, table: source.table } };
}

function binned(range: Range, plan: Extract<Plan, { table: string }>) {
  return sql`
    select min(bucket) as ts, min(min) as min, max(max) as max, sum(sum) as sum, sum(count) as count
    from ${sql.table(plan.table)}
    where device_id = ${range.deviceId} and metric = ${range.metric} and bucket >= ${range.from} and bucket < ${range.to}
    group by date_bin(${`${plan.bucketSeconds} seconds`}::interval, bucket, ${range.from}::timestamptz)`;
}

function rawRows(range: Range) {
  return sql`
    select ts, value, out_of_range from iot_readings
    where device_id = ${range.deviceId} and metric = ${range.metric} and ts >= ${range.from} and ts < ${range.to}`;
}

async function rawPoints(db: Kysely<any>, range: Range): Promise<HistoryPoint[]> {
  const { rows } = await sql<{ ts: Date | string; value: number; out_of_range: boolean }>`${rawRows(range)} order by ts`.execute(db);
  return rows.map((r) => {
    const value = Number(r.value);
    return { ts: new Date(r.ts), avg: value, min: value, max: value, count: 1, outOfRange: r.out_of_range };
  });
}
