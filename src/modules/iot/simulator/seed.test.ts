import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { hourlyVnAqi } from '../air-quality/vn-aqi.js';
import { floodLevelsFromRule } from './rule-levels.js';
import { seedDemoHistory } from './seed.js';

let t: TestPlatform;
const NOW = new Date('2026-11-20T09:30:00Z');

async function addDevice(code: string, typeCode: string, isDemo: boolean): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into iot_devices (code, name, type_id, sector, lat, lng, token_hash, is_demo, search_text)
    select ${code}, ${code}, t.id, t.sector, 16.75, 107.19, 'x', ${isDemo}, ${code.toLowerCase()}
    from iot_device_types t where t.code = ${typeCode} returning id`.execute(t.ctx.db);
  return rows[0]!.id;
}

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
after(() => t.close());

describe('demo telemetry history', () => {
  it('stores three days of hourly readings for every metric of the demo devices, with matching rollups and latest values, once', async () => {
    const river = await addDevice('DEMO-TV-01', 'water_level_station', true);
    const air = await addDevice('DEMO-KK-01', 'air_quality_station', true);
    const mine = await addDevice('REAL-TV-01', 'water_level_station', false);
    const started = Date.now();
    const stored = await seedDemoHistory(t.ctx.db, NOW);
    const ms = Date.now() - started;
    // 72 hours of water level (1 metric) and of air quality (4 reported metrics), and the VN_AQI of
    // every completed hour with a NowCast: all but the first, which lacks a second hour of dust.
    assert.equal(stored, 72 * 5 + 70);
    t.ctx.log.info({ stored, ms }, 'seed timing');

    const counts = await sql<{ device_id: string; n: string; first: Date; last: Date }>`
      select device_id, count(*) as n, min(ts) as first, max(ts) as last from iot_readings group by device_id`.execute(t.ctx.db);
    const byDevice = new Map(counts.rows.map((r) => [r.device_id, r]));
    assert.equal(Number(byDevice.get(river)!.n), 72);
    assert.equal(Number(byDevice.get(air)!.n), 72 * 4 + 70);
    assert.equal(byDevice.has(mine), false, 'only demo devices get history');
    assert.equal(new Date(byDevice.get(river)!.last).toISOString(), '2026-11-20T09:00:00.000Z');
    assert.equal(new Date(byDevice.get(river)!.first).toISOString(), '2026-11-17T10:00:00.000Z');

    const rollup = await sql<{ n: string; total: number }>`select sum(count) as n, sum(sum) as total from iot_rollup_hour where device_id = ${river}`.execute(t.ctx.db);
    const raw = await sql<{ total: number }>`select sum(value) as total from iot_readings where device_id = ${river}`.execute(t.ctx.db);
    assert.equal(Number(rollup.rows[0]!.n), 72);
    assert.ok(Math.abs(Number(rollup.rows[0]!.total) - Number(raw.rows[0]!.total)) < 1e-6);

    const latest = await sql<{ value: number; ts: Date }>`select value, ts from iot_latest where device_id = ${air} and metric = 'pm25'`.execute(t.ctx.db);
    const last = await sql<{ value: number }>`select value from iot_readings where device_id = ${air} and metric = 'pm25' order by ts desc limit 1`.execute(t.ctx.db);
    assert.equal(Number(latest.rows[0]!.value), Number(last.rows[0]!.value));

    const aqi = await sql<{ n: string; first: Date; last: Date }>`
      select count(*) as n, min(ts) as first, max(ts) as last from iot_readings where device_id = ${air} and metric = 'aqi'`.execute(t.ctx.db);
    assert.deepEqual(
      [Number(aqi.rows[0]!.n), new Date(aqi.rows[0]!.first).toISOString(), new Date(aqi.rows[0]!.last).toISOString()],
      [70, '2026-11-17T12:00:00.000Z', '2026-11-20T09:00:00.000Z'],
      'indices stamped at the end of each hour, up to the last complete one',
    );
    const means = await sql<{ metric: 'pm25' | 'pm10'; mean: number }>`
      select metric, sum / count as mean from iot_rollup_hour where device_id = ${air} and metric in ('pm25', 'pm10') order by bucket desc limit 26`.execute(t.ctx.db);
    const series = (m: string) => means.rows.filter((r) => r.metric === m).map((r) => Number(r.mean)).slice(1, 13);
    const lastAqi = await sql<{ value: number }>`select value from iot_latest where device_id = ${air} and metric = 'aqi'`.execute(t.ctx.db);
    assert.equal(Number(lastAqi.rows[0]!.value), hourlyVnAqi({ pm25: series('pm25'), pm10: series('pm10') })!.aqi, 'the same derivation as live readings');

    assert.equal(await seedDemoHistory(t.ctx.db, new Date(NOW.getTime() + 3_600_000)), 0, 'a second run adds nothing');
  });

  it('reads alarm levels I, II, III from a staged rule, ignoring levels that are missing or do not rise', () => {
    const above = (value: number) => ({ metric: 'water_level', op: 'gte', value });
    assert.deepEqual(
      floodLevelsFromRule(
        [
          { level: 1, condition: above(250) },
          { level: 2, condition: { all: [above(350), { metric: 'rainfall', op: 'gt', value: 10 }] } },
          { level: 3, condition: above(450) },
        ],
        'water_level',
      ),
      [250, 350, 450],
    );
    assert.equal(floodLevelsFromRule([{ level: 1, condition: above(250) }, { level: 2, condition: above(350) }], 'water_level'), undefined);
    assert.equal(floodLevelsFromRule([1, 2, 3].map((level) => ({ level, condition: above(500 - level) })), 'water_level'), undefined);
  });
});
