/**
 * The plan of the public statistics query, as the route runs it: the SQL is captured from
 * `feedbackStats` itself (Kysely's query log), then explained with ANALYZE on the same parameters.
 */
import { Kysely, PGliteDialect, PostgresDialect, sql, type CompiledQuery, type LogEvent } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import path from 'node:path';
import pg from 'pg';
import { feedbackStats, type StatsQuery } from '../src/modules/feedback/stats/query.js';
import { feedbackDb } from '../src/modules/feedback/tables.js';
import type { BenchTarget } from './feedback-data.js';

export interface Explained {
  plan: string;
  /** The tables the plan reads (scan nodes), to show the figures come from the aggregates only. */
  tables: string[];
}

export async function explainStatsQuery(target: BenchTarget, q: StatsQuery): Promise<Explained> {
  const captured: CompiledQuery[] = [];
  const log = (event: LogEvent) => {
    if (event.level === 'query') captured.push(event.query);
  };
  const { db, close } = await open(target, log);
  try {
    await feedbackStats(feedbackDb(db), q);
    const stats = captured.find((c) => c.sql.includes('feedback_stats_daily'));
    if (!stats) throw new Error('the statistics query was not captured');
    const result = await db.executeQuery<{ 'QUERY PLAN': string }>({ ...stats, sql: `explain (analyze, costs off, buffers) ${stats.sql}` } as CompiledQuery<{ 'QUERY PLAN': string }>);
    const plan = result.rows.map((r) => r['QUERY PLAN']).join('\n');
    // Table scans only: a bitmap index scan names its index, not a table.
    const tables = [...new Set([...plan.matchAll(/(?:Seq Scan|Bitmap Heap Scan|Index Scan using \S+|Index Only Scan using \S+) on (\w+)/g)].map((m) => m[1]!))];
    return { plan, tables };
  } finally {
    await close();
  }
}

async function open(target: BenchTarget, log: (event: LogEvent) => void): Promise<{ db: Kysely<any>; close: () => Promise<void> }> {
  if (target.databaseUrl) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 1 });
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }), log });
    return { db, close: () => db.destroy() };
  }
  // The embedded database is not in use now (the server child has stopped), so it may be opened here.
  const pglite = new PGlite({ dataDir: path.join(target.dataDir, 'pgdata'), extensions: { pg_trgm } });
  await pglite.waitReady;
  const db = new Kysely<any>({ dialect: new PGliteDialect({ pglite }), log });
  await sql`select 1`.execute(db);
  return { db, close: async () => { await db.destroy(); await pglite.close().catch(() => {}); } };
}
