import { sql, type Kysely } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { MetricDefinition } from '../metrics.js';
import type { Reading } from '../readings.js';
import { storeReadings } from '../telemetry/store.js';
import type { FloodLevels } from './flood.js';
import { indexHours } from '../air-quality/derive.js';
import { derivedByServer, SeriesGenerator, type SimulatedDevice } from './generator.js';
import { floodLevelsFromRule, type RuleLevelLike } from './rule-levels.js';
import { HOUR } from './weather.js';

/** The demo history's seed: fixed, so every install draws the same weather for the same hours. */
export const DEMO_SEED = 2026;
const HISTORY_HOURS = 72;
/** The seed runs in every test template build and on first start: keep it to about 25,000 readings. */
const MAX_READINGS = 25_000;
const CHUNK = 5_000;

export interface DemoDevice extends SimulatedDevice {
  id: string;
}

/**
 * Three days of hourly history for the demo devices, through the telemetry store so rollups and
 * latest values are right, with the VN_AQI the server derives from the dust. Only when none of them
 * has a reading yet, so it runs once; all of it in one transaction, so a failed start leaves nothing
 * half-seeded. Returns the number of readings stored.
 */
export async function seedDemoHistory(db: Db, now = new Date()): Promise<number> {
  const devices = await demoDevices(db);
  if (devices.length === 0 || (await hasReadings(db, devices))) return 0;
  const generator = new SeriesGenerator({ seed: DEMO_SEED, floodLevels: await floodLevels(db) });
  const perHour = devices.reduce((n, d) => n + d.metrics.length, 0);
  // Fewer points per device rather than fewer devices when the registry grows.
  const stepHours = Math.max(1, Math.ceil((perHour * HISTORY_HOURS) / MAX_READINGS));
  const end = Math.floor(now.getTime() / HOUR) * HOUR;
  const start = end - (HISTORY_HOURS - stepHours) * HOUR;
  const readings: Reading[] = [];
  for (let t = start; t <= end; t += stepHours * HOUR) {
    for (const device of devices) {
      const values = generator.valuesAt(device, t, stepHours * 3600);
      for (const [metric, value] of Object.entries(values)) readings.push({ deviceId: device.id, metric, ts: new Date(t), value, outOfRange: false });
    }
  }
  const indices = await db.transaction().execute(async (trx) => {
    for (let i = 0; i < readings.length; i += CHUNK) await storeReadings(trx, readings.slice(i, i + CHUNK));
    return indexHistory(trx, devices, start, end);
  });
  return readings.length + indices;
}

/**
 * The hourly VN_AQI of the history, by the same derivation as live readings (../air-quality): every
 * hour before the last one is complete. Thinned history (a point every three hours or more) gives no
 * NowCast, so no index. Returns the number of indices stored.
 */
async function indexHistory(db: Kysely<any>, devices: DemoDevice[], start: number, end: number): Promise<number> {
  const hours: number[] = [];
  for (let h = start; h < end; h += HOUR) hours.push(h);
  let stored = 0;
  for (const device of devices.filter((d) => d.metrics.some(derivedByServer))) stored += (await indexHours(db, device.id, hours)).length;
  return stored;
}

async function demoDevices(db: Db): Promise<DemoDevice[]> {
  const { rows } = await sql<{ id: string; code: string; metrics: MetricDefinition[] }>`
    select d.id, d.code, t.metrics from iot_devices d join iot_device_types t on t.id = d.type_id
    where d.is_demo and d.status <> 'disabled' order by d.code`.execute(db);
  return rows;
}

async function hasReadings(db: Db, devices: DemoDevice[]): Promise<boolean> {
  const { rows } = await sql`select 1 from iot_readings where device_id = any(${devices.map((d) => d.id)}::uuid[]) limit 1`.execute(db);
  return rows.length > 0;
}

/** Alarm levels I–III of each demo station from its water-level rule (device rules win over type rules). */
async function floodLevels(db: Db): Promise<Map<string, FloodLevels>> {
  const levels = new Map<string, FloodLevels>();
  // The alarms folder's tables come with its migrations; without them the defaults apply.
  const { rows: table } = await sql<{ t: string | null }>`select to_regclass('iot_rules')::text as t`.execute(db);
  if (!table[0]?.t) return levels;
  const { rows } = await sql<{ code: string; levels: RuleLevelLike[]; own: boolean }>`
    select d.code, r.levels, r.device_id is not null as own
    from iot_rules r join iot_devices d on d.id = r.device_id or (r.device_id is null and d.type_id = r.type_id)
    where d.is_demo and r.enabled and r.deleted_at is null
    order by own`.execute(db);
  for (const row of rows) {
    const found = floodLevelsFromRule(row.levels, 'water_level');
    if (found) levels.set(row.code, found);
  }
  return levels;
}
