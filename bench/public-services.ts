/**
 * Public-services benchmarks (dịch vụ công) on a database holding BENCH_SERVICES_DOSSIERS dossiers
 * (default 1,000,000 on PostgreSQL), each figure beside a bare baseline from the same run on the same
 * database handle:
 *   counter receipt POST /api/v1/dossiers/counter (officer session: code, due date, Mẫu 01 PDF,
 *   trail, audit, statistics, in one transaction)                          ÷ bare POST inserting one row
 *   officer queue, queue counts, public statistics, 766 indicators, monthly report ÷ bare GET `select 1`
 * Without BENCH_DATABASE_URL or DATABASE_URL the embedded engine runs a smaller volume and says so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { prepareServicesBenchData, servicesBenchEnv, type ServicesBenchData, type ServicesBenchTarget } from './public-services-data.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = 3920;
const SERVER_VOLUME = 1_000_000;
const EMBEDDED_VOLUME = 20_000;

interface Measured {
  rps: number;
  p99: number;
  failed: number;
}

export function servicesBenchTarget(env: NodeJS.ProcessEnv = process.env): ServicesBenchTarget {
  const databaseUrl = env.BENCH_DATABASE_URL || env.DATABASE_URL || undefined;
  const dossiers = Number(env.BENCH_SERVICES_DOSSIERS ?? (databaseUrl ? SERVER_VOLUME : EMBEDDED_VOLUME));
  if (!Number.isInteger(dossiers) || dossiers < 0) throw new Error(`BENCH_SERVICES_DOSSIERS must be a whole number, got "${env.BENCH_SERVICES_DOSSIERS}"`);
  const dataDir = env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'tinhso-bench-services');
  return { databaseUrl, dataDir, dossiers };
}

export async function benchPublicServices(target: ServicesBenchTarget = servicesBenchTarget()): Promise<void> {
  console.log(`\n## Public-services benchmarks — ${target.databaseUrl ? 'PostgreSQL' : 'embedded PGlite'}, at least ${target.dossiers.toLocaleString('en')} dossiers`);
  if (!target.databaseUrl) console.log('NOTE: no BENCH_DATABASE_URL or DATABASE_URL: running on the EMBEDDED engine with a smaller volume; the 1,000,000-dossier figures need PostgreSQL.');
  const data = await prepareServicesBenchData(target, (line) => console.log(line));
  if (data.generated) console.log(`generated ${data.generated} dossiers in ${data.generateSeconds.toFixed(0)} s`);
  console.log(`${data.dossiers.toLocaleString('en')} dossiers in the database; ${CONNECTIONS} connections, ${DURATION} s per figure`);
  const server = await startServer(servicesBenchEnv(target));
  const rows: Array<{ figure: string; value: Measured; baseline: Measured; baselineName: string }> = [];
  try {
    const app = `http://127.0.0.1:${PORT}`;
    const bare = `http://127.0.0.1:${PORT + 1}`;
    const officer = await signIn(app, 'canbo.xa@demo.tinhso.vn');
    const body = await counterBody(app, data);
    const insert = await measure(jsonPost(`${bare}/insert`, body, {}));
    const receipt = await measure(jsonPost(`${app}/api/v1/dossiers/counter`, body, officer));
    rows.push({ figure: 'counter receipt POST /api/v1/dossiers/counter (one transaction, with the Mẫu 01 PDF)', value: receipt, baseline: insert, baselineName: 'bare insert of one row' });
    const select1 = await measure({ url: `${bare}/select1` });
    const year = `from=${data.from}&to=${data.to}`;
    const reads: Array<[string, string, Record<string, string>]> = [
      ['officer queue GET /api/v1/dossiers/queue (agency, first page)', '/api/v1/dossiers/queue?scope=agency', officer],
      ['officer queue, overdue only', '/api/v1/dossiers/queue?scope=agency&due=overdue', officer],
      ['queue counts GET /api/v1/dossiers/queue/counts', '/api/v1/dossiers/queue/counts', officer],
      ['public statistics GET /api/v1/public-services/stats (province, a year)', `/api/v1/public-services/stats?${year}`, {}],
      ['Decision 766 indicators (province, a year)', `/api/v1/public-services/indicators?${year}&scope=province`, {}],
      ['monthly report (JSON, this month)', `/api/v1/public-services/reports/monthly?month=${data.to.slice(0, 7)}`, officer],
    ];
    for (const [figure, url, headers] of reads) rows.push({ figure, value: await measure({ url: `${app}${url}`, headers }), baseline: select1, baselineName: 'bare SELECT 1' });
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  const fmt = (n: number) => n.toFixed(0);
  console.log('\n| figure | requests/s | baseline (same run) | baseline requests/s | ratio | p99 latency (ms) | baseline p99 (ms) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const failed = r.value.failed ? ` (${r.value.failed} failed)` : '';
    console.log(`| ${r.figure}${failed} | ${fmt(r.value.rps)} | ${r.baselineName} | ${fmt(r.baseline.rps)} | ${(r.value.rps / r.baseline.rps).toFixed(3)} | ${r.value.p99} | ${r.baseline.p99} |`);
  }
}

async function signIn(app: string, email: string): Promise<Record<string, string>> {
  const res = await fetch(`${app}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'TinhSo@2025' }) });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie()[0]!.split(';')[0]!, 'x-csrf-token': csrfToken };
}

/** A counter intake that passes the procedure's own form schema: a sample value for every required field. */
async function counterBody(app: string, data: ServicesBenchData): Promise<Record<string, unknown>> {
  const res = await fetch(`${app}/api/v1/procedures/${encodeURIComponent(data.procedureCode)}`);
  const procedure = (await res.json()) as { formSchema: Schema; components: Array<{ code: string; kind: string; required: boolean }> };
  return {
    procedureCode: data.procedureCode,
    channel: 'counter',
    communeCode: data.communeCode,
    applicantKind: 'citizen',
    applicant: { name: 'Nguyễn Văn Thử (benchmark)', idNumber: '044000000001', phone: '0912345678', address: 'Phường Đồng Hới, tỉnh Quảng Trị' },
    formData: sampleOf(procedure.formSchema),
    components: procedure.components.filter((c) => c.required).map((c) => ({ componentCode: c.code, kind: c.kind, digitised: true })),
  };
}

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  items?: Schema;
}

function sampleOf(schema: Schema): unknown {
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((k) => [k, sampleOf(schema.properties?.[k] ?? {})]));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    default:
      return schema.format === 'date' ? '2026-01-15' : schema.format === 'email' ? 'thu@example.vn' : 'Giá trị thử';
  }
}

function jsonPost(url: string, body: unknown, headers: Record<string, string>): autocannon.Options {
  return { url, method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

async function measure(options: autocannon.Options): Promise<Measured> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  return { rps: result.requests.average, p99: result.latency.p99, failed: result.errors + result.timeouts + result.non2xx };
}

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/servers.ts', 'prepared', String(PORT)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`public-services server exited with ${code}`)));
  });
  return child;
}
