import { sql, type Kysely } from 'kysely';
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

/**
 * A series over [from, to) of at most `maxPoints` points (biểu đồ theo ngân sách điểm): the raw readings
 * when they fit, else the finest rollup whose buckets fit — re-bucketed into wider bins (a whole number
 * of source buckets, counted from `from`) when even that rollup has too many. Rollup points cover the
 * buckets that start inside the range.
 */
export async function history(db: Kysely<any>, query: HistoryQuery): Promise<History> {
  const maxPoints = Math.min(Math.max(1, Math.floor(query.maxPoints ?? DEFAULT_MAX_POINTS)), MAX_POINTS);
  const { deviceId, metric } = query;
  const from = query.from.toISOString();
  const to = query.to.toISOString();
  const { rows: counted } = await sql<{ n: number | string }>`
    select count(*) as n from (
      select 1 from iot_readings where device_id = ${deviceId} and metric = ${metric} and ts >= ${from} and ts < ${to} limit ${maxPoints + 1}
    ) fits`.execute(db);
  if (Number(counted[0]!.n) <= maxPoints) return { resolution: 'raw', bucketSeconds: null, points: await rawPoints(db, deviceId, metric, from, to) };

  const spanSeconds = (query.to.getTime() - query.from.getTime()) / 1000;
  const wanted = spanSeconds / maxPoints;
  const source = [...ROLLUPS].reverse().find((r) => r.seconds <= wanted) ?? ROLLUPS[0];
  // Bins of `width` counted from `from` number at most ceil(span / width) ≤ maxPoints.
  const width = Math.max(1, Math.ceil(wanted / source.seconds)) * source.seconds;
  const { rows } = await sql<{ ts: Date | string; min: number; max: number; sum: number; count: number | string }>`
    select min(bucket) as ts, min(min) as min, max(max) as max, sum(sum) as sum, sum(count) as count
    from ${sql.table(source.table)}
    where device_id = ${deviceId} and metric = ${metric} and bucket >= ${from} and bucket < ${to}
    group by date_bin(${`${width} seconds`}::interval, bucket, ${from}::timestamptz)
    order by 1`.execute(db);
  const points = rows.map((r) => {
    const count = Number(r.count);
    return { ts: new Date(r.ts), avg: Number(r.sum) / count, min: Number(r.min), max: Number(r.max), count, outOfRange: false };
  });
  return { resolution: source.size, bucketSeconds: width, points };
}

async function rawPoints(db: Kysely<any>, deviceId: string, metric: string, from: string, to: string): Promise<HistoryPoint[]> {
  const { rows } = await sql<{ ts: Date | string; value: number; out_of_range: boolean }>`
    select ts, value, out_of_range from iot_readings
    where device_id = ${deviceId} and metric = ${metric} and ts >= ${from} and ts < ${to} order by ts`.execute(db);
  return rows.map((r) => {
    const value = Number(r.value);
    return { ts: new Date(r.ts), avg: value, min: value, max: value, count: 1, outOfRange: r.out_of_range };
  });
}
