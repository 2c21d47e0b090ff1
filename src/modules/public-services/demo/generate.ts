import { sql } from 'kysely';
import type { AppContext } from '../../../platform/http/module.js';
import { computeDue, extendByWorkingMinutes } from '../deadlines/index.js';
import { rebuildDossierStats } from '../stats/rebuild.js';
import { psDb, platformTrx, type PsTrx } from '../tables.js';
import { planDemoDossiers } from './plan.js';
import { realiseDossier, type DemoRows } from './timeline.js';
import { loadDemoWorld, type DemoProcedure } from './world.js';

export interface GenerateOptions {
  count: number;
  seed: number;
  /** The end of the demo year (default: now). */
  until?: Date;
  batchSize?: number;
  onProgress?: (written: number) => void;
}

export interface GenerateResult {
  count: number;
  seed: number;
  events: number;
  ms: number;
}

/** On first start: enough for every page and statistic to look alive, loaded in seconds. */
export const DEFAULT_DEMO_DOSSIERS = 10_000;
/** In tests the seeded template stays small. */
export const TEST_DEMO_DOSSIERS = 300;
export const DEFAULT_DEMO_SEED = 20_260_101;

const ACTOR = { userId: null, label: 'system:demo-seed' };

/**
 * A year of demo dossiers over the demo catalog (`is_demo = true` on every row), written in one
 * transaction with multi-row inserts; codes continue each agency's daily sequence, and the
 * statistics are rebuilt at the end because bulk inserts bypass the per-change counters.
 */
export async function generateDemoDossiers(ctx: Pick<AppContext, 'db' | 'audit'>, options: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const until = options.until ?? new Date();
  const batchSize = options.batchSize ?? 500;
  const world = await loadDemoWorld(ctx.db, until);
  const sequences = await loadSequences(ctx.db);
  const code = (agencyCode: string, at: Date) => {
    const day = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const key = `${agencyCode}|${day}`;
    const seq = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, seq);
    return `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
  };
  const tools = {
    calendar: world.calendar,
    until,
    due: (p: DemoProcedure, receivedAt: Date) =>
      computeDue(ctx.db, { receivedAt, amount: p.timeAmount, unit: p.timeUnit, cutoff: p.cutoff, calendarVersion: world.calendar.version }),
    extend: (dueAt: Date, minutes: number, version: number) => extendByWorkingMinutes(ctx.db, dueAt, minutes, version),
    code,
  };
  let events = 0;
  let written = 0;
  await psDb(ctx.db).transaction().execute(async (trx) => {
    let batch: DemoRows[] = [];
    const flush = async () => {
      events += await insertBatch(trx, batch);
      written += batch.length;
      batch = [];
      options.onProgress?.(written);
    };
    for (const planned of planDemoDossiers(world, { count: Math.max(0, Math.floor(options.count)), seed: options.seed, until })) {
      batch.push(await realiseDossier(planned, world, tools));
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
    await saveSequences(trx, sequences);
    await rebuildDossierStats(trx);
    await ctx.audit.record(platformTrx(trx), { actor: ACTOR, action: 'services.demo.generate', targetType: 'dossier', details: { count: written, seed: options.seed, until: until.toISOString(), demo: true } });
  });
  return { count: written, seed: options.seed, events, ms: Date.now() - started };
}

async function insertBatch(trx: PsTrx, batch: DemoRows[]): Promise<number> {
  await trx.insertInto('dossiers').values(batch.map((r) => r.dossier)).execute();
  const events = batch.flatMap((r) => r.events);
  for (let i = 0; i < events.length; i += 2000) await trx.insertInto('dossier_events').values(events.slice(i, i + 2000)).execute();
  const pauses = batch.flatMap((r) => r.pauses);
  if (pauses.length) await trx.insertInto('dossier_pauses').values(pauses).execute();
  const payments = batch.flatMap((r) => (r.payment ? [r.payment] : []));
  if (payments.length) await trx.insertInto('dossier_payments').values(payments).execute();
  const evaluations = batch.flatMap((r) => (r.evaluation ? [r.evaluation] : []));
  if (evaluations.length) await trx.insertInto('dossier_evaluations').values(evaluations).execute();
  return events.length;
}

async function loadSequences(db: AppContext['db']): Promise<Map<string, number>> {
  const rows = await psDb(db).selectFrom('dossier_code_sequences').select(['agency_code', sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'last_seq']).execute();
  return new Map(rows.map((r) => [`${r.agency_code}|${r.day}`, r.last_seq]));
}

/** Real receipts continue after the demo's numbers, never reusing one. */
async function saveSequences(trx: PsTrx, sequences: Map<string, number>): Promise<void> {
  const rows = [...sequences].map(([key, last]) => {
    const [agency_code, day] = key.split('|') as [string, string];
    return { agency_code, day, last_seq: last };
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('dossier_code_sequences')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['agency_code', 'day']).doUpdateSet({ last_seq: sql`greatest(dossier_code_sequences.last_seq, excluded.last_seq)` }))
      .execute();
  }
}

/** The number of demo dossiers a start loads: SERVICES_DEMO_DOSSIERS, else a default (smaller in tests). */
export function demoDossierVolume(config: AppContext['config']): number {
  const raw = config.env.SERVICES_DEMO_DOSSIERS;
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`SERVICES_DEMO_DOSSIERS must be a whole number ≥ 0, got "${raw}"`);
    return n;
  }
  return config.nodeEnv === 'test' ? TEST_DEMO_DOSSIERS : DEFAULT_DEMO_DOSSIERS;
}

/** Loads the demo year on a start with demo data, once: only while there are no demo dossiers. */
export async function seedDemoDossiers(ctx: AppContext): Promise<void> {
  const existing = await psDb(ctx.db).selectFrom('dossiers').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst();
  if (existing) return;
  const count = demoDossierVolume(ctx.config);
  if (count === 0) return;
  const result = await generateDemoDossiers(ctx, { count, seed: DEFAULT_DEMO_SEED });
  ctx.log.info({ count: result.count, events: result.events, ms: result.ms }, 'demo dossiers generated');
}
