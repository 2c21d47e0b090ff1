import { sql, type Kysely } from 'kysely';
import { iotEvents } from '../events.js';
import { DeviceReadingsListener, listenerPerDatabase } from '../readings-listener.js';
import type { Reading } from '../readings.js';
import { storeReadings } from '../telemetry/store.js';
import { hourlyVnAqi, type DustPollutant } from './vn-aqi.js';

const HOUR = 3_600_000;
/** The index is computed from the dust of the last 12 hours (NowCast). */
const NOWCAST_HOURS = 12;
/** How far back from a batch's newest reading completed hours are looked for (bounds the work). */
export const LOOKBACK_HOURS = 12;
const POLLUTANTS: readonly DustPollutant[] = ['pm25', 'pm10'];
export const AQI_METRIC = 'aqi';

const isDust = (r: Reading) => (POLLUTANTS as readonly string[]).includes(r.metric);

/** Hourly means by pollutant, then by the hour's start (epoch ms). */
export type HourlyMeans = Partial<Record<DustPollutant, ReadonlyMap<number, number>>>;

/**
 * The hours (their starts, newest first) a batch of dust readings completes: an hour H is complete
 * once the device has sent dust at or after H + 1h, so every hour before the newest reading's hour,
 * as far back as LOOKBACK_HOURS. Hour buckets are on the UTC hour (Vietnam is UTC+7, whole hours).
 */
export function completedHours(readings: readonly Reading[]): number[] {
  const dust = readings.filter(isDust);
  if (dust.length === 0) return [];
  const newest = dust.reduce((max, r) => Math.max(max, r.ts.getTime()), -Infinity);
  const current = Math.floor(newest / HOUR) * HOUR;
  return Array.from({ length: LOOKBACK_HOURS }, (_, k) => current - (k + 1) * HOUR);
}

/**
 * The `aqi` readings of the given hours (pure): for each hour H without an index yet, the hourly
 * VN_AQI from the means of H, H-1h … H-11h, stamped H + 1h (the end of the hour, when it becomes
 * known). Hours without enough dust for a NowCast get none.
 */
export function aqiReadings(deviceId: string, hours: readonly number[], means: HourlyMeans, indexedAt: ReadonlySet<number>): Reading[] {
  const out: Reading[] = [];
  for (const hour of hours) {
    const end = hour + HOUR;
    if (indexedAt.has(end)) continue;
    const series = (p: DustPollutant) => Array.from({ length: NOWCAST_HOURS }, (_, k) => means[p]?.get(hour - k * HOUR) ?? null);
    const index = hourlyVnAqi({ pm25: series('pm25'), pm10: series('pm10') });
    if (index) out.push({ deviceId, metric: AQI_METRIC, ts: new Date(end), value: index.aqi, outOfRange: false });
  }
  return out;
}

interface IndexRow {
  kind: 'type' | 'mean' | 'aqi';
  metric: string | null;
  ts: Date | string | null;
}

/**
 * Indexes hours of one device (hour starts, epoch ms): reads in one statement whether its type has
 * an `aqi` metric, the hourly dust means the hours need and the `aqi` readings already at their ends;
 * stores the missing indices with storeReadings (idempotent: a device's own `aqi` at the same instant,
 * or another process, wins if first). Returns the readings newly stored. Works in a transaction too.
 */
export async function indexHours(db: Kysely<any>, deviceId: string, hours: readonly number[]): Promise<Reading[]> {
  if (hours.length === 0) return [];
  const from = new Date(Math.min(...hours) - (NOWCAST_HOURS - 1) * HOUR).toISOString();
  const to = new Date(Math.max(...hours) + HOUR).toISOString();
  const ends = hours.map((h) => new Date(h + HOUR).toISOString());
  const { rows } = await sql<IndexRow & { value: number | null }>`
    with device as (
      select d.id from iot_devices d join iot_device_types t on t.id = d.type_id
      where d.id = ${deviceId}::uuid and t.metrics @> ${JSON.stringify([{ key: AQI_METRIC }])}::jsonb
    )
    select 'type' as kind, null::text as metric, null::timestamptz as ts, null::float8 as value from device
    union all
    select 'mean', r.metric, r.bucket, r.sum / r.count from iot_rollup_hour r join device on device.id = r.device_id
    where r.metric in ('pm25', 'pm10') and r.bucket >= ${from}::timestamptz and r.bucket < ${to}::timestamptz
    union all
    select 'aqi', x.metric, x.ts, null from iot_readings x join device on device.id = x.device_id
    where x.metric = ${AQI_METRIC} and x.ts = any(${ends}::timestamptz[])`.execute(db);
  if (!rows.some((r) => r.kind === 'type')) return [];
  const means: Record<DustPollutant, Map<number, number>> = { pm25: new Map(), pm10: new Map() };
  const indexedAt = new Set<number>();
  for (const row of rows) {
    const at = row.ts === null ? NaN : new Date(row.ts).getTime();
    if (row.kind === 'mean') means[row.metric as DustPollutant].set(at, Number(row.value));
    else if (row.kind === 'aqi') indexedAt.add(at);
  }
  return storeReadings(db, aqiReadings(deviceId, hours, means, indexedAt));
}

/**
 * Hears committed readings and indexes the hours that dust readings complete (per device, in
 * arrival order: DeviceReadingsListener); announces the indices it stores on the same bus, so alarm
 * rules on `aqi` see them. Batches without dust (its own `aqi` ones among them) are ignored, so it
 * never hears itself in a loop.
 */
const indexers = listenerPerDatabase(
  (ctx) =>
    new DeviceReadingsListener(
      ctx,
      async (deviceId, batch) => {
        const stored = await indexHours(ctx.db, deviceId, completedHours(batch));
        if (stored.length > 0) iotEvents(ctx.db).emit('readings', stored);
      },
      { failure: 'VN_AQI could not be derived from readings', wants: isDust },
    ),
);

export const startAirQualityIndexer = indexers.start;
/** The running indexer of a database (tests wait on its `idle()`). */
export const airQualityIndexer = indexers.get;
export const stopAirQualityIndexer = indexers.stop;
