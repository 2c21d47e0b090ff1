import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import mqtt from 'mqtt';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signIn, type SignedIn } from '../../../platform/testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../../../platform/testing/users.js';
import { startEmbeddedBroker } from './broker.js';
import { DeviceDirectory } from './device-directory.js';
import { ingestionRuntime } from './index.js';
import { createTestDevice, eventually } from './testing.js';

let t: TestPlatform;
let leader: SignedIn;
let url: string;

before(async () => {
  t = await createTestPlatform({ seedDemo: false, env: { MQTT_PORT: '0', MQTT_HOST: '127.0.0.1' } });
  leader = await signIn(t.app, (await createTestUser(t.ctx, 'leader')).email, TEST_PASSWORD);
  const port = ingestionRuntime(t.ctx.db)?.brokerPort;
  assert.ok(port, 'the embedded broker listens');
  url = `mqtt://127.0.0.1:${port}`;
});
after(() => t.close());

async function latest(code: string): Promise<Record<string, { value: number; ts: string }>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/iot/devices/${code}/latest`, headers: leader.headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().values;
}

test('a device publishes over MQTT with its code and token, QoS 1, and the reading appears as its latest value', async () => {
  const device = await createTestDevice(t.ctx);
  const client = await mqtt.connectAsync(url, { username: device.code, password: device.token, clientId: `t-${device.code}`, reconnectPeriod: 0 });
  const ts = new Date(Date.now() - 5000).toISOString();
  await client.publishAsync(`devices/${device.code}/telemetry`, JSON.stringify({ ts, values: { water_level: 321 } }), { qos: 1 });
  await client.endAsync();
  const values = await eventually(async () => (await latest(device.code)).water_level);
  assert.deepEqual(values, { value: 321, ts });
});

test('a wrong token is refused at CONNACK as not authorised', async () => {
  const device = await createTestDevice(t.ctx);
  await assert.rejects(
    mqtt.connectAsync(url, { username: device.code, password: 'wrong', clientId: `t-bad-${device.code}`, reconnectPeriod: 0 }),
    (error: Error & { code?: number }) => error.code === 5 || /Not authorized/i.test(error.message),
  );
});

test("publishing to another device's topic is refused and nothing is stored for either device", async () => {
  const mine = await createTestDevice(t.ctx);
  const victim = await createTestDevice(t.ctx);
  const client = await mqtt.connectAsync(url, { username: mine.code, password: mine.token, clientId: `t-${mine.code}`, reconnectPeriod: 0 });
  const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
  client.publish(`devices/${victim.code}/telemetry`, JSON.stringify({ ts: new Date().toISOString(), values: { water_level: 1 } }), { qos: 1 });
  await closed; // the broker drops the connection (MQTT 3.1.1 has no refusal for a publish)
  await client.endAsync(true);
  const stats = ingestionRuntime(t.ctx.db)!.ingestor.stats();
  assert.equal(stats.rejected.forbidden_topic, 1);
  assert.deepEqual(await latest(victim.code), {});
  assert.deepEqual(await latest(mine.code), {});
});

const MOSQUITTO_PUB = '/usr/bin/mosquitto_pub';
test('the real mosquitto_pub client can publish to the embedded broker', { skip: fs.existsSync(MOSQUITTO_PUB) ? false : `${MOSQUITTO_PUB} is not installed` }, async () => {
  const device = await createTestDevice(t.ctx);
  const port = new URL(url).port;
  const ts = new Date(Date.now() - 1000).toISOString();
  await promisify(execFile)(MOSQUITTO_PUB, ['-h', '127.0.0.1', '-p', port, '-u', device.code, '-P', device.token, '-q', '1', '-i', `t-pub-${device.code}`, '-t', `devices/${device.code}/telemetry`, '-m', JSON.stringify({ ts, values: { water_level: 77 } })]);
  assert.deepEqual(await eventually(async () => (await latest(device.code)).water_level), { value: 77, ts });
});

test('when the MQTT port is taken, a warning in Vietnamese and English is logged and the platform runs on without a broker', async () => {
  const warnings: string[] = [];
  const log = { info() {}, warn: (_o: object, msg: string) => warnings.push(msg) };
  const runtime = ingestionRuntime(t.ctx.db)!;
  const taken = Number(new URL(url).port);
  const second = await startEmbeddedBroker({ port: taken, host: '127.0.0.1', directory: new DeviceDirectory(t.ctx.db), ingestor: runtime.ingestor, log });
  assert.equal(second, undefined);
  assert.match(warnings[0] ?? '', new RegExp(`Cổng MQTT ${taken} đang bận.*MQTT port ${taken} is taken`));
});
