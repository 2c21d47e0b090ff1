/**
 * `npm run bench`: every figure is printed beside a baseline measured in the same run, as a ratio,
 * because shared machines are noisy. Load runs from this process; servers run in child processes.
 *   requests/s of an authenticated API read (GET /api/v1/me with a session) ÷ a bare Fastify
 *   hello-world, on the embedded engine and on PostgreSQL; server memory idle and under load.
 *   the feedback module on a database of a million reports (bench/feedback.ts).
 *   the public-services module on a database of a million dossiers (bench/public-services.ts).
 *   the IoT module: MQTT ingest, history of a device-year, latest of 1,000 devices (bench/iot.ts).
 * BENCH_ONLY=me, BENCH_ONLY=feedback, BENCH_ONLY=services or BENCH_ONLY=iot runs one part.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchFeedback } from './feedback.js';
import { benchIot } from './iot.js';
import { benchPublicServices } from './public-services.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Server {
  child: ChildProcess;
  port: number;
}

async function startServer(kind: 'hello' | 'platform', port: number, env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/servers.ts', kind, String(port)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { child, port };
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function load(url: string, headers: Record<string, string> = {}, pid?: number): Promise<{ rps: number; peakRss: number; errors: number }> {
  let peakRss = 0;
  const sampler = pid ? setInterval(() => (peakRss = Math.max(peakRss, rssMiB(pid))), 200) : undefined;
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (sampler) clearInterval(sampler);
  return { rps: result.requests.average, peakRss, errors: result.errors + result.non2xx };
}

async function signInCookie(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'nguoidan@demo.tinhso.vn', password: 'TinhSo@2025' }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

const RUN_DATABASE = `tinhso_bench_${process.pid}`;

/** This run's own database is dropped afterwards, so runs do not pile databases up on the server. */
async function dropServerDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  // The platform child may still be closing its pool; WITH (FORCE) ends those sessions (PostgreSQL 13+).
  await admin.query(`drop database if exists ${RUN_DATABASE} with (force)`);
  await admin.end();
}

async function freshServerDatabase(): Promise<string | undefined> {
  const name = RUN_DATABASE;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

const rows: Array<[string, string, string, string]> = [];
const fmt = (n: number) => n.toFixed(0);

async function benchEngine(label: string, env: Record<string, string>, helloRps: number): Promise<void> {
  const server = await startServer('platform', 3901, env);
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssMiB(server.child.pid!);
    const cookie = await signInCookie(server.port);
    const read = await load(`http://127.0.0.1:${server.port}/api/v1/me`, { cookie }, server.child.pid);
    if (read.errors > 0) throw new Error(`${read.errors} failed requests on ${label}`);
    rows.push([`authenticated read GET /api/v1/me, ${label} (req/s)`, fmt(read.rps), `hello-world ${fmt(helloRps)}`, (read.rps / helloRps).toFixed(3)]);
    rows.push([`server memory idle, ${label} (MiB RSS)`, fmt(idle), `hello-world idle ${fmt(helloIdle)}`, (idle / helloIdle).toFixed(2)]);
    rows.push([`server memory under load, ${label} (MiB RSS, peak)`, fmt(read.peakRss), `idle ${fmt(idle)}`, (read.peakRss / idle).toFixed(2)]);
  } finally {
    server.child.kill('SIGTERM');
  }
}

let helloIdle = 0;
const only = process.env.BENCH_ONLY;
if (!only || only === 'me') {
  const hello = await startServer('hello', 3900);
  helloIdle = rssMiB(hello.child.pid!);
  const helloRun = await load('http://127.0.0.1:3900/hello');
  hello.child.kill('SIGTERM');
  console.log(`baseline: bare Fastify hello-world ${fmt(helloRun.rps)} req/s (${CONNECTIONS} connections, ${DURATION}s each)`);

  await benchEngine('embedded PGlite', {}, helloRun.rps);
  const serverUrl = await freshServerDatabase();
  if (serverUrl) {
    try {
      await benchEngine('PostgreSQL', { DATABASE_URL: serverUrl }, helloRun.rps);
    } finally {
      await dropServerDatabase();
    }
  } else console.log(`PostgreSQL not reachable at ${PG_ADMIN_URL}: skipped`);

  console.log('\n| figure | value | baseline (same run) | ratio |\n| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}
if (!only || only === 'feedback') await benchFeedback();
if (!only || only === 'services') await benchPublicServices();
if (!only || only === 'iot') await benchIot();
process.exit(0);
