import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Aedes, type AuthenticateError } from 'aedes';
import { BUILTIN_DEVICE_TYPES } from '../device-registry/builtin-types.js';
import { OptionError, parseOptions } from './cli-options.js';
import { Fleet } from './fleet.js';
import { SeriesGenerator } from './generator.js';
import { SimulatorError, type DriveableDevice } from './platform-client.js';

const metricsOf = (code: string) => BUILTIN_DEVICE_TYPES.find((t) => t.code === code)!.metrics;
const devices: DriveableDevice[] = [
  { code: 'SIM-TV-01', typeCode: 'water_level_station', metrics: metricsOf('water_level_station'), token: 'good-1' },
  { code: 'SIM-KK-01', typeCode: 'air_quality_station', metrics: metricsOf('air_quality_station'), token: 'good-2' },
  { code: 'SIM-BAD', typeCode: 'rain_gauge', metrics: metricsOf('rain_gauge'), token: 'wrong' },
];
const tokens = new Map([
  ['SIM-TV-01', 'good-1'],
  ['SIM-KK-01', 'good-2'],
  ['SIM-BAD', 'right'],
]);

let broker: Aedes;
let server: net.Server;
let url: string;
const received: Array<{ username: string; topic: string; payload: string; qos: number }> = [];

before(async () => {
  const usernames = new WeakMap<object, string>();
  broker = await Aedes.createBroker({
    authenticate(client, username, password, done) {
      const ok = !!username && tokens.get(username) === password?.toString();
      if (ok) usernames.set(client, username);
      done(ok ? null : (Object.assign(new Error('not authorised'), { returnCode: 5 }) as AuthenticateError), ok);
    },
    authorizePublish(client, packet, done) {
      received.push({ username: client ? (usernames.get(client) ?? '') : '', topic: packet.topic, payload: packet.payload.toString(), qos: packet.qos });
      done(null);
    },
  });
  server = net.createServer(broker.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `mqtt://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
after(async () => {
  await new Promise<void>((resolve) => broker.close(() => resolve()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('simulator fleet', () => {
  it('publishes each device on its own topic with its code and token, QoS 1, the payload contract, and counts a refused device', async () => {
    const generator = new SeriesGenerator({ seed: 1 });
    const fleet = new Fleet(url, generator, { simulatedNow: () => Date.UTC(2026, 10, 1, 8), simulatedInterval: 300 });
    await fleet.connect(devices);
    assert.equal(fleet.counters.connected, 2);
    assert.equal(fleet.counters.refused, 1);
    fleet.start(devices, 0.05);
    const deadline = Date.now() + 5000;
    while (fleet.counters.sent < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await fleet.stop();
    assert.ok(fleet.counters.sent >= 6, `sent ${fleet.counters.sent}`);
    assert.equal(fleet.counters.failed, 0);

    const messages = received.filter((m) => m.topic.startsWith('devices/'));
    assert.ok(messages.every((m) => m.topic === `devices/${m.username}/telemetry` && m.qos === 1));
    assert.deepEqual(new Set(messages.map((m) => m.username)), new Set(['SIM-TV-01', 'SIM-KK-01']));
    const air = JSON.parse(messages.find((m) => m.username === 'SIM-KK-01')!.payload) as { ts: string; values: Record<string, number> };
    assert.ok(!Number.isNaN(Date.parse(air.ts)) && air.ts.endsWith('Z'));
    assert.deepEqual(Object.keys(air.values).sort(), ['humidity', 'pm10', 'pm25', 'temperature'], 'the server derives aqi');
    assert.deepEqual(air.values, generator.valuesAt(devices[1]!, Date.UTC(2026, 10, 1, 8), 300));
  });

  it('says in Vietnamese and English when the broker cannot be reached', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const fleet = new Fleet(`mqtt://127.0.0.1:${port}`, new SeriesGenerator({ seed: 1 }), { simulatedNow: () => 0, simulatedInterval: 1 });
    await assert.rejects(fleet.connect(devices.slice(0, 1)), (error: Error) => error instanceof SimulatorError && /Không kết nối được MQTT broker/.test(error.message) && /Cannot reach the MQTT broker/.test(error.message));
  });

  it('reads options from flags, then the environment, then defaults, and refuses unknown ones', () => {
    const defaults = { email: 'quantri@demo.tinhso.vn', password: 'x' };
    const plain = parseOptions([], { PORT: '4000', MQTT_PORT: '1884' }, defaults);
    assert.equal(plain.url, 'http://localhost:4000');
    assert.equal(plain.mqtt, 'mqtt://127.0.0.1:1884');
    assert.equal(plain.intervalSeconds, 5);
    assert.equal(plain.speed, 60);
    assert.equal(plain.devices, undefined);
    assert.equal(plain.flood, 'auto', 'a flood plays unless asked not to');
    assert.equal(parseOptions(['--flood', 'none'], {}, defaults).flood, undefined);
    const flagged = parseOptions(['--url', 'http://h:1/', '--devices=3', '--flood', 'auto', '--speed', '120'], { PUBLIC_URL: 'http://p' }, defaults);
    assert.equal(flagged.url, 'http://h:1');
    assert.equal(flagged.devices, 3);
    assert.equal(flagged.flood, 'auto');
    assert.equal(flagged.speed, 120);
    assert.equal(flagged.email, 'quantri@demo.tinhso.vn');
    assert.throws(() => parseOptions(['--bogus', '1'], {}, defaults), OptionError);
    assert.throws(() => parseOptions(['--interval', '-2'], {}, defaults), OptionError);
  });
});
