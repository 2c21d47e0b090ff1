import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { createTestSession } from '../../../platform/testing/sessions.js';
import { createTestUser } from '../../../platform/testing/users.js';
import { issueApiKey } from '../../../platform/identity/issue-api-key.js';
import type { Role } from '../../../platform/identity/roles.js';
import { iotEvents } from '../events.js';
import type { Reading } from '../readings.js';
import { history } from './queries.js';
import { storeReadings } from './store.js';
import { insertTestDevices } from './testing.js';

let t: TestPlatform;
let device: { id: string; code: string; typeCode: string };
let other: { id: string; code: string; typeCode: string };
const as: Partial<Record<Role, Record<string, string>>> = {};
let readKey: Record<string, string>;
let otherKey: Record<string, string>;

async function apiKey(scopes: string[]): Promise<Record<string, string>> {
  const issued = await t.ctx.db.transaction().execute((trx) =>
    issueApiKey(trx, t.ctx.audit, { name: `tel-${scopes.join()}`, scopes, expiresAt: null, agencyId: null, createdBy: null }, { userId: null, label: 'test' }),
  );
  return { authorization: `Bearer ${issued.key}` };
}

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  [device, other] = (await insertTestDevices(t.ctx.db, 2, 'ROUTE')) as [typeof device, typeof other];
  for (const role of ['citizen', 'leader', 'system_admin'] as const) {
    as[role] = (await createTestSession(t.app, t.ctx, (await createTestUser(t.ctx, role)).id)).headers;
  }
  readKey = await apiKey(['iot:read']);
  otherKey = await apiKey(['open311']);
  const r = (metric: string, iso: string, value: number, outOfRange = false): Reading => ({ deviceId: device.id, metric, ts: new Date(iso), value, outOfRange });
  await storeReadings(t.ctx.db, [
    r('water_level', '2026-12-01T01:00:00Z', 120.5),
    r('water_level', '2026-12-01T02:00:00Z', 130),
    r('water_level', '2026-12-01T03:00:00Z', 9999, true),
    r('rainfall', '2026-12-01T01:30:00Z', 12),
  ]);
});
after(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

test('latest returns exactly {values: {metric: {value, ts}}} with the newest in-range value of each metric', async () => {
  const res = await get(`/api/v1/iot/devices/${device.code}/latest`, as.leader);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), {
    values: { water_level: { value: 130, ts: '2026-12-01T02:00:00.000Z' }, rainfall: { value: 12, ts: '2026-12-01T01:30:00.000Z' } },
  });
  assert.deepEqual((await get(`/api/v1/iot/devices/${other.code}/latest`, readKey)).json(), { values: {} }, 'an API key with iot:read reads it; no data is {}');
});

test('latest refuses anonymous callers (401), citizens and keys without iot:read (403), and says 404 in both languages for an unknown device', async () => {
  const url = `/api/v1/iot/devices/${device.code}/latest`;
  assert.equal((await get(url)).statusCode, 401);
  assert.equal((await get(url, as.citizen)).statusCode, 403);
  assert.equal((await get(url, otherKey)).statusCode, 403);
  const missing = await get('/api/v1/iot/devices/KHONG-CO/latest', as.system_admin);
  assert.equal(missing.statusCode, 404);
  assert.match(missing.json().message.vi, /Không tìm thấy thiết bị/);
});

test('bulk latest lists the devices asked for by code, or by type or sector, with their values', async () => {
  const res = await get(`/api/v1/iot/latest?devices=${other.code},${device.code},NOPE`, as.leader);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.truncated, false);
  assert.deepEqual(body.items.map((i: { code: string }) => i.code), [device.code, other.code].sort());
  const mine = body.items.find((i: { code: string }) => i.code === device.code);
  assert.equal(mine.values.water_level.value, 130);
  assert.ok(mine.lastSeenAt);
  const bySector = (await get('/api/v1/iot/latest?sector=environment', readKey)).json();
  assert.ok(bySector.items.some((i: { code: string }) => i.code === device.code));
  const byType = (await get(`/api/v1/iot/latest?type=${device.typeCode}`, readKey)).json();
  assert.deepEqual(byType.items.map((i: { code: string }) => i.code), [device.code, other.code].sort(), 'the devices of the type');
  assert.equal((await get('/api/v1/iot/latest?sector=space', readKey)).statusCode, 400);
});

test('bulk latest writes the JSON the schema promises: ISO times with milliseconds, null and {} for a silent device, metrics by key', async () => {
  const res = await get(`/api/v1/iot/latest?devices=${device.code},${other.code}`, readKey);
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const items: Array<{ code: string }> = res.json().items;
  const mine = items.find((i) => i.code === device.code) as unknown as { lastSeenAt: string; values: object };
  const silent = items.find((i) => i.code === other.code);
  assert.match(mine.lastSeenAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.deepEqual(mine.values, { rainfall: { value: 12, ts: '2026-12-01T01:30:00.000Z' }, water_level: { value: 130, ts: '2026-12-01T02:00:00.000Z' } });
  assert.deepEqual(Object.keys(mine.values), ['rainfall', 'water_level']);
  assert.deepEqual(silent, { code: other.code, lastSeenAt: null, values: {} });
  const none = await get('/api/v1/iot/latest?type=no_such_type', readKey);
  assert.deepEqual(none.json(), { items: [], truncated: false });
});

test('bulk latest lists the first 1,000 devices by code and says truncated when more match', async () => {
  const type = `tel_many_${Date.now()}`;
  await sql`insert into iot_device_types (code, name, name_en, sector, metrics, report_interval_seconds)
    values (${type}, 'Nhiều', 'Many', 'environment', '[]'::jsonb, 60)`.execute(t.ctx.db);
  await sql`insert into iot_devices (code, name, type_id, sector, lat, lng, token_hash, search_text)
    select 'MANY-' || lpad(i::text, 4, '0'), 'Many', t.id, 'environment', 17.47, 106.6, 'not-a-token', 'many'
    from generate_series(1, 1001) i, iot_device_types t where t.code = ${type}`.execute(t.ctx.db);
  const body = (await get(`/api/v1/iot/latest?type=${type}`, readKey)).json();
  assert.equal(body.truncated, true);
  assert.equal(body.items.length, 1000);
  assert.deepEqual([body.items[0].code, body.items[999].code], ['MANY-0001', 'MANY-1000']);
  const tooMany = await get(`/api/v1/iot/latest?devices=${Array.from({ length: 1001 }, (_, i) => `C${i}`).join(',')}`, readKey);
  assert.equal(tooMany.statusCode, 400);
});

test('history returns raw points with the flagged one marked, and refuses a reversed or over-ten-year range with 400 in both languages', async () => {
  const base = `/api/v1/iot/devices/${device.code}/history?metric=water_level`;
  const res = await get(`${base}&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&points=10`, as.leader);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.resolution, 'raw');
  assert.deepEqual(body.points.map((p: { avg: number; outOfRange: boolean }) => [p.avg, p.outOfRange]), [[120.5, false], [130, false], [9999, true]]);
  const halves = (await get(`${base}&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&points=2`, as.leader)).json();
  assert.deepEqual([halves.resolution, halves.bucketSeconds], ['hour', 43_200], '24 hours in 2 points: the hour rollup in 12-hour bins');
  assert.deepEqual(halves.points, [{ ts: '2026-12-01T01:00:00.000Z', avg: 125.25, min: 120.5, max: 130, count: 2, outOfRange: false }]);
  const reversed = await get(`${base}&from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z`, as.leader);
  assert.equal(reversed.statusCode, 400);
  assert.ok(reversed.json().message.vi && reversed.json().message.en);
  assert.equal((await get(`${base}&from=2010-01-01T00:00:00Z&to=2026-12-01T00:00:00Z`, as.leader)).statusCode, 400);
  assert.equal((await get(`${base}&from=yesterday`, as.leader)).statusCode, 400);
  assert.equal((await get(`${base}&points=5001`, as.leader)).statusCode, 400);
});

test('the history route writes the same points as history() does, raw and rolled up, for the rest of the API to rely on', async () => {
  for (const points of [10, 2, 1]) {
    const from = new Date('2026-12-01T00:00:00Z');
    const to = new Date('2026-12-02T00:00:00Z');
    const res = await get(`/api/v1/iot/devices/${device.code}/history?metric=water_level&from=${from.toISOString()}&to=${to.toISOString()}&points=${points}`, readKey);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const expected = await history(t.ctx.db, { deviceId: device.id, metric: 'water_level', from, to, maxPoints: points });
    assert.deepEqual(res.json(), {
      code: device.code,
      metric: 'water_level',
      from: from.toISOString(),
      to: to.toISOString(),
      resolution: expected.resolution,
      bucketSeconds: expected.bucketSeconds,
      points: expected.points.map((p) => ({ ...p, ts: p.ts.toISOString() })),
    });
  }
  const empty = await get(`/api/v1/iot/devices/${other.code}/history?metric=water_level&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z`, readKey);
  assert.deepEqual(empty.json().points, [], 'no readings: no points');
});

test('the CSV export lists raw readings by metric then time, flagged ones included, or one metric', async () => {
  const res = await get(`/api/v1/iot/devices/${device.code}/export.csv?from=2026-11-30T00:00:00Z&to=2026-12-02T00:00:00Z`, readKey);
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^text\/csv/);
  assert.match(String(res.headers['content-disposition']), new RegExp(`${device.code}\\.csv`));
  assert.deepEqual(res.body.trim().split('\n'), [
    'ts,metric,value,out_of_range',
    '2026-12-01T01:30:00.000Z,rainfall,12,false',
    '2026-12-01T01:00:00.000Z,water_level,120.5,false',
    '2026-12-01T02:00:00.000Z,water_level,130,false',
    '2026-12-01T03:00:00.000Z,water_level,9999,true',
  ]);
  const rain = await get(`/api/v1/iot/devices/${device.code}/export.csv?metric=rainfall&from=2026-11-30T00:00:00Z&to=2026-12-02T00:00:00Z`, readKey);
  assert.deepEqual(rain.body.trim().split('\n'), ['ts,metric,value,out_of_range', '2026-12-01T01:30:00.000Z,rainfall,12,false'], 'one metric');
  assert.equal((await get(`/api/v1/iot/devices/${device.code}/export.csv`, as.citizen)).statusCode, 403);
});

test('the live stream sends the latest values, then a committed reading of its device only, and lets go when the client leaves', async () => {
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const bus = iotEvents(t.ctx.db);
  const before = bus.listenerCount('readings');
  const abort = new AbortController();
  const res = await fetch(`${address}/api/v1/iot/devices/${device.code}/stream`, { headers: as.leader!, signal: abort.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const until = async (pattern: RegExp) => {
    while (!pattern.test(text)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before ${pattern}: ${text}`);
      text += decoder.decode(value, { stream: true });
    }
  };
  await until(/event: latest\ndata: .*\n\n/);
  assert.match(text, /"water_level":\{"value":130,"ts":"2026-12-01T02:00:00.000Z"\}/);
  const stored = await storeReadings(t.ctx.db, [
    { deviceId: other.id, metric: 'rainfall', ts: new Date('2026-12-01T05:00:00Z'), value: 77, outOfRange: false },
    { deviceId: device.id, metric: 'rainfall', ts: new Date('2026-12-01T05:00:00Z'), value: 3.5, outOfRange: false },
  ]);
  bus.emit('readings', stored);
  await until(/event: readings\ndata: .*\n\n/);
  const line = /event: readings\ndata: (.*)\n\n/.exec(text)![1]!;
  assert.deepEqual(JSON.parse(line), { readings: [{ metric: 'rainfall', ts: '2026-12-01T05:00:00.000Z', value: 3.5, outOfRange: false }] });
  abort.abort();
  const deadline = Date.now() + 5000;
  while (bus.listenerCount('readings') > before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal(bus.listenerCount('readings'), before, 'the listener is removed when the client leaves');
  assert.equal((await fetch(`${address}/api/v1/iot/devices/NOPE/stream`, { headers: as.leader! })).status, 404);
});
