import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { Random } from '../../../platform/seeded-random.js';
import type { Reading } from '../readings.js';
import { BUCKET_ORIGIN, ROLLUPS, storeReadings } from './store.js';
import { history, latestValues } from './queries.js';
import { insertTestDevices } from './testing.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
after(() => t.close());

const key = (r: { deviceId: string; metric: string; ts: Date }) => `${r.deviceId}|${r.metric}|${r.ts.toISOString()}`;

test('property: after random batches with duplicates, late and out-of-order readings, split and concurrent, every rollup equals a recomputation from raw and latest is the newest in-range reading', async () => {
  const devices = await insertTestDevices(t.ctx.db, 3, 'PROP');
  const random = new Random(20261205);
  const now = Date.now();
  // A pool of instants so that resends and late readings hit the same keys and the same buckets;
  // some fall around a Vietnam midnight, some years ago (the default partition).
  const instants: Date[] = [];
  for (let i = 0; i < 400; i++) instants.push(new Date(Math.floor((now - random.int(0, 3 * 86_400) * 1000) / 1000) * 1000));
  for (let i = 0; i < 20; i++) instants.push(new Date(Date.UTC(2020, 5, 1, 16, 59, random.int(0, 119))));
  // A key always carries the same value and flag: a duplicate is a resend of the same reading.
  const readingOf = (deviceId: string, metric: string, ts: Date): Reading => {
    const r = new Random(Number(ts.getTime() % 2_147_483_647) ^ deviceId.charCodeAt(0) ^ metric.length);
    const outOfRange = r.chance(0.1);
    // `+ 0` turns a rounded -0 into 0: the database has no negative zero, and strictEqual tells them apart.
    return { deviceId, metric, ts, value: Math.round(r.between(-50, 950) * 10) / 10 + 0, outOfRange };
  };
  const expected = new Map<string, Reading>();
  const returned = new Set<string>();
  for (let round = 0; round < 20; round++) {
    const batch: Reading[] = [];
    const size = random.int(1, 250);
    for (let i = 0; i < size; i++) batch.push(readingOf(random.pick(devices).id, random.pick(['water_level', 'rainfall']), random.pick(instants)));
    const parts = random.int(1, 4);
    const chunks: Reading[][] = Array.from({ length: parts }, () => []);
    for (const r of batch) chunks[random.int(0, parts - 1)]!.push(r);
    const results = await Promise.all(chunks.map((c) => storeReadings(t.ctx.db, c)));
    for (const r of batch) if (!expected.has(key(r))) expected.set(key(r), r);
    for (const r of results.flat()) {
      assert.ok(!returned.has(key(r)), `a reading is reported as new only once: ${key(r)}`);
      returned.add(key(r));
    }
  }
  assert.equal(returned.size, expected.size, 'every distinct reading was reported as new exactly once');

  const deviceIds = devices.map((d) => d.id);
  const raw = await sql<{ device_id: string; metric: string; ts: Date; value: number; out_of_range: boolean }>`
    select device_id, metric, ts, value, out_of_range from iot_readings where device_id = any(${deviceIds}::uuid[])`.execute(t.ctx.db);
  assert.equal(raw.rows.length, expected.size, 'duplicates are stored once');
  for (const row of raw.rows) {
    const want = expected.get(key({ deviceId: row.device_id, metric: row.metric, ts: new Date(row.ts) }))!;
    assert.equal(row.value, want.value);
    assert.equal(row.out_of_range, want.outOfRange);
  }
  const flagged = raw.rows.filter((r) => r.out_of_range).length;
  assert.ok(flagged > 0 && flagged < raw.rows.length, 'the data holds both flagged and valid readings');

  for (const rollup of ROLLUPS) {
    const width = `1 ${rollup.size}`;
    const { rows: diff } = await sql<Record<string, unknown>>`
      with recomputed as (
        select device_id, metric, date_bin(${width}::interval, ts, ${BUCKET_ORIGIN}::timestamptz) as bucket,
               min(value) as min, max(value) as max, sum(value) as sum, count(*)::int as count
        from iot_readings where device_id = any(${deviceIds}::uuid[]) and not out_of_range group by 1, 2, 3
      ), kept as (select * from ${sql.table(rollup.table)} where device_id = any(${deviceIds}::uuid[]))
      select r.*, k.min as k_min, k.max as k_max, k.sum as k_sum, k.count as k_count
      from recomputed r full join kept k using (device_id, metric, bucket)
      where r.count is distinct from k.count or r.min is distinct from k.min or r.max is distinct from k.max
         or k.sum is null or r.sum is null or abs(r.sum - k.sum) > 1e-6 * greatest(1, abs(r.sum))`.execute(t.ctx.db);
    assert.deepEqual(diff, [], `${rollup.table} equals a recomputation from raw`);
    const buckets = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(rollup.table)} where device_id = any(${deviceIds}::uuid[])`.execute(t.ctx.db);
    assert.ok(buckets.rows[0]!.n > 0);
  }

  const latest = await latestValues(t.ctx.db, deviceIds);
  for (const d of deviceIds) {
    for (const metric of ['water_level', 'rainfall']) {
      const valid = [...expected.values()].filter((r) => r.deviceId === d && r.metric === metric && !r.outOfRange);
      const newest = valid.reduce<Reading | undefined>((a, b) => (!a || b.ts > a.ts ? b : a), undefined);
      const got = latest.get(d)?.[metric];
      assert.deepEqual(got && { value: got.value, ts: got.ts.toISOString() }, newest && { value: newest.value, ts: newest.ts.toISOString() }, `latest of ${metric}`);
    }
  }
});

test('a late reading does not move latest back; out-of-range readings are stored flagged but neither rolled up nor latest', async () => {
  const [device] = await insertTestDevices(t.ctx.db, 1, 'LATE');
  const id = device!.id;
  const at = (iso: string, value: number, outOfRange = false): Reading => ({ deviceId: id, metric: 'water_level', ts: new Date(iso), value, outOfRange });
  await storeReadings(t.ctx.db, [at('2026-12-01T03:00:00Z', 120)]);
  const late = await storeReadings(t.ctx.db, [at('2026-12-01T02:00:00Z', 80), at('2026-12-01T04:00:00Z', 5000, true)]);
  assert.equal(late.length, 2, 'both are new and returned, the flagged one too');
  const latest = (await latestValues(t.ctx.db, [id])).get(id)!;
  assert.deepEqual({ value: latest.water_level!.value, ts: latest.water_level!.ts.toISOString() }, { value: 120, ts: '2026-12-01T03:00:00.000Z' });
  const hour = await sql<{ count: number; max: number }>`select sum(count)::int as count, max(max) as max from iot_rollup_hour where device_id = ${id}`.execute(t.ctx.db);
  assert.deepEqual(hour.rows[0], { count: 2, max: 120 });
  const seen = await sql<{ last_seen_at: Date | null }>`select last_seen_at from iot_devices where id = ${id}`.execute(t.ctx.db);
  assert.ok(seen.rows[0]!.last_seen_at, 'the device was seen');
  assert.deepEqual(await storeReadings(t.ctx.db, [at('2026-12-01T03:00:00Z', 120)]), [], 'a resend stores nothing');
});

test('a day bucket starts at midnight in Vietnam (17:00 UTC)', async () => {
  const [device] = await insertTestDevices(t.ctx.db, 1, 'DAY');
  const id = device!.id;
  await storeReadings(t.ctx.db, [
    { deviceId: id, metric: 'rainfall', ts: new Date('2026-12-01T16:59:59Z'), value: 1, outOfRange: false },
    { deviceId: id, metric: 'rainfall', ts: new Date('2026-12-01T17:00:00Z'), value: 2, outOfRange: false },
  ]);
  const { rows } = await sql<{ bucket: Date; sum: number }>`select bucket, sum from iot_rollup_day where device_id = ${id} order by bucket`.execute(t.ctx.db);
  assert.deepEqual(rows.map((r) => [new Date(r.bucket).toISOString(), r.sum]), [
    ['2026-11-30T17:00:00.000Z', 1],
    ['2026-12-01T17:00:00.000Z', 2],
  ]);
});

test('history: raw readings (flagged ones marked) when they fit the budget, else rollups that never exceed it and hold every in-range reading', async () => {
  const [device] = await insertTestDevices(t.ctx.db, 1, 'HIST');
  const id = device!.id;
  const start = Date.parse('2026-11-20T00:00:00Z');
  const readings: Reading[] = [];
  // Six hours every 10 s, and one reading a day for ten years before (the day rollup's span).
  for (let i = 0; i < 6 * 360; i++) readings.push({ deviceId: id, metric: 'water_level', ts: new Date(start + i * 10_000), value: (i % 97) + 0.5, outOfRange: i % 500 === 7 });
  for (let d = 1; d <= 3650; d++) readings.push({ deviceId: id, metric: 'water_level', ts: new Date(start - d * 86_400_000), value: d % 13, outOfRange: false });
  await storeReadings(t.ctx.db, readings);

  const small = await history(t.ctx.db, { deviceId: id, metric: 'water_level', from: new Date(start), to: new Date(start + 600_000) });
  assert.equal(small.resolution, 'raw');
  assert.equal(small.points.length, 60);
  assert.deepEqual(small.points[7], { ts: new Date(start + 70_000), avg: 7.5, min: 7.5, max: 7.5, count: 1, outOfRange: true });
  assert.deepEqual(small.points.map((p) => p.ts.getTime()), readings.slice(0, 60).map((r) => r.ts.getTime()), 'equals the raw readings in order');

  const random = new Random(7);
  const cases = [
    { from: start, to: start + 6 * 3_600_000, maxPoints: 100 },
    { from: start - 3650 * 86_400_000, to: start + 6 * 3_600_000, maxPoints: 1000 },
    ...Array.from({ length: 15 }, () => {
      const from = start - random.int(0, 400) * 3_600_000 - random.int(0, 3599) * 1000;
      return { from, to: start + random.int(1, 6 * 3600) * 1000, maxPoints: random.int(1, 300) };
    }),
  ];
  for (const c of cases) {
    const result = await history(t.ctx.db, { deviceId: id, metric: 'water_level', from: new Date(c.from), to: new Date(c.to), maxPoints: c.maxPoints });
    const label = JSON.stringify({ ...c, resolution: result.resolution });
    assert.ok(result.points.length <= c.maxPoints, `within the budget: ${label} gave ${result.points.length}`);
    const inRange = readings.filter((r) => r.ts.getTime() >= c.from && r.ts.getTime() < c.to);
    if (result.resolution === 'raw') {
      assert.equal(result.points.length, inRange.length, label);
      continue;
    }
    const seconds = ROLLUPS.find((r) => r.size === result.resolution)!.seconds * 1000;
    const origin = Date.parse(BUCKET_ORIGIN);
    const covered = readings.filter((r) => {
      const bucket = origin + Math.floor((r.ts.getTime() - origin) / seconds) * seconds;
      return !r.outOfRange && bucket >= c.from && bucket < c.to;
    });
    assert.equal(result.points.reduce((n, p) => n + p.count, 0), covered.length, `every in-range reading of the covered buckets is counted once: ${label}`);
    const sum = result.points.reduce((n, p) => n + p.avg * p.count, 0);
    assert.ok(Math.abs(sum - covered.reduce((n, r) => n + r.value, 0)) < 1e-6 * Math.max(1, Math.abs(sum)), label);
  }
  const decade = await history(t.ctx.db, { deviceId: id, metric: 'water_level', from: new Date(start - 3650 * 86_400_000), to: new Date(start), maxPoints: 1000 });
  assert.equal(decade.resolution, 'day');
  assert.equal(decade.bucketSeconds, 4 * 86_400, 'ten years in 1000 points: four days a point');
});
