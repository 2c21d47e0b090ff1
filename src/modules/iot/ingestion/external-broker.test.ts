import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import mqtt from 'mqtt';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { latestValues } from '../telemetry/queries.js';
import { DeviceDirectory } from './device-directory.js';
import { ingestionRuntime } from './index.js';
import { startSubscriber } from './subscriber.js';
import { createTestDevice, eventually } from './testing.js';

// The machine's Mosquitto (anonymous allowed), as CI has it; skipped with a message elsewhere.
const BROKER = 'mqtt://127.0.0.1:1883';
const clientId = `tinhso-test-${randomUUID().slice(0, 8)}`;
let t: TestPlatform;
let available = false;

async function reachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(1883, '127.0.0.1', () => (socket.end(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}

const SKIP = (await reachable()) ? false : 'no MQTT broker at 127.0.0.1:1883';

before(async () => {
  available = !SKIP;
  if (!available) return;
  t = await createTestPlatform({ seedDemo: false, env: { MQTT_URL: BROKER, MQTT_CLIENT_ID: clientId } });
  await ingestionRuntime(t.ctx.db)!.subscriber!.ready;
});
after(async () => {
  if (!available) return;
  await t.close();
  // Forget the persistent session, so the broker stops keeping messages for this test's client id.
  const cleanup = await mqtt.connectAsync(BROKER, { clientId, clean: true, reconnectPeriod: 0 });
  await cleanup.endAsync();
});

async function publish(code: string, values: Record<string, number>, ts: string): Promise<void> {
  const device = await mqtt.connectAsync(BROKER, { clientId: `dev-${code}`, reconnectPeriod: 0 });
  await device.publishAsync(`devices/${code}/telemetry`, JSON.stringify({ ts, values }), { qos: 1 });
  await device.endAsync();
}

const stored = async (deviceId: string) => (await latestValues(t.ctx.db, [deviceId])).get(deviceId);

test('with MQTT_URL the platform subscribes at the external broker and stores what a device publishes there', { skip: SKIP }, async () => {
  const device = await createTestDevice(t.ctx, 'EXT');
  await publish(device.code, { water_level: 140 }, new Date(Date.now() - 2000).toISOString());
  const latest = await eventually(() => stored(device.id));
  assert.equal(latest.water_level?.value, 140);
});

test('readings published while the platform is disconnected are delivered when it reconnects (persistent session)', { skip: SKIP }, async () => {
  const runtime = ingestionRuntime(t.ctx.db)!;
  const device = await createTestDevice(t.ctx, 'EXT');
  await runtime.subscriber!.close();
  await publish(device.code, { water_level: 55 }, new Date(Date.now() - 1000).toISOString());
  runtime.subscriber = startSubscriber({ url: BROKER, clientId, username: undefined, password: undefined, directory: new DeviceDirectory(t.ctx.db), ingestor: runtime.ingestor, log: t.ctx.log });
  await runtime.subscriber.ready;
  const latest = await eventually(() => stored(device.id));
  assert.equal(latest.water_level?.value, 55);
});
