import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signIn, type SignedIn } from '../../../platform/testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../../../platform/testing/users.js';
import { iotEvents } from '../events.js';
import type { Reading } from '../readings.js';
import { createTestDevice, setTestDeviceStatus } from './testing.js';

let t: TestPlatform;
let admin: SignedIn;
let leader: SignedIn;
const announced: Reading[] = [];

before(async () => {
  t = await createTestPlatform({ seedDemo: false, env: { IOT_DEVICE_MAX_READINGS_PER_MINUTE: '60', IOT_DEVICE_BURST_READINGS: '20' } });
  admin = await signIn(t.app, (await createTestUser(t.ctx, 'system_admin')).email, TEST_PASSWORD);
  leader = await signIn(t.app, (await createTestUser(t.ctx, 'leader')).email, TEST_PASSWORD);
  iotEvents(t.ctx.db).on('readings', (batch) => announced.push(...batch));
});
after(() => t.close());

const post = (code: string, token: string | undefined, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/iot/devices/${code}/telemetry`,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

test('a device posts readings with its token: 202 after they are stored, visible as latest values and announced once', async () => {
  const device = await createTestDevice(t.ctx);
  const ts = new Date(Date.now() - 60_000).toISOString();
  const res = await post(device.code, device.token, [{ ts, values: { water_level: 512.4 } }, { ts: new Date(Date.now() - 120_000).toISOString(), values: { water_level: 9999 } }]);
  assert.equal(res.statusCode, 202, res.body);
  assert.deepEqual(res.json(), { accepted: 2, outOfRange: 1 });
  const latest = await t.app.inject({ method: 'GET', url: `/api/v1/iot/devices/${device.code}/latest`, headers: leader.headers });
  assert.equal(latest.statusCode, 200, latest.body);
  assert.deepEqual(latest.json().values.water_level, { value: 512, ts });
  // Labelled as a form, as `curl -d` does: still read as JSON.
  const labelled = await t.app.inject({ method: 'POST', url: `/api/v1/iot/devices/${device.code}/telemetry`, headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/x-www-form-urlencoded' }, payload: JSON.stringify({ ts, values: { water_level: 512 } }) });
  assert.equal(labelled.statusCode, 202, labelled.body);
  // The same message again (a device retrying after a lost answer) is accepted and stored once.
  assert.equal((await post(device.code, device.token, { ts, values: { water_level: 512.4 } })).statusCode, 202);
  assert.deepEqual(announced.filter((r) => r.deviceId === device.id).map((r) => [r.value, r.outOfRange]).sort(), [[512, false], [9999, true]]);
});

test('a wrong or missing token is 401 and a disabled device is 403, in Vietnamese and English', async () => {
  const device = await createTestDevice(t.ctx);
  const body = { ts: new Date().toISOString(), values: { water_level: 1 } };
  for (const res of [await post(device.code, 'not-the-token', body), await post(device.code, undefined, body), await post('NO-SUCH-DEVICE', device.token, body)]) {
    assert.equal(res.statusCode, 401, res.body);
    assert.equal(res.json().code, 'device_unauthenticated');
    assert.match(res.json().message.vi, /token/);
  }
  // An API key or session is no substitute for the device's own token.
  const viaSession = await t.app.inject({ method: 'POST', url: `/api/v1/iot/devices/${device.code}/telemetry`, headers: admin.writeHeaders, payload: body });
  assert.equal(viaSession.statusCode, 401);
  await setTestDeviceStatus(t.ctx, device.code, 'disabled');
  const disabled = await post(device.code, device.token, body);
  assert.equal(disabled.statusCode, 403, disabled.body);
  assert.equal(disabled.json().code, 'device_disabled');
});

test('an invalid message is 400 with the reason, an oversized one 413, and both are counted in the stats', async () => {
  const device = await createTestDevice(t.ctx);
  const unknown = await post(device.code, device.token, { ts: new Date().toISOString(), values: { rainfall: 3 } });
  assert.equal(unknown.statusCode, 400, unknown.body);
  assert.equal(unknown.json().code, 'telemetry_unknown_metric');
  assert.match(unknown.json().errors[0].message.en, /"rainfall" is not a metric/);
  const future = await post(device.code, device.token, { ts: new Date(Date.now() + 3_600_000).toISOString(), values: { water_level: 3 } });
  assert.equal(future.json().code, 'telemetry_future_timestamp');
  assert.equal((await post(device.code, device.token, '{"ts": nope')).json().code, 'telemetry_malformed_json');
  const huge = await post(device.code, device.token, JSON.stringify({ ts: new Date().toISOString(), values: { water_level: 1 } }).padEnd(300 * 1024, ' '));
  assert.equal(huge.statusCode, 413);
  const stats = await t.app.inject({ method: 'GET', url: '/api/v1/iot/ingestion/stats', headers: admin.headers });
  assert.equal(stats.statusCode, 200, stats.body);
  assert.equal(stats.json().rejected.unknown_metric, 1);
  assert.equal(stats.json().rejected.future_timestamp, 1);
  assert.ok(stats.json().readingsStored >= 2);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/iot/ingestion/stats', headers: leader.headers })).statusCode, 403);
});

test('a device over its rate gets 429 with Retry-After while another device keeps posting', async () => {
  const flood = await createTestDevice(t.ctx);
  const calm = await createTestDevice(t.ctx);
  const sample = (i: number) => ({ ts: new Date(Date.now() - i * 1000).toISOString(), values: { water_level: i } });
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let i = 0; i < 25; i++) {
    const res = await post(flood.code, flood.token, sample(i));
    statuses.push(res.statusCode);
    if (res.statusCode === 429) retryAfter ??= String(res.headers['retry-after']);
  }
  assert.equal(statuses.filter((s) => s === 202).length >= 20, true);
  assert.ok(statuses.includes(429), statuses.join());
  assert.ok(Number(retryAfter) >= 1);
  assert.equal((await post(calm.code, calm.token, sample(0))).statusCode, 202);
});

test('the telemetry route and its payload schema are in the OpenAPI document', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const op = doc.paths['/api/v1/iot/devices/{code}/telemetry'].post;
  assert.ok(op.requestBody, 'documents the body');
  assert.ok(doc.paths['/api/v1/iot/ingestion/stats'].get);
});
