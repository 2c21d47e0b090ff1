import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Random } from '../../../platform/seeded-random.js';
import type { MetricDefinition } from '../metrics.js';
import type { Reading } from '../readings.js';
import { Ingestor, Throttled, type IngestDevice, type IngestorOptions } from './ingestor.js';
import { FileJournal, MemoryJournal } from './journal.js';
import { parsePayload, PayloadRejected, roundTo, type RejectReason } from './payload.js';

const level: MetricDefinition = { key: 'water_level', name: { vi: 'Mực nước', en: 'Water level' }, unit: 'cm', min: 0, max: 1000, precision: 1 };
const rain: MetricDefinition = { key: 'rain', name: { vi: 'Lượng mưa', en: 'Rainfall' }, unit: 'mm', min: 0, max: 500, precision: 0 };
const gauge: IngestDevice = { id: 'dev-1', code: 'MN-001', metrics: [level, rain] };
const other: IngestDevice = { id: 'dev-2', code: 'MN-002', metrics: [level, rain] };
const T0 = Date.parse('2026-12-02T08:00:00Z');
const msg = (body: unknown) => Buffer.from(JSON.stringify(body));
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** An in-memory store with the telemetry store's contract: unique by device, metric and ts. */
function fakeStore() {
  const rows = new Map<string, Reading>();
  let calls = 0;
  return {
    rows,
    calls: () => calls,
    async store(readings: Reading[]): Promise<Reading[]> {
      calls += 1;
      const fresh = readings.filter((r) => {
        const key = `${r.deviceId}|${r.metric}|${r.ts.toISOString()}`;
        if (rows.has(key)) return false;
        rows.set(key, r);
        return true;
      });
      return fresh;
    },
  };
}

const silent = { warn() {}, error() {} };

function ingestor(overrides: Partial<IngestorOptions> = {}): { ing: Ingestor; store: ReturnType<typeof fakeStore>; emitted: Reading[][] } {
  const store = fakeStore();
  const emitted: Reading[][] = [];
  const ing = new Ingestor({
    store: (r) => store.store(r),
    emit: (r) => emitted.push(r),
    journal: new MemoryJournal(),
    log: silent,
    throttle: { perMinute: 600, burst: 600 },
    flushMs: 5,
    now: () => T0,
    ...overrides,
  });
  return { ing, store, emitted };
}

function rejection(body: unknown, device: IngestDevice = gauge): RejectReason {
  try {
    parsePayload(device, typeof body === 'string' ? body : msg(body), T0);
  } catch (error) {
    assert.ok(error instanceof PayloadRejected);
    return error.reason;
  }
  assert.fail('accepted');
}

test('a payload is refused as a whole with a clear reason: JSON, shape, limits, future time, unknown metric, infinity', () => {
  assert.equal(rejection('{"ts":'), 'malformed_json');
  assert.equal(rejection({ ts: at(0) }), 'invalid_schema');
  assert.equal(rejection({ ts: 'yesterday', values: { rain: 1 } }), 'invalid_schema');
  assert.equal(rejection({ ts: at(0), values: { rain: '3' } }), 'invalid_schema');
  assert.equal(rejection({ ts: at(0), values: { rain: 1 }, extra: true }), 'invalid_schema');
  assert.equal(rejection({ ts: at(0), values: {} }), 'invalid_schema');
  assert.equal(rejection(Array.from({ length: 1001 }, (_, i) => ({ ts: at(-i), values: { rain: 1 } }))), 'invalid_schema');
  const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`m${i}`, 1]));
  assert.equal(rejection({ ts: at(0), values: many }), 'invalid_schema');
  assert.equal(rejection({ ts: at(6), values: { rain: 1 } }), 'future_timestamp');
  assert.equal(rejection({ ts: at(0), values: { rain: 1, wind: 3 } }), 'unknown_metric');
  assert.equal(rejection('{"ts":"2026-12-02T08:00:00Z","values":{"rain":1e999}}'), 'not_finite');
  assert.equal(rejection(`{"ts":"${at(0)}","values":{"rain":1},"pad":"${'x'.repeat(256 * 1024)}"}`), 'too_large');
  // Four minutes ahead is a clock a little fast, not a refusal.
  assert.equal(parsePayload(gauge, msg({ ts: at(4), values: { rain: 1 } }), T0).length, 1);
});

test('values are rounded to the metric precision and flagged out of range, not dropped; an array is a backlog', () => {
  const readings = parsePayload(gauge, msg([{ ts: at(0), values: { water_level: 123.456, rain: 2.5 } }, { ts: at(1), values: { water_level: 1000.04, rain: -1 } }]), T0);
  assert.deepEqual(
    readings.map((r) => [r.metric, r.ts.toISOString(), r.value, r.outOfRange]),
    [
      ['water_level', at(0), 123.5, false],
      ['rain', at(0), 3, false],
      ['water_level', at(1), 1000, false],
      ['rain', at(1), -1, true],
    ],
  );
  assert.equal(roundTo(1.005, 2), 1.01);
  assert.equal(roundTo(-2.5, 0), -3);
  assert.equal(roundTo(1e-9, 2), 0);
  assert.ok(Object.is(roundTo(-0.001, 2), 0), 'a tiny negative value rounds to 0, not -0');
});

test('property: rounding without text agrees with shifting the decimal point in the text, halves included', () => {
  const viaText = (value: number, p: number) => {
    const text = String(Math.abs(value));
    if (text.includes('e')) return Math.round(value * 10 ** p) / 10 ** p + 0;
    return (value < 0 ? -1 : 1) * Number(`${Math.round(Number(`${text}e${p}`))}e-${p}`) + 0;
  };
  const random = new Random(20261202);
  for (let i = 0; i < 20_000; i++) {
    const p = random.int(0, 6);
    const digits = random.int(0, 9);
    // Decimal texts as a device sends them, many exactly at a half of the last kept decimal.
    const whole = random.int(-100_000, 100_000);
    const fraction = String(random.int(0, 10 ** digits - 1)).padStart(digits, '0') + (random.chance(0.3) ? '5' : '');
    const value = Number(`${whole}.${fraction || '0'}`);
    assert.ok(Object.is(roundTo(value, p), viaText(value, p)), `${value} at ${p} decimals`);
  }
});

test('a duplicate or replayed message is stored once, and only new readings are announced', async () => {
  const { ing, store, emitted } = ingestor();
  const body = msg({ ts: at(0), values: { water_level: 10, rain: 1 } });
  assert.deepEqual(await ing.acceptHttp(gauge, body), { accepted: 2, outOfRange: 0 });
  assert.deepEqual(await ing.acceptHttp(gauge, body), { accepted: 2, outOfRange: 0 });
  // Late and out of order: an older reading still goes in.
  await ing.acceptHttp(gauge, msg([{ ts: at(-30), values: { rain: 4 } }, { ts: at(-30), values: { rain: 4 } }]));
  assert.equal(store.rows.size, 3);
  assert.deepEqual(emitted.map((b) => b.length), [2, 1]);
  const stats = ing.stats();
  assert.equal(stats.readingsAccepted, 6);
  assert.equal(stats.readingsStored, 3);
  assert.equal(stats.duplicates, 3);
  await ing.stop();
});

test('an HTTP caller is answered only after the batch holding its readings is committed', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const store = fakeStore();
  const { ing } = ingestor({ store: async (r) => (await gate, store.store(r)) });
  let answered = false;
  const pending = ing.acceptHttp(gauge, msg({ ts: at(0), values: { rain: 1 } })).then(() => (answered = true));
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(answered, false);
  release();
  await pending;
  assert.equal(store.rows.size, 1);
  await ing.stop();
});

test('a flooding device is throttled and counted while another device keeps flowing', async () => {
  let now = T0;
  const { ing, store } = ingestor({ throttle: { perMinute: 60, burst: 10 }, now: () => now });
  const outcomes: string[] = [];
  for (let i = 0; i < 8; i++) {
    const flood = msg({ ts: at(-i), values: { water_level: i, rain: 0 } });
    outcomes.push(await ing.acceptHttp(gauge, flood).then(() => 'ok', (e: unknown) => (e instanceof Throttled ? `429 after ${e.retryAfterSeconds}s` : 'error')));
    await ing.acceptHttp(other, msg({ ts: at(-i), values: { rain: i } }));
  }
  assert.deepEqual(outcomes, ['ok', 'ok', 'ok', 'ok', 'ok', '429 after 2s', '429 after 2s', '429 after 2s']);
  assert.equal([...store.rows.values()].filter((r) => r.deviceId === 'dev-1').length, 10);
  assert.equal([...store.rows.values()].filter((r) => r.deviceId === 'dev-2').length, 8);
  // The bucket refills at one reading a second.
  now += 2000;
  assert.equal((await ing.acceptHttp(gauge, msg({ ts: at(-20), values: { water_level: 1, rain: 0 } }))).accepted, 2);
  assert.equal(ing.stats().throttled, 3);
  assert.equal(ing.stats().rejected.throttled, 3);
  await ing.stop();
});

test('a backlog larger than the burst gets through once when the bucket is full, then the device waits', async () => {
  const { ing } = ingestor({ throttle: { perMinute: 60, burst: 10 } });
  const backlog = Array.from({ length: 20 }, (_, i) => ({ ts: at(-i), values: { rain: i } }));
  assert.equal((await ing.acceptHttp(gauge, msg(backlog))).accepted, 20);
  await assert.rejects(ing.acceptHttp(gauge, msg({ ts: at(0), values: { rain: 1 } })), Throttled);
  await ing.stop();
});

test('bad messages are logged at most once per device per minute, never with a token, and counted every time', async () => {
  const lines: object[] = [];
  let now = T0;
  const { ing } = ingestor({ log: { warn: (o) => lines.push(o), error() {} }, now: () => now });
  for (let i = 0; i < 5; i++) await assert.rejects(ing.acceptMqtt(gauge, Buffer.from('garbage')));
  await assert.rejects(ing.acceptMqtt(other, Buffer.from('garbage')));
  now += 61_000;
  await assert.rejects(ing.acceptMqtt(gauge, Buffer.from('garbage')));
  assert.equal(lines.length, 3);
  assert.deepEqual(lines[2], { device: 'MN-001', reason: 'malformed_json', detail: 'not JSON', suppressedSinceLast: 4 });
  assert.equal(ing.stats().rejected.malformed_json, 7);
  await ing.stop();
});

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

test('journaled MQTT messages survive a crash before their batch was written, and are stored exactly once on restart', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iot-journal-'));
  dirs.push(dir);
  const store = fakeStore();
  const hang = new Promise<Reading[]>(() => {});
  // First run: the database never answers (a crash while the batch is in flight).
  const first = ingestor({ journal: new FileJournal(dir), store: () => hang, flushMs: 1 });
  for (let i = 0; i < 3; i++) await first.ing.acceptMqtt(gauge, msg({ ts: at(-i), values: { water_level: 100 + i } }));
  // One message was also stored before the crash (committed but the journal not yet told).
  await store.store([{ deviceId: 'dev-1', metric: 'water_level', ts: new Date(at(0)), value: 100, outOfRange: false }]);
  await new Promise((r) => setTimeout(r, 10));
  first.ing.crash();

  const second = ingestor({ journal: new FileJournal(dir), store: (r) => store.store(r) });
  await second.ing.start();
  assert.deepEqual([...store.rows.values()].map((r) => r.value).sort(), [100, 101, 102]);
  assert.equal(second.ing.stats().replayedReadings, 3);
  assert.deepEqual(second.emitted.flat().map((r) => r.value).sort(), [101, 102]);
  // New messages are journaled, committed, and then forgotten: nothing is left to replay.
  await second.ing.acceptMqtt(gauge, msg({ ts: at(-5), values: { rain: 7 } }));
  await second.ing.stop();
  assert.equal(second.ing.stats().journalPendingReadings, 0);
  const third = new FileJournal(dir);
  assert.deepEqual(third.leftover(), []);
  third.close();
  assert.equal(store.rows.size, 4);
});

test('a failed batch of journaled readings is retried, and stop() writes what is queued', async () => {
  const store = fakeStore();
  let failures = 1;
  const { ing } = ingestor({
    store: async (r) => {
      if (failures-- > 0) throw new Error('database restarting');
      return store.store(r);
    },
  });
  await ing.acceptMqtt(gauge, msg({ ts: at(0), values: { rain: 3 } }));
  const deadline = Date.now() + 5000;
  while (store.rows.size === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal(store.rows.size, 1);
  assert.equal(ing.stats().batchFailures, 1);
  await ing.acceptMqtt(gauge, msg({ ts: at(-1), values: { rain: 4 } }));
  await ing.stop();
  assert.equal(store.rows.size, 2);
});
