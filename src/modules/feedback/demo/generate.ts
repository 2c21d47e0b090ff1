import { sql } from 'kysely';
import type { AppContext } from '../../../platform/http/module.js';
import { toSearchText } from '../../../platform/search/search-text.js';
import { feedbackDb, platformTrx, type FeedbackTrx } from '../tables.js';
import { rebuildFeedbackStats } from '../stats/rebuild.js';
import { planDemoReports, type PlannedReport } from './plan.js';
import { loadDemoWorld } from './world.js';

export interface GenerateOptions {
  count: number;
  seed: number;
  /** The end of the demo year (default: now); reports fall in the 365 days before it. */
  until?: Date;
  /** Reports per multi-row insert. */
  batchSize?: number;
  onProgress?: (written: number) => void;
}

export interface GenerateResult {
  count: number;
  seed: number;
  events: number;
  ms: number;
}

/** Default demo volume on first start: a few months' worth of a real province, loads in seconds. */
export const DEFAULT_DEMO_REPORTS = 20_000;
/** In tests the seeded template stays small, so every test file starts fast. */
export const TEST_DEMO_REPORTS = 200;
export const DEFAULT_DEMO_SEED = 20_251_001;

const ACTOR = { userId: null, label: 'system:demo-seed' };

/**
 * Fills the demo province with a year of demo reports (`is_demo = true` on every row), planned by
 * plan.ts and written in one transaction: multi-row inserts per batch, tracking codes taken in
 * blocks from the same sequence as real reports, one audit record for the whole generation.
 */
export async function generateDemoReports(ctx: Pick<AppContext, 'db' | 'audit'>, options: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const count = Math.max(0, Math.floor(options.count));
  const until = options.until ?? new Date();
  const batchSize = options.batchSize ?? 500;
  // Read everything first: the embedded engine runs one statement at a time, so no query beside the transaction.
  const world = await loadDemoWorld(ctx.db);
  let events = 0;
  await feedbackDb(ctx.db).transaction().execute(async (trx) => {
    let batch: PlannedReport[] = [];
    let written = 0;
    const flush = async () => {
      events += await insertBatch(trx, batch);
      written += batch.length;
      batch = [];
      options.onProgress?.(written);
    };
    for (const report of planDemoReports(world, { count, seed: options.seed, until })) {
      batch.push(report);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
    // The timeline of a duplicate names the original by its tracking code, known only once written.
    await sql`
      update feedback_report_events e
      set data = jsonb_set(e.data, '{duplicateOf}', to_jsonb(o.tracking_code))
      from feedback_reports r
      join feedback_reports o on o.id = r.duplicate_of
      where e.report_id = r.id and e.kind = 'close' and r.outcome = 'duplicate' and r.is_demo and e.data->>'duplicateOf' is null`.execute(trx);
    // The daily statistics are maintained per change; a bulk insert bypasses that, so recount them here.
    await rebuildFeedbackStats(trx);
    await ctx.audit.record(platformTrx(trx), { actor: ACTOR, action: 'feedback.demo.generate', targetType: 'feedback_report', details: { count, seed: options.seed, until: until.toISOString(), demo: true } });
  });
  return { count, seed: options.seed, events, ms: Date.now() - started };
}

/** The number of demo reports a start loads: FEEDBACK_DEMO_REPORTS, else a small default (smaller in tests). */
export function demoReportVolume(config: AppContext['config']): number {
  const raw = config.env.FEEDBACK_DEMO_REPORTS;
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`FEEDBACK_DEMO_REPORTS must be a whole number ≥ 0, got "${raw}"`);
    return n;
  }
  return config.nodeEnv === 'test' ? TEST_DEMO_REPORTS : DEFAULT_DEMO_REPORTS;
}

/** Demo reports on start: only while there are none yet (idempotent), and never with a volume of 0. */
export async function seedDemoReports(ctx: AppContext): Promise<void> {
  const count = demoReportVolume(ctx.config);
  if (count === 0) return;
  const any = await feedbackDb(ctx.db).selectFrom('feedback_reports').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst();
  if (any) return;
  const result = await generateDemoReports(ctx, { count, seed: DEFAULT_DEMO_SEED });
  ctx.log.info({ reports: result.count, events: result.events, ms: result.ms }, 'demo feedback reports generated');
}

async function insertBatch(trx: FeedbackTrx, batch: PlannedReport[]): Promise<number> {
  if (batch.length === 0) return 0;
  const { rows } = await sql<{ n: string }>`select nextval('feedback_tracking_seq') as n from generate_series(1, ${batch.length})`.execute(trx);
  const numbers = rows.map((r) => Number(r.n)).sort((a, b) => a - b);
  await trx
    .insertInto('feedback_reports')
    .values(
      batch.map((r, i) => {
        const trackingCode = `PA-${String(r.createdAt.getUTCFullYear()).slice(2)}-${String(numbers[i]).padStart(6, '0')}`;
        return {
          id: r.id,
          tracking_code: trackingCode,
          category_code: r.categoryCode,
          description: r.description,
          lat: r.lat,
          lng: r.lng,
          address: r.address,
          commune_code: r.communeCode,
          agency_id: r.agencyId,
          status: r.status,
          outcome: r.outcome,
          outcome_reason: r.outcomeReason,
          handling_class: r.handlingClass,
          attributes: JSON.stringify(r.attributes),
          reporter_user_id: null,
          reporter_name: r.reporterName,
          reporter_email: r.reporterEmail,
          reporter_phone: r.reporterPhone,
          hide_name: r.hideName,
          source: r.source,
          open311_token: null,
          duplicate_of: r.duplicateOf,
          transferred_to: null,
          result_text: r.resultText,
          rating_stars: r.ratingStars,
          rating_comment: r.ratingComment,
          reopen_count: r.reopenCount,
          accept_due_at: r.acceptDueAt,
          due_at: r.dueAt,
          calendar_version: r.calendarVersion,
          created_at: r.createdAt,
          updated_at: r.updatedAt,
          accepted_at: r.acceptedAt,
          resolved_at: r.resolvedAt,
          closed_at: r.closedAt,
          rated_at: r.ratedAt,
          hidden_reason: null,
          is_demo: true,
          search_text: toSearchText(r.description, r.address, trackingCode),
        };
      }),
    )
    .execute();
  const events = batch.flatMap((r) =>
    r.events.map((e) => ({ report_id: r.id, at: e.at, kind: e.kind, public: e.public, actor_user_id: null, actor_label: e.actorLabel, agency_id: e.agencyId, data: JSON.stringify(e.data) })),
  );
  // 9 parameters a row: stay well under the protocol's 65,535 parameters per statement.
  for (let i = 0; i < events.length; i += 5000) await trx.insertInto('feedback_report_events').values(events.slice(i, i + 5000)).execute();
  return events.length;
}
