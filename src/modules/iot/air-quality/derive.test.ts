import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signIn } from '../../../platform/testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../../../platform/testing/users.js';
import { alarmProcessor } from '../alarms/process.js';
import { createDevice, SYSTEM_WRITER } from '../device-registry/device-writes.js';
import { iotEvents } from '../events.js';
import type { Reading } from '../readings.js';
import { storeReadings } from '../telemetry/store.js';
import { airQualityIndexer, aqiReadings, completedHours } from './derive.js';
import { hourlyVnAqi } from './vn-aqi.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
let t: TestPlatform;

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
after(() => t.close());

/** An air quality station as the registry creates it (built-in type, with an `aqi` metric). */
async function airStation(): Promise<{ id: string; code: string; token: string }> {
  const code = `KK-${randomUUID().slice(0, 8)}`;
  const meta = { actor: { userId: null, label: 'test' } };
  const { id, token } = await createDevice(t.ctx, { code, name: `Trạm thử ${code}`, typeCode: 'air_quality_station', lat: 16.8, lng: 107.1 }, SYSTEM_WRITER, meta);
  return { id, code, token };
}

/** A dust sensor whose type has pm25 and pm10 but no `aqi` metric. */
async function dustSensorWithoutAqi(): Promise<string> {
  const code = `bui_${randomUUID().slice(0, 8)}`;
  const metrics = ['pm25', 'pm10'].map((key) => ({ key, name: { vi: key, en: key }, unit: 'µg/m³', min: 0, max: 1000, precision: 1 }));
  const type = await sql<{ id: string }>`
    insert into iot_device_types (code, name, name_en, sector, metrics, report_interval_seconds)
    values (${code}, 'Cảm biến bụi', 'Dust sensor', 'environment', ${JSON.stringify(metrics)}::jsonb, 300) returning id`.execute(t.ctx.db);
  const device = await sql<{ id: string }>`
    insert into iot_devices (code, name, type_id, sector, lat, lng, token_hash, search_text)
    values (${code}, ${code}, ${type.rows[0]!.id}, 'environment', 16.8, 107.1, 'not-a-token', ${code}) returning id`.execute(t.ctx.db);
  return device.rows[0]!.id;
}

const dust = (deviceId: string, ts: number, pm25: number, pm10: number): Reading[] => [
  { deviceId, metric: 'pm25', ts: new Date(ts), value: pm25, outOfRange: false },
  { deviceId, metric: 'pm10', ts: new Date(ts), value: pm10, outOfRange: false },
];

/** As ingestion does: store, announce what was newly stored, then wait for the indexer. */
async function commit(readings: Reading[]): Promise<Reading[]> {
  const stored = await storeReadings(t.ctx.db, readings);
  if (stored.length > 0) iotEvents(t.ctx.db).emit('readings', stored);
  await airQualityIndexer(t.ctx.db)!.idle();
  return stored;
}

async function aqiOf(deviceId: string): Promise<Array<{ ts: string; value: number }>> {
  const { rows } = await sql<{ ts: Date; value: number }>`
    select ts, value from iot_readings where device_id = ${deviceId} and metric = 'aqi' order by ts`.execute(t.ctx.db);
  return rows.map((r) => ({ ts: new Date(r.ts).toISOString(), value: Number(r.value) }));
}

/** Four hours of dust, hour by hour; the first hour starts `hoursAgo` hours before the current one. */
function fourHours(deviceId: string, hoursAgo = 6) {
  const h0 = Math.floor(Date.now() / HOUR) * HOUR - hoursAgo * HOUR;
  const batches = [
    [...dust(deviceId, h0 + 10 * MINUTE, 20, 40), ...dust(deviceId, h0 + 40 * MINUTE, 30, 60)],
    [...dust(deviceId, h0 + HOUR + 10 * MINUTE, 40, 90), ...dust(deviceId, h0 + HOUR + 40 * MINUTE, 60, 110)],
    [...dust(deviceId, h0 + 2 * HOUR + 5 * MINUTE, 90, 150), ...dust(deviceId, h0 + 2 * HOUR + 50 * MINUTE, 70, 130)],
    dust(deviceId, h0 + 3 * HOUR + 5 * MINUTE, 10, 20),
  ];
  // Hourly means, latest first, as the store's hour rollups hold them.
  const index = (pm25: number[], pm10: number[]) => hourlyVnAqi({ pm25, pm10 })!.aqi;
  const expected = [
    { ts: new Date(h0 + 2 * HOUR).toISOString(), value: index([50, 25], [100, 50]) },
    { ts: new Date(h0 + 3 * HOUR).toISOString(), value: index([80, 50, 25], [140, 100, 50]) },
  ];
  return { h0, batches, expected };
}

describe('hourly VN_AQI at ingestion', () => {
  it('indexes each completed hour from the hourly means, stamped at its end; the first hour (one hour of dust) and the running hour get none', async () => {
    const station = await airStation();
    const { batches, expected } = fourHours(station.id);
    await commit(batches[0]!);
    await commit(batches[1]!);
    assert.deepEqual(await aqiOf(station.id), [], 'one hour of dust is not enough for a NowCast (two of the three latest hours)');
    await commit(batches[2]!);
    await commit(batches[3]!);
    assert.deepEqual(await aqiOf(station.id), expected);
    assert.ok(expected[1]!.value > expected[0]!.value && expected[0]!.value > 50, `rising dust, rising index: ${JSON.stringify(expected)}`);
  });

  it('adds nothing on a resend, a replay of the same batches or a late reading in an indexed hour (published values are not revised)', async () => {
    const station = await airStation();
    const { h0, batches, expected } = fourHours(station.id);
    for (const batch of batches) await commit(batch);
    for (const batch of batches) assert.deepEqual(await commit(batch), [], 'a resend stores nothing');
    for (const batch of batches) iotEvents(t.ctx.db).emit('readings', batch);
    await airQualityIndexer(t.ctx.db)!.idle();
    await commit(dust(station.id, h0 + HOUR + 55 * MINUTE, 400, 500));
    assert.deepEqual(await aqiOf(station.id), expected);
  });

  it('keeps an index the device sent itself for an hour, and derives the others', async () => {
    const station = await airStation();
    const { h0, batches, expected } = fourHours(station.id);
    const own: Reading = { deviceId: station.id, metric: 'aqi', ts: new Date(h0 + 2 * HOUR), value: 7, outOfRange: false };
    await commit(batches[0]!);
    await commit(batches[1]!);
    await commit([...batches[2]!, own]);
    await commit(batches[3]!);
    assert.deepEqual(await aqiOf(station.id), [{ ts: expected[0]!.ts, value: 7 }, expected[1]]);
  });

  it('derives nothing for a device whose type has no aqi metric', async () => {
    const sensor = await dustSensorWithoutAqi();
    for (const batch of fourHours(sensor).batches) await commit(batch);
    assert.deepEqual(await aqiOf(sensor), []);
  });

  it('looks back at most twelve hours from the newest dust, and ignores batches without dust', () => {
    const at = (iso: string) => new Date(iso).getTime();
    const hours = completedHours([...dust('d', at('2026-11-20T09:30:00Z'), 1, 1), ...dust('d', at('2026-11-20T01:00:00Z'), 1, 1)]);
    assert.equal(hours.length, 12);
    assert.deepEqual([new Date(hours[0]!).toISOString(), new Date(hours[11]!).toISOString()], ['2026-11-20T08:00:00.000Z', '2026-11-19T21:00:00.000Z']);
    assert.deepEqual(completedHours([{ deviceId: 'd', metric: 'aqi', ts: new Date(), value: 80, outOfRange: false }]), []);
    const means = { pm25: new Map([[at('2026-11-20T08:00:00Z'), 30], [at('2026-11-20T07:00:00Z'), 30]]) };
    assert.deepEqual(aqiReadings('d', [at('2026-11-20T08:00:00Z')], means, new Set()), [
      { deviceId: 'd', metric: 'aqi', ts: new Date('2026-11-20T09:00:00Z'), value: hourlyVnAqi({ pm25: [30, 30] })!.aqi, outOfRange: false },
    ]);
    assert.deepEqual(aqiReadings('d', [at('2026-11-20T08:00:00Z')], means, new Set([at('2026-11-20T09:00:00Z')])), [], 'an hour already indexed');
  });

  it('raises an alarm from a rule on aqi when devices post dirty air over HTTP', async () => {
    const station = await airStation();
    const admin = await signIn(t.app, (await createTestUser(t.ctx, 'system_admin')).email, TEST_PASSWORD);
    const rule = await t.app.inject({
      method: 'POST',
      url: '/api/v1/iot/rules',
      headers: admin.writeHeaders,
      payload: {
        name: { vi: 'Không khí kém', en: 'Poor air' },
        deviceCode: station.code,
        forSeconds: 0,
        enabled: true,
        levels: [{ level: 1, severity: 'warning', label: { vi: 'VN_AQI > 150', en: 'VN_AQI > 150' }, condition: { metric: 'aqi', op: 'gt', value: 150, hysteresis: 10 } }],
      },
    });
    assert.equal(rule.statusCode, 201, rule.body);
    const h0 = Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR;
    for (const ts of [h0 + 10 * MINUTE, h0 + HOUR + 10 * MINUTE, h0 + 2 * HOUR + 10 * MINUTE]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/iot/devices/${station.code}/telemetry`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${station.token}` },
        payload: JSON.stringify({ ts: new Date(ts).toISOString(), values: { pm25: 180, pm10: 250 } }),
      });
      assert.equal(res.statusCode, 202, res.body);
      await airQualityIndexer(t.ctx.db)!.idle();
      await alarmProcessor(t.ctx.db)!.idle();
    }
    const index = hourlyVnAqi({ pm25: [180, 180], pm10: [250, 250] })!.aqi;
    assert.deepEqual(await aqiOf(station.id), [{ ts: new Date(h0 + 2 * HOUR).toISOString(), value: index }]);
    const alarms = await t.app.inject({ method: 'GET', url: `/api/v1/iot/alarms?device=${station.code}`, headers: admin.headers });
    assert.equal(alarms.statusCode, 200, alarms.body);
    const items = (alarms.json() as { items: Array<{ level: number; state: string; value: number }> }).items;
    assert.deepEqual(items.map((a) => [a.level, a.state, a.value]), [[1, 'active', index]]);
  });
});
