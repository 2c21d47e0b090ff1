import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { Reading } from '../readings.js';
import { runTelemetryMaintenance } from './jobs.js';
import { ensureReadingPartitions, monthPartition, readingPartitions } from './partitions.js';
import { storeReadings } from './store.js';
import { insertTestDevices } from './testing.js';

let t: TestPlatform;
let deviceId: string;
before(async () => {
  t = await createTestPlatform({ seedDemo: false, env: { IOT_RAW_RETENTION_DAYS: '90' } });
  deviceId = (await insertTestDevices(t.ctx.db, 1, 'PART'))[0]!.id;
});
after(() => t.close());

const reading = (iso: string, value = 1): Reading => ({ deviceId, metric: 'water_level', ts: new Date(iso), value, outOfRange: false });
const partitionOf = async (iso: string) =>
  (await sql<{ p: string }>`select tableoid::regclass::text as p from iot_readings where device_id = ${deviceId} and ts = ${iso}::timestamptz`.execute(t.ctx.db)).rows[0]?.p;

test('the migration creates the partitions of last month to two months ahead', async () => {
  const names = (await readingPartitions(t.ctx.db)).map((p) => p.name);
  for (const offset of [-1, 0, 1, 2]) assert.ok(names.includes(monthPartition(new Date(), offset).name), `month ${offset} exists`);
});

test('the daily job creates months ahead of a later clock and moves readings that had landed in the default partition', async () => {
  await storeReadings(t.ctx.db, [reading('2031-03-10T05:00:00Z', 7)]);
  assert.equal(await partitionOf('2031-03-10T05:00:00Z'), 'iot_readings_default', 'a far-future reading waits in the default partition');
  const result = await runTelemetryMaintenance(t.ctx, new Date('2031-02-15T00:00:00Z'));
  assert.deepEqual(result.createdPartitions, ['iot_readings_y2031m01', 'iot_readings_y2031m02', 'iot_readings_y2031m03', 'iot_readings_y2031m04']);
  assert.equal(await partitionOf('2031-03-10T05:00:00Z'), 'iot_readings_y2031m03', 'the reading moved into its month');
  assert.ok(result.droppedPartitions.includes(monthPartition(new Date(), 0).name), 'the same pass dropped this month, years before that clock');
  assert.deepEqual(await runTelemetryMaintenance(t.ctx, new Date('2031-02-16T00:00:00Z')).then((r) => r.createdPartitions), [], 'a second pass creates nothing');
});

test('retention drops months wholly older than IOT_RAW_RETENTION_DAYS and old rows of the default partition, and keeps the rollups', async () => {
  await ensureReadingPartitions(t.ctx.db, new Date('2031-01-10T00:00:00Z'));
  await storeReadings(t.ctx.db, [reading('2030-12-31T00:00:00Z', 2), reading('2019-05-01T00:00:00Z', 3), reading('2031-01-20T00:00:00Z', 4), reading('2031-04-01T00:00:00Z', 5)]);
  // 90 days before 2031-04-15 is 2031-01-15: January straddles the cutoff and stays.
  const result = await runTelemetryMaintenance(t.ctx, new Date('2031-04-15T00:00:00Z'));
  assert.deepEqual(result.droppedPartitions, ['iot_readings_y2030m12'], 'December is wholly older than the cutoff; January straddles it');
  assert.equal(result.deletedFromDefault >= 1, true, 'the 2019 reading is deleted from the default partition');
  const left = await sql<{ ts: Date }>`select ts from iot_readings where device_id = ${deviceId} order by ts`.execute(t.ctx.db);
  assert.deepEqual(left.rows.map((r) => new Date(r.ts).toISOString()), ['2031-01-20T00:00:00.000Z', '2031-03-10T05:00:00.000Z', '2031-04-01T00:00:00.000Z']);
  const day = await sql<{ n: number }>`select count(*)::int as n from iot_rollup_day where device_id = ${deviceId} and bucket < '2031-01-01'`.execute(t.ctx.db);
  assert.equal(day.rows[0]!.n, 2, 'the day rollups of 2019 and of 31 December 2030 are kept');
  const names = (await readingPartitions(t.ctx.db)).map((p) => p.name);
  assert.ok(names.includes('iot_readings_y2031m05') && names.includes('iot_readings_y2031m06'), 'the pass also created months ahead');
});

test('IOT_RAW_RETENTION_DAYS=0 keeps raw readings forever', async () => {
  const result = await runTelemetryMaintenance({ db: t.ctx.db, config: { ...t.config, env: { IOT_RAW_RETENTION_DAYS: '0' } } }, new Date('2040-01-01T00:00:00Z'));
  assert.deepEqual([result.droppedPartitions, result.deletedFromDefault], [[], 0]);
});
