/**
 * Feedback benchmarks (phản ánh hiện trường) on a database holding BENCH_FEEDBACK_REPORTS reports
 * (default 1,000,000 on PostgreSQL), each figure beside a bare baseline measured in the same run on
 * the same database handle:
 *   Open311 POST /open311/v2/requests.json (API key, form bodies)  ÷ bare POST inserting one row
 *   public list, Open311 GET requests and public statistics         ÷ bare GET running `select 1`
 * PostgreSQL comes from BENCH_DATABASE_URL (or DATABASE_URL); without one the embedded engine runs a
 * smaller volume (BENCH_FEEDBACK_REPORTS, default 20,000) and the output says so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchEnv, prepareBenchData, type BenchData, type BenchTarget } from './feedback-data.js';
import { explainStatsQuery } from './feedback-explain.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = 3910;
const SERVER_VOLUME = 1_000_000;
const EMBEDDED_VOLUME = 20_000;

interface Measured {
  rps: number;
  p99: number;
  failed: number;
}

interface Row {
  figure: string;
  value: Measured;
  baseline: Measured;
  baselineName: string;
}

export function benchTarget(env: NodeJS.ProcessEnv = process.env): BenchTarget {
  const databaseUrl = env.BENCH_DATABASE_URL || env.DATABASE_URL || undefined;
  const reports = Number(env.BENCH_FEEDBACK_REPORTS ?? (databaseUrl ? SERVER_VOLUME : EMBEDDED_VOLUME));
  if (!Number.isInteger(reports) || reports < 0) throw new Error(`BENCH_FEEDBACK_REPORTS must be a whole number, got "${env.BENCH_FEEDBACK_REPORTS}"`);
  // Embedded: a data directory kept between runs, so the reports are generated once.
  const dataDir = env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'tinhso-bench-feedback');
  return { databaseUrl, dataDir, reports };
}

export async function benchFeedback(target: BenchTarget = benchTarget()): Promise<void> {
  const engine = target.databaseUrl ? `PostgreSQL (${redact(target.databaseUrl)})` : 'embedded PGlite';
  console.log(`\n## Feedback benchmarks — ${engine}, at least ${target.reports.toLocaleString('en')} reports`);
  if (!target.databaseUrl) {
    console.log('NOTE: no BENCH_DATABASE_URL or DATABASE_URL: running on the EMBEDDED engine with a smaller volume; the 1,000,000-report figures need PostgreSQL.');
  }
  const data = await prepareBenchData(target, (line) => console.log(line));
  if (data.generated) console.log(`generated ${data.generated} reports in ${data.generateSeconds.toFixed(0)} s`);
  console.log(`${data.reports.toLocaleString('en')} reports in the database; ${CONNECTIONS} connections, ${DURATION} s per figure`);
  console.log(
    'limits for this run: FEEDBACK_REPORTS_PER_10_MIN=1000000000 (all load comes from one address); Open311 POST is authorised by an API key (no sign-in, so login throttling is not involved); no other rate limit applies to these routes.',
  );

  const server = await startFeedbackServer(benchEnv(target));
  const rows: Row[] = [];
  try {
    const app = `http://127.0.0.1:${PORT}`;
    const bare = `http://127.0.0.1:${PORT + 1}`;
    const select1 = await measure({ url: `${bare}/select1` });
    for (const [figure, url] of readFigures(data)) rows.push({ figure, value: await measure({ url: `${app}${url}` }), baseline: select1, baselineName: 'bare SELECT 1' });
    const insert = await measure(postRequest(`${bare}/insert`, data));
    const open311 = await measure(postRequest(`${app}/open311/v2/requests.json`, data));
    rows.unshift({ figure: 'Open311 POST /open311/v2/requests.json (form body, API key)', value: open311, baseline: insert, baselineName: 'bare insert of one row' });
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  printTable(rows);

  const explained = await explainStatsQuery(target, { groupBy: 'commune', from: data.from, to: data.to });
  console.log(`\nEXPLAIN ANALYZE of the statistics query (province, by commune, ${data.from} – ${data.to}):\n${explained.plan}`);
  const others = explained.tables.filter((t) => t !== 'feedback_stats_daily');
  console.log(others.length === 0 ? 'The statistics read feedback_stats_daily only.' : `WARNING: the statistics query also reads ${others.join(', ')}`);
}

/** The read figures: [label, path]. The statistics cover the whole demo year. */
function readFigures(data: BenchData): Array<[string, string]> {
  const year = `from=${data.from}&to=${data.to}`;
  return [
    ['public list GET /api/v1/feedback/reports (first page)', '/api/v1/feedback/reports'],
    ['public list, filtered (commune and category)', `/api/v1/feedback/reports?communeCode=${data.communeCode}&categoryCode=${data.categoryCode}`],
    ['Open311 GET /open311/v2/requests.json', '/open311/v2/requests.json'],
    ['statistics GET /api/v1/feedback/stats, province (by commune, a year)', `/api/v1/feedback/stats?groupBy=commune&${year}`],
    ['statistics, one agency (by category, a year)', `/api/v1/feedback/stats?groupBy=category&agencyId=${data.agencyId}&${year}`],
    ['statistics, one category (by commune, a year)', `/api/v1/feedback/stats?groupBy=commune&categoryCode=${data.categoryCode}&${year}`],
  ];
}

/** Form-encoded POSTs cycling through the prepared bodies (each a point inside the province). */
function postRequest(url: string, data: BenchData): autocannon.Options {
  let n = 0;
  return {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    requests: [
      {
        setupRequest(request) {
          const body = data.postBodies[n++ % data.postBodies.length]!;
          return { ...request, body: new URLSearchParams({ ...body, api_key: data.apiKey }).toString() };
        },
      },
    ],
  };
}

async function measure(options: autocannon.Options): Promise<Measured> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  return { rps: result.requests.average, p99: result.latency.p99, failed: result.errors + result.timeouts + result.non2xx };
}

async function startFeedbackServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/servers.ts', 'feedback', String(PORT)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`feedback server exited with ${code}`)));
  });
  return child;
}

function printTable(rows: Row[]): void {
  const fmt = (n: number) => n.toFixed(0);
  console.log('\n| figure | requests/s | baseline (same run) | baseline requests/s | ratio | p99 latency (ms) | baseline p99 (ms) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const failed = r.value.failed ? ` (${r.value.failed} failed)` : '';
    console.log(`| ${r.figure}${failed} | ${fmt(r.value.rps)} | ${r.baselineName} | ${fmt(r.baseline.rps)} | ${(r.value.rps / r.baseline.rps).toFixed(3)} | ${r.value.p99} | ${r.baseline.p99} |`);
  }
}

function redact(url: string): string {
  const u = new URL(url);
  u.password = u.password ? '***' : '';
  return `${u.host}${u.pathname}`;
}
