import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { latestValues } from '../telemetry/queries.js';
import { ingestionRuntime } from './index.js';
import { createTestDevice, eventually } from './testing.js';

const MOSQUITTO = '/usr/sbin/mosquitto';
const SKIP = fs.existsSync(MOSQUITTO) ? false : `${MOSQUITTO} is not installed`;

let t: TestPlatform;
let broker: ChildProcess | undefined;
let dir: string;
let url: string;
let brokerLog = () => '';
let early: { id: string; code: string; token: string };

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

before(async () => {
  if (SKIP) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-mosquitto-'));
  const port = await freePort();
  url = `mqtt://127.0.0.1:${port}`;
  const file = (name: string) => path.join(dir, name);
  // Mosquitto refuses to start without the files; the bridge fills them in.
  fs.writeFileSync(file('passwd'), '');
  fs.writeFileSync(file('acl'), '');
  // As root, Mosquitto would drop to the `mosquitto` user and fail to write its pid file here: `user` keeps this one.
  fs.writeFileSync(
    file('mosquitto.conf'),
    [`listener ${port} 127.0.0.1`, 'allow_anonymous false', `password_file ${file('passwd')}`, `acl_file ${file('acl')}`, `pid_file ${file('pid')}`, 'persistence false', 'log_dest stderr', `user ${os.userInfo().username}`, ''].join('\n'),
  );
  broker = spawn(MOSQUITTO, ['-c', file('mosquitto.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  broker.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  brokerLog = () => log;
  await eventually(async () => fs.existsSync(file('pid')) && fs.readFileSync(file('pid'), 'utf8').trim() !== '').catch(() => {
    throw new Error(`mosquitto did not start: ${brokerLog()}`);
  });
  t = await createTestPlatform({
    seedDemo: false,
    env: {
      MQTT_URL: url,
      MQTT_USERNAME: 'tinhso-platform',
      MQTT_PASSWORD: randomUUID(),
      MQTT_CLIENT_ID: `tinhso-bridge-${randomUUID().slice(0, 8)}`,
      MOSQUITTO_PASSWORD_FILE: file('passwd'),
      MOSQUITTO_ACL_FILE: file('acl'),
      MOSQUITTO_PID_FILE: file('pid'),
      MOSQUITTO_SYNC_INTERVAL_MS: '100',
    },
  });
  // A device registered before the platform started: it is in the first files written.
  early = await createTestDevice(t.ctx, 'MOS');
  await eventually(async () => fs.readFileSync(file('passwd'), 'utf8').includes(`${early.code}:$7$`));
  await ingestionRuntime(t.ctx.db)!.subscriber!.ready;
});
after(async () => {
  if (SKIP) return;
  await t?.close();
  broker?.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
});

const connect = (code: string, token: string) => mqtt.connectAsync(url, { username: code, password: token, clientId: `dev-${code}-${randomUUID().slice(0, 4)}`, reconnectPeriod: 0 });
const stored = async (deviceId: string) => (await latestValues(t.ctx.db, [deviceId])).get(deviceId)?.water_level?.value;

test('Mosquitto checks a device token against the hash the bridge wrote, and the reading is stored', { skip: SKIP }, async () => {
  const client = await eventually(() => connect(early.code, early.token).catch(() => null));
  await client.publishAsync(`devices/${early.code}/telemetry`, JSON.stringify({ ts: new Date(Date.now() - 1000).toISOString(), values: { water_level: 88 } }), { qos: 1 });
  await client.endAsync();
  assert.equal(await eventually(() => stored(early.id)), 88);
});

test('Mosquitto refuses a wrong token', { skip: SKIP }, async () => {
  await assert.rejects(connect(early.code, 'wrong-token'), (error: Error & { code?: number }) => error.code === 5 || error.code === 4);
});

test("Mosquitto does not deliver a device's publish to another device's topic", { skip: SKIP }, async () => {
  const victim = await createTestDevice(t.ctx, 'MOS');
  const client = await eventually(() => connect(early.code, early.token).catch(() => null));
  await client.publishAsync(`devices/${victim.code}/telemetry`, JSON.stringify({ ts: new Date().toISOString(), values: { water_level: 666 } }), { qos: 1 });
  // A marker on its own topic, published after: once it is stored, the forged one would have been too.
  await client.publishAsync(`devices/${early.code}/telemetry`, JSON.stringify({ ts: new Date().toISOString(), values: { water_level: 99 } }), { qos: 1 });
  await client.endAsync();
  assert.equal(await eventually(async () => ((await stored(early.id)) === 99 ? 99 : null)), 99);
  assert.equal(await stored(victim.id), undefined);
});

test('a device registered after start can sign in once the bridge has rewritten the files and Mosquitto reloaded', { skip: SKIP }, async () => {
  const late = await createTestDevice(t.ctx, 'MOS');
  const client = await eventually(() => connect(late.code, late.token).catch(() => null), 10_000);
  await client.publishAsync(`devices/${late.code}/telemetry`, JSON.stringify({ ts: new Date(Date.now() - 1000).toISOString(), values: { water_level: 12 } }), { qos: 1 });
  await client.endAsync();
  assert.equal(await eventually(() => stored(late.id)), 12);
  const acl = fs.readFileSync(path.join(dir, 'acl'), 'utf8');
  assert.match(acl, new RegExp(`user ${late.code}\\ntopic write devices/${late.code}/telemetry`));
  assert.match(acl, /user tinhso-platform\ntopic read devices\/\+\/telemetry/);
});
