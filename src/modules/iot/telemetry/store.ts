import { sql, type Kysely } from 'kysely';
import type { Reading } from '../readings.js';

/** Day buckets start at midnight in Vietnam (UTC+7, no daylight saving), minutes and hours on the hour. */
export const BUCKET_ORIGIN = '2000-01-01T00:00:00+07:00';
export const ROLLUPS = [
  { table: 'iot_rollup_minute', size: 'minute', seconds: 60 },
  { table: 'iot_rollup_hour', size: 'hour', seconds: 3600 },
  { table: 'iot_rollup_day', size: 'day', seconds: 86_400 },
] as const;
export type RollupSize = (typeof ROLLUPS)[number]['size'];

/**
 * Stores a batch of readings in one statement (so one transaction): the raw rows, ignoring those
 * already stored (same device, metric and source timestamp — a retry, a replay, a duplicate); then,
 * from the rows actually inserted and in range only, the minute, hour and day rollups (merged with
 * what the buckets hold), the latest values (moved only forward in time) and the devices' last_seen_at.
 * Returns the readings newly inserted (the first of each key in the batch), out-of-range ones included.
 *
 * Every table is written in the same order with its rows sorted by key, so two batches touching the
 * same buckets wait for each other instead of deadlocking; the upserts then merge under the row lock.
 */
export async function storeReadings(db: Kysely<any>, readings: readonly Reading[]): Promise<Reading[]> {
  const rows = uniqueSorted(readings);
  if (rows.length === 0) return [];
  const { rows: result } = await sql<{ inserted: number | string; skipped: string | null }>`
    with input as (
      select * from unnest(
        ${rows.map((r) => r.deviceId)}::uuid[], ${rows.map((r) => r.metric)}::text[],
        ${rows.map((r) => r.ts.toISOString())}::timestamptz[], ${rows.map((r) => r.value)}::float8[],
        ${rows.map((r) => r.outOfRange)}::boolean[]
      ) with ordinality as t(device_id, metric, ts, value, out_of_range, n)
    ),
    inserted as (
      insert into iot_readings (device_id, metric, ts, value, out_of_range)
      select device_id, metric, ts, value, out_of_range from input order by n
      on conflict do nothing
      returning device_id, metric, ts, value, out_of_range
    ),
    fresh as (select * from inserted where not out_of_range),
    ${rollupUpsert('iot_rollup_minute', '1 minute')},
    ${rollupUpsert('iot_rollup_hour', '1 hour')},
    ${rollupUpsert('iot_rollup_day', '1 day')},
    latest as (
      insert into iot_latest (device_id, metric, value, ts)
      select distinct on (device_id, metric) device_id, metric, value, ts from fresh order by device_id, metric, ts desc
      on conflict (device_id, metric) do update set value = excluded.value, ts = excluded.ts
      where excluded.ts > iot_latest.ts
    ),
    seen as (
      update iot_devices d set last_seen_at = now()
      where d.id in (select distinct device_id from inserted) and (d.last_seen_at is null or d.last_seen_at < now())
    )
    select count(*) as inserted,
      case when count(*) < ${rows.length} then (
        select string_agg(i.n::text, ',') from input i
        where not exists (select 1 from inserted r where r.device_id = i.device_id and r.metric = i.metric and r.ts = i.ts)
      ) end as skipped
    from inserted`.execute(db);
  // The stored rows are the input rows (same key, same value): only which were skipped comes back,
  // never the rows themselves, so a batch of thousands costs no parsing (1-based positions in `rows`).
  if (Number(result[0]!.inserted) === rows.length) return rows;
  const skipped = new Set((result[0]!.skipped ?? '').split(',').filter((n) => n !== '').map(Number));
  return rows.filter((_, i) => !skipped.has(i + 1));
}

function rollupUpsert(table: string, width: string) {
  const t = sql.table(table);
  const name = sql.id(table.replace('iot_rollup_', 'up_'));
  return sql`${name} as (
      insert into ${t} (device_id, metric, bucket, min, max, sum, count)
      select device_id, metric, date_bin(${sql.lit(width)}::interval, ts, ${sql.lit(BUCKET_ORIGIN)}::timestamptz) as bucket,
             min(value), max(value), sum(value), count(*)
      from fresh group by 1, 2, 3 order by 1, 2, 3
      on conflict (device_id, metric, bucket) do update set
        min = least(${t}.min, excluded.min), max = greatest(${t}.max, excluded.max),
        sum = ${t}.sum + excluded.sum, count = ${t}.count + excluded.count
    )`;
}

/** The first of each (device, metric, ts), sorted by that key: the lock order every batch follows. */
function uniqueSorted(readings: readonly Reading[]): Reading[] {
  const seen = new Map<string, Reading>();
  for (const r of readings) {
    const key = `${r.deviceId}\u0000${r.metric}\u0000${r.ts.getTime()}`;
    if (!seen.has(key)) seen.set(key, r);
  }
  return [...seen.values()].sort(
    (a, b) => compare(a.deviceId, b.deviceId) || compare(a.metric, b.metric) || a.ts.getTime() - b.ts.getTime(),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
