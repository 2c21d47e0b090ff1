/**
 * IoT benchmarks, each figure beside a baseline measured in the same run (BENCH_ONLY=iot):
 *   readings/s stored end to end through MQTT: BENCH_IOT_DEVICES devices publish JSON arrays to the
 *   embedded broker (QoS 1) for BENCH_SECONDS; the clock stops when the last row is committed
 *                                                   ÷ raw COPY … FROM STDIN of as many rows into iot_readings
 *   server memory (RSS, peak) under that load       ÷ the same server idle
 *   history of one device-year of minute data (point budget 1,000), latest values of 1,000 devices
 *                                                   ÷ bare GET running `SELECT 1` on the same database handle
 * On the embedded engine there is no COPY over the wire: the baseline is then one multi-row
 * `INSERT … SELECT FROM unnest(…)` per 10,000 rows, and the output says so.
 * This file is also the server child: `node --import tsx bench/iot.ts iot-server PORT`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql, type Kysely } from 'kysely';
import mqtt from 'mqtt';
import pg from 'pg';
import { loadConfig } from '../src/platform/config/config.js';
import { startPlatform } from '../src/platform/runtime.js';
import { hashDeviceToken } from '../src/modules/iot/device-registry/tokens.js';
import { BUCKET_ORIGIN, storeReadings } from '../src/modules/iot/telemetry/store.js';
import { baseBenchEnv, withBenchPlatform, type BenchDatabase } from './demo-data.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PUBLISHERS = Number(process.env.BENCH_IOT_DEVICES ?? 50);
/** Objects per MQTT message (each with every metric of the bench type). */
const OBJECTS_PER_MESSAGE = Number(process.env.BENCH_IOT_BATCH ?? 50);
const IN_FLIGHT = 4;
const PORT = 3930;
const MQTT_PORT = 3932;
const FLEET = 1000;
const TOKEN = 'bench-device-token';
const TYPE = 'bench_sensor';
const METRICS = ['m1', 'm2', 'm3', 'm4'];
const code = (i: number) => `BENCH-${String(i + 1).padStart(4, '0')}`;

function target(): BenchDatabase {
  return { databaseUrl: process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined, dataDir: process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'tinhso-bench-iot') };
}

function serverEnv(t: BenchDatabase): Record<string, string> {
  return baseBenchEnv(t, {
    SERVICES_DEMO_DOSSIERS: '0',
    FEEDBACK_DEMO_REPORTS: '0',
    MQTT_PORT: String(MQTT_PORT),
    // One device publishes far above a real sensor's rate here: the per-device throttle is lifted.
    IOT_DEVICE_MAX_READINGS_PER_MINUTE: '1000000000',
    IOT_DEVICE_BURST_READINGS: '1000000000',
  });
}

// ---------------------------------------------------------------- data (kept between runs)

/** A bench device type, 1,000 devices sharing one token, their latest values, and a year of minute data for the first. */
async function prepare(db: Kysely<any>, log: (line: string) => void): Promise<void> {
  const metrics = METRICS.map((key) => ({ key, name: { vi: key, en: key }, unit: '', min: 0, max: 1000, precision: 2 }));
  await sql`insert into iot_device_types (code, name, name_en, sector, metrics, report_interval_seconds)
    values (${TYPE}, 'Cảm biến đo hiệu năng', 'Benchmark sensor', 'environment', ${JSON.stringify(metrics)}::jsonb, 60)
    on conflict (code) do nothing`.execute(db);
  const { rows: have } = await sql<{ n: string }>`select count(*) as n from iot_devices where code like 'BENCH-%'`.execute(db);
  if (Number(have[0]!.n) < FLEET) {
    const hash = hashDeviceToken(TOKEN);
    const codes = Array.from({ length: FLEET }, (_, i) => code(i));
    await sql`insert into iot_devices (code, name, type_id, sector, lat, lng, token_hash, search_text)
      select c, c, t.id, 'environment', 16.75 + random() / 10, 107.1 + random() / 10, ${hash}, lower(c)
      from unnest(${codes}::text[]) c, iot_device_types t where t.code = ${TYPE}
      on conflict (code) do nothing`.execute(db);
    log(`created ${FLEET} bench devices`);
  }
  const ids = await deviceIds(db, FLEET);
  const { rows: latest } = await sql<{ n: string }>`select count(*) as n from iot_latest where device_id = any(${ids}::uuid[])`.execute(db);
  if (Number(latest[0]!.n) < FLEET * METRICS.length) {
    const at = new Date();
    await storeReadings(db, ids.flatMap((deviceId) => METRICS.map((metric) => ({ deviceId, metric, ts: at, value: 500, outOfRange: false }))));
  }
  await prepareYear(db, ids[0]!, log);
}

async function prepareYear(db: Kysely<any>, deviceId: string, log: (line: string) => void): Promise<void> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from iot_rollup_day where device_id = ${deviceId} and metric = 'm1'`.execute(db);
  if (Number(rows[0]!.n) >= 365) return;
  const started = Date.now();
  log('writing a year of minute readings for BENCH-0001 (525,600 rows and their rollups; kept for later runs)…');
  await db.transaction().execute(async (trx) => {
    await sql`insert into iot_readings (device_id, metric, ts, value)
      select ${deviceId}::uuid, 'm1', ts, round((500 + 300 * sin(extract(epoch from ts) / 86400 * 2 * pi()) + 50 * random())::numeric, 2)
      from generate_series(date_trunc('minute', now()) - interval '365 days', date_trunc('minute', now()) - interval '1 minute', interval '1 minute') ts
      on conflict do nothing`.execute(trx);
    for (const size of ['minute', 'hour', 'day']) {
      await sql`insert into ${sql.table(`iot_rollup_${size}`)} (device_id, metric, bucket, min, max, sum, count)
        select device_id, metric, date_bin(${sql.lit(`1 ${size}`)}::interval, ts, ${sql.lit(BUCKET_ORIGIN)}::timestamptz), min(value), max(value), sum(value), count(*)
        from iot_readings where device_id = ${deviceId}::uuid and metric = 'm1' and not out_of_range group by 1, 2, 3
        on conflict (device_id, metric, bucket) do update set min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count`.execute(trx);
    }
  });
  log(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function deviceIds(db: Kysely<any>, n: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from iot_devices where code like 'BENCH-%' order by code limit ${n}`.execute(db);
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- the server child

async function serve(port: number): Promise<void> {
  const config = loadConfig({ ...process.env, PORT: String(port) });
  const platform = await startPlatform({ config, workers: false, seedDemo: false });
  await platform.app.listen({ port, host: '127.0.0.1' });
  const db = platform.ctx.db;
  const bare = Fastify();
  bare.get('/select1', async () => (await sql<{ one: number }>`select 1 as one`.execute(db)).rows[0]);
  bare.get('/count', async (request) => {
    const { since, devices } = request.query as { since: string; devices: string };
    const ids = await deviceIds(db, Number(devices));
    const { rows } = await sql<{ n: string }>`select count(*) as n from iot_readings where device_id = any(${ids}::uuid[]) and ts >= ${since}::timestamptz`.execute(db);
    return { count: Number(rows[0]!.n) };
  });
  bare.post('/copy', async (request) => {
    const { rows, devices, since } = request.body as { rows: number; devices: number; since: string };
    return copyBaseline(db, await deviceIds(db, devices), rows, new Date(since));
  });
  await bare.listen({ port: port + 1, host: '127.0.0.1' });
  process.on('SIGTERM', () => void platform.close().then(() => process.exit(0)));
  process.stdout.write('ready\n');
}

/**
 * The baseline: `rows` rows of the same shape (device, metric, ts, value) written straight into
 * iot_readings, then removed again so the rollups stay equal to the raw rows.
 */
async function copyBaseline(db: Kysely<any>, ids: string[], rows: number, since: Date): Promise<{ rows: number; ms: number; method: string }> {
  const start = since.getTime() - 86_400_000;
  const row = (i: number) => ({ device: ids[i % ids.length]!, metric: METRICS[Math.floor(i / ids.length) % METRICS.length]!, ts: new Date(start + Math.floor(i / (ids.length * METRICS.length))).toISOString(), value: (i % 1000) / 2 });
  let ms: number;
  let method: string;
  const url = process.env.DATABASE_URL;
  if (url) {
    const lines: string[] = [];
    for (let i = 0; i < rows; i++) {
      const r = row(i);
      lines.push(`${r.device}\t${r.metric}\t${r.ts}\t${r.value}\tf\n`);
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const t0 = performance.now();
    await client.query(new CopyIn('copy iot_readings (device_id, metric, ts, value, out_of_range) from stdin', Buffer.from(lines.join(''))) as never);
    ms = performance.now() - t0;
    await client.end();
    method = 'COPY … FROM STDIN';
  } else {
    const t0 = performance.now();
    for (let i = 0; i < rows; i += 10_000) {
      const chunk = Array.from({ length: Math.min(10_000, rows - i) }, (_, k) => row(i + k));
      await sql`insert into iot_readings (device_id, metric, ts, value) select * from unnest(${chunk.map((r) => r.device)}::uuid[], ${chunk.map((r) => r.metric)}::text[], ${chunk.map((r) => r.ts)}::timestamptz[], ${chunk.map((r) => r.value)}::float8[])`.execute(db);
    }
    ms = performance.now() - t0;
    method = 'INSERT … SELECT FROM unnest, 10,000 rows a statement (the embedded engine has no COPY over the wire)';
  }
  await sql`delete from iot_readings where device_id = any(${ids}::uuid[]) and ts >= ${new Date(start).toISOString()}::timestamptz and ts < ${since.toISOString()}::timestamptz`.execute(db);
  return { rows, ms, method };
}

/** COPY FROM STDIN on node-postgres without pg-copy-streams: a submittable that sends the data when the server asks for it. */
class CopyIn {
  private resolve!: () => void;
  private reject!: (e: Error) => void;
  readonly done = new Promise<void>((res, rej) => ((this.resolve = res), (this.reject = rej)));
  private error: Error | undefined;
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {}
  submit(connection: { query(text: string): void }) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) {
    const step = 1 << 20;
    for (let i = 0; i < this.data.length; i += step) connection.sendCopyFromChunk(this.data.subarray(i, i + step));
    connection.endCopyFrom();
  }
  handleCommandComplete() {}
  handleReadyForQuery() {
    if (this.error) this.reject(this.error);
    else this.resolve();
  }
  handleError(error: Error) {
    this.error = error;
  }
  then(onFulfilled: () => void, onRejected: (e: Error) => void) {
    return this.done.then(onFulfilled, onRejected);
  }
}

// ---------------------------------------------------------------- the load

function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  // BENCH_IOT_CPU_PROF=<dir>: the server child writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_IOT_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_IOT_CPU_PROF] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'bench/iot.ts', 'iot-server', String(PORT)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', (c) => reject(new Error(`IoT bench server exited with ${c}`)));
  });
  return child;
}

/** Every publisher sends arrays of objects with strictly increasing ts (a millisecond apart) for DURATION seconds. */
async function publishLoad(since: number): Promise<{ readings: number; seconds: number }> {
  const clients = await Promise.all(Array.from({ length: PUBLISHERS }, (_, i) => mqtt.connectAsync(`mqtt://127.0.0.1:${MQTT_PORT}`, { username: code(i), password: TOKEN, clientId: `bench-${i}`, reconnectPeriod: 0 }, false)));
  let published = 0;
  const started = performance.now();
  const stopAt = started + DURATION * 1000;
  await Promise.all(
    clients.map(async (client, i) => {
      let seq = 0;
      const one = async () => {
        while (performance.now() < stopAt) {
          const objects = Array.from({ length: OBJECTS_PER_MESSAGE }, () => ({ ts: new Date(since + seq++).toISOString(), values: Object.fromEntries(METRICS.map((m, k) => [m, (seq * (k + 1)) % 1000])) }));
          await client.publishAsync(`devices/${code(i)}/telemetry`, JSON.stringify(objects), { qos: 1 });
          published += OBJECTS_PER_MESSAGE * METRICS.length;
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, one));
    }),
  );
  await Promise.all(clients.map((c) => c.endAsync()));
  return { readings: published, seconds: (performance.now() - started) / 1000 };
}

async function waitCommitted(bare: string, since: number, expected: number): Promise<number> {
  const deadline = Date.now() + 120_000;
  let count = 0;
  while (Date.now() < deadline) {
    const res = await fetch(`${bare}/count?since=${new Date(since).toISOString()}&devices=${PUBLISHERS}`);
    count = ((await res.json()) as { count: number }).count;
    if (count >= expected) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return count;
}

async function measure(options: autocannon.Options): Promise<{ rps: number; p99: number; failed: number }> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  return { rps: result.requests.average, p99: result.latency.p99, failed: result.errors + result.timeouts + result.non2xx };
}

export async function benchIot(): Promise<void> {
  const t = target();
  console.log(`\n## IoT benchmarks — ${t.databaseUrl ? 'PostgreSQL' : 'embedded PGlite'}; ${PUBLISHERS} MQTT devices, ${OBJECTS_PER_MESSAGE} objects × ${METRICS.length} metrics a message, ${IN_FLIGHT} in flight each; ${DURATION} s a figure`);
  console.log('The per-device throttle is lifted for the run (IOT_DEVICE_MAX_READINGS_PER_MINUTE=1000000000).');
  await withBenchPlatform({ ...serverEnv(t), MQTT_PORT: '0' }, (platform) => prepare(platform.ctx.db, (line) => console.log(line)));
  const server = await startServer(serverEnv(t));
  const pid = server.pid!;
  const app = `http://127.0.0.1:${PORT}`;
  const bare = `http://127.0.0.1:${PORT + 1}`;
  const rows: string[][] = [];
  const fmt = (n: number) => n.toFixed(0);
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssMiB(pid);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 200);
    const since = Date.now() + 1000;
    const started = performance.now();
    const load = await publishLoad(since);
    const committed = await waitCommitted(bare, since, load.readings);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const stored = committed / seconds;
    const copy = (await (await fetch(`${bare}/copy`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows: committed, devices: PUBLISHERS, since: new Date(since).toISOString() }) })).json()) as { rows: number; ms: number; method: string };
    const copyRate = copy.rows / (copy.ms / 1000);
    const lost = load.readings - committed;
    rows.push([`readings stored end to end through MQTT (readings/s; ${committed} of ${load.readings} acknowledged${lost > 0 ? `, ${lost} NOT STORED` : ''})`, fmt(stored), copy.method, fmt(copyRate), (stored / copyRate).toFixed(3)]);
    rows.push(['server memory under the ingest load (MiB RSS, peak)', fmt(peak), 'the same server idle', fmt(idle), (peak / idle).toFixed(2)]);

    const login = await fetch(`${app}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'quantri@demo.tinhso.vn', password: 'TinhSo@2025' }) });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
    const headers = { cookie: login.headers.getSetCookie()[0]!.split(';')[0]! };
    const select1 = await measure({ url: `${bare}/select1` });
    const to = new Date().toISOString();
    const from = new Date(Date.now() - 365 * 86_400_000).toISOString();
    const reads: Array<[string, string]> = [
      ['history of one device-year, minute data, 1,000 points (GET …/history)', `/api/v1/iot/devices/${code(0)}/history?metric=m1&from=${from}&to=${to}&points=1000`],
      ['latest values of 1,000 devices (GET /api/v1/iot/latest?type=…)', `/api/v1/iot/latest?type=${TYPE}`],
    ];
    for (const [figure, url] of reads) {
      const r = await measure({ url: `${app}${url}`, headers });
      rows.push([`${figure}${r.failed ? ` (${r.failed} failed)` : ''} (requests/s; p99 ${r.p99} ms)`, fmt(r.rps), `bare SELECT 1 (p99 ${select1.p99} ms)`, fmt(select1.rps), (r.rps / select1.rps).toFixed(3)]);
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  console.log('\n| figure | value | baseline (same run) | baseline value | ratio |\n| --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('Target (issue 5): ≥ 20,000 readings/s on 2 cores.');
}

if (process.argv[2] === 'iot-server' && process.argv[1]?.endsWith(path.join('bench', 'iot.ts'))) await serve(Number(process.argv[3]));
else if (process.argv[1]?.endsWith(path.join('bench', 'iot.ts'))) {
  await benchIot();
  process.exit(0);
}
