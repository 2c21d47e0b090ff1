/**
 * The feedback benchmark's data: a database holding at least the wanted number of reports (the
 * missing ones made by the demo generator, as `npm run cli -- feedback:generate` does, and kept for
 * the next run), an Open311 API key, and what the requests need (points inside the province, an
 * agency, a category, a commune).
 */
import { sql } from 'kysely';
import type { Platform } from '../src/platform/runtime.js';
import { issueApiKey } from '../src/platform/identity/issue-api-key.js';
import { generateDemoReports } from '../src/modules/feedback/demo/generate.js';
import { feedbackDb } from '../src/modules/feedback/tables.js';
import { baseBenchEnv, topUpDemoRows, withBenchPlatform, type BenchDatabase } from './demo-data.js';

/** The generator's seed for the first million; a top-up shifts it by the count already there, so ids never repeat. */
const BASE_SEED = 42;

export interface BenchTarget extends BenchDatabase {
  reports: number;
}

export interface BenchData {
  reports: number;
  generated: number;
  generateSeconds: number;
  apiKey: string;
  /** Form bodies for Open311 POST (without api_key), at demo reports' points, which lie inside their communes. */
  postBodies: Array<Record<string, string>>;
  agencyId: string;
  categoryCode: string;
  communeCode: string;
  /** The demo year: the statistics are asked for over all of it. */
  from: string;
  to: string;
}

/** The environment every platform instance of the benchmark runs with (the server child too). */
export function benchEnv(target: BenchTarget): Record<string, string> {
  return baseBenchEnv(target, {
    // The reports come from the generator below, not from the small volume seeded on a first start.
    FEEDBACK_DEMO_REPORTS: '0',
    // One client address sends every request: the per-address report limit would refuse all but the first few.
    FEEDBACK_REPORTS_PER_10_MIN: '1000000000',
  });
}

export async function prepareBenchData(target: BenchTarget, log: (line: string) => void): Promise<BenchData> {
  return withBenchPlatform(benchEnv(target), async (platform) => {
    const db = feedbackDb(platform.ctx.db);
    const existing = await countReports(platform);
    const wanted = { noun: 'reports', existing, wanted: target.reports, baseSeed: BASE_SEED };
    const { generated, generateSeconds } = await topUpDemoRows(wanted, (options) => generateDemoReports(platform.ctx, options), log);
    const apiKey = await platform.ctx.db.transaction().execute(async (trx) =>
      (await issueApiKey(trx, platform.ctx.audit, { name: `bench ${new Date().toISOString()}`, scopes: ['open311'], expiresAt: null, agencyId: null, createdBy: null }, { userId: null, label: 'system:bench' })).key,
    );
    const postBodies = await validBodies(platform, apiKey);
    // The busiest agency, category and commune: the heaviest filters a visitor can ask for.
    const busiest = async (column: 'agency_id' | 'category_code' | 'commune_code') =>
      String((await sql<{ key: string }>`select ${sql.ref(column)}::text as key from feedback_stats_daily group by 1 order by sum(received) desc limit 1`.execute(db)).rows[0]!.key);
    const span = (await sql<{ from: string; to: string }>`select to_char(min(day), 'YYYY-MM-DD') as "from", to_char(max(day), 'YYYY-MM-DD') as "to" from feedback_stats_daily`.execute(db)).rows[0]!;
    return {
      reports: existing + generated + postBodies.length,
      generated,
      generateSeconds,
      apiKey,
      postBodies,
      agencyId: await busiest('agency_id'),
      categoryCode: await busiest('category_code'),
      communeCode: await busiest('commune_code'),
      from: span.from,
      to: span.to,
    };
  });
}

async function countReports(platform: Platform): Promise<number> {
  const row = await feedbackDb(platform.ctx.db).selectFrom('feedback_reports').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Realistic submissions: a category, a description, a demo report's point, sometimes a name and an
 * e-mail, as a client like FixMyStreet sends them. Each body is tried once; the benchmark keeps
 * those accepted (categories whose required questions a plain form cannot answer are left out).
 */
async function validBodies(platform: Platform, apiKey: string): Promise<Array<Record<string, string>>> {
  const points = await feedbackDb(platform.ctx.db)
    .selectFrom('feedback_reports')
    .select(['lat', 'lng', 'category_code'])
    .where('is_demo', '=', true)
    .orderBy('tracking_code', 'desc')
    .limit(40)
    .execute();
  const bodies: Array<Record<string, string>> = [];
  for (const [i, p] of points.entries()) {
    const body: Record<string, string> = {
      service_code: p.category_code,
      lat: String(p.lat),
      long: String(p.lng),
      description: `Phản ánh thử tải số ${i + 1}: cần kiểm tra và xử lý tại vị trí này.`,
      ...(i % 3 === 0 ? { first_name: 'Người', last_name: 'Thử Tải', email: `bench.${i}@example.invalid` } : {}),
    };
    const res = await platform.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...body, api_key: apiKey }).toString() });
    if (res.statusCode < 300) bodies.push(body);
  }
  if (bodies.length === 0) throw new Error('no Open311 submission was accepted; the benchmark cannot post');
  return bodies;
}
