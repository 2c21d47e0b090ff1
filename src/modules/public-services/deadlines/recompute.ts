/**
 * Recomputing due dates after a calendar change (tính lại hạn giải quyết khi lịch làm việc thay đổi).
 * A new overlay never moves a stored due date by itself; this explicit command does, for open
 * dossiers computed on an older calendar version. A dry run only lists what would move. Applying
 * writes each dossier in its own transaction with the row locked: the new due date, its calendar
 * version and explanation, through `applyTransition` (a trail row without a status change, the audit
 * record and the applicant's notice old → new). `extended_due_at` (an apology's date) is never touched.
 */
import { sql } from 'kysely';
import { calendarService } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { applyTransition, lockDossier, type Actor } from '../dossiers/transition.js';
import { OPEN_STATUSES, type NationalStatus } from '../statuses.js';
import { platformTrx, psDb, type Bilingual, type PsDb } from '../tables.js';
import { planRecompute, type RecomputeCandidate } from './recompute-plan.js';
import { recomputeNotice } from './recompute-text.js';

export const RECOMPUTE_ACTION = 'recompute_due';

export interface RecomputeOptions {
  dryRun: boolean;
  /** Only dossiers this agency holds now (the handling agency, else the receiving one). */
  agencyId?: string | undefined;
  actor: Actor;
  ip?: string | null;
  requestId?: string | null;
  /** The instant written on the trail (tests fix it). */
  now?: Date;
  batchSize?: number;
}

export interface RecomputeItem {
  id: string;
  code: string | null;
  fromVersion: number;
  oldDue: string;
  newDue: string;
  explanation: Bilingual;
}

export interface RecomputeResult {
  dryRun: boolean;
  calendarVersion: number;
  /** Moved (applied), or that would move (dry run). */
  moved: RecomputeItem[];
  unchanged: number;
  skipped: Array<{ code: string | null; reason: string }>;
  failed: number;
}

/** Lists (dry run) or applies the due dates a newer calendar version moves. */
export async function recomputeDeadlines(ctx: AppContext, options: RecomputeOptions): Promise<RecomputeResult> {
  const db = psDb(ctx.db);
  const at = options.now ?? new Date();
  if (options.agencyId) await assertAgency(db, options.agencyId);
  // Read the version afresh: an overlay changed by another process must not be missed.
  const service = calendarService(ctx.db);
  service.invalidate();
  const version = await service.currentVersion();
  const result: RecomputeResult = { dryRun: options.dryRun, calendarVersion: version, moved: [], unchanged: 0, skipped: [], failed: 0 };
  let after = '';
  for (;;) {
    const batch = await candidates(db, version, options.agencyId, after, options.batchSize ?? 200);
    for (const c of batch) {
      try {
        await handle(ctx, c, version, at, options, result);
      } catch (error) {
        result.failed++;
        ctx.log.error({ err: error, dossierId: c.id }, 'due date recompute failed for a dossier');
      }
    }
    if (batch.length === 0 || batch.length < (options.batchSize ?? 200)) break;
    after = batch[batch.length - 1]!.id;
  }
  if (!options.dryRun) await auditRun(ctx, options, result);
  return result;
}

async function handle(ctx: AppContext, c: RecomputeCandidate, version: number, at: Date, options: RecomputeOptions, result: RecomputeResult): Promise<void> {
  const item = options.dryRun ? await preview(ctx, c, version, at) : await applyOne(ctx, c.id, version, at, options.actor);
  if (item === 'unchanged') result.unchanged++;
  else if (item && 'reason' in item) result.skipped.push(item);
  else if (item) result.moved.push(item);
}

type Outcome = RecomputeItem | { code: string | null; reason: string } | 'unchanged' | null;

async function preview(ctx: AppContext, c: RecomputeCandidate, version: number, at: Date): Promise<Outcome> {
  const plan = await planRecompute(ctx.db, c, version, at);
  if (plan.kind === 'unchanged') return 'unchanged';
  if (plan.kind === 'skipped') return { code: c.code, reason: plan.reason };
  return itemOf(c, plan.newDue, plan.explanation);
}

/** One dossier, one transaction: locked, read again, and written only if it still moves. */
async function applyOne(ctx: AppContext, id: string, version: number, at: Date, actor: Actor): Promise<Outcome> {
  return psDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const before = await lockDossier(trx, id);
      const c = await candidateQuery(trx, version).where('d.id', '=', id).executeTakeFirst();
      if (!c) return null; // finished, or recomputed by someone else meanwhile
      const candidate = toCandidate(c);
      const plan = await planRecompute(ctx.db, candidate, version, at, trx);
      if (plan.kind === 'unchanged') return 'unchanged';
      if (plan.kind === 'skipped') return { code: candidate.code, reason: plan.reason };
      const moved = { oldDue: candidate.dueAt, newDue: plan.newDue, fromVersion: candidate.calendarVersion, toVersion: version };
      await applyTransition(trx, ctx, before, actor, {
        action: RECOMPUTE_ACTION,
        to: before.status as NationalStatus,
        changes: { due_at: plan.newDue, due_calendar_version: version, due_explanation: JSON.stringify(plan.explanation) },
        publicNote: recomputeNotice(moved),
        data: { fromVersion: moved.fromVersion, toVersion: version, oldDue: moved.oldDue.toISOString(), newDue: moved.newDue.toISOString(), oldExplanation: before.due_explanation },
        notify: true,
        at,
      });
      return itemOf(candidate, plan.newDue, plan.explanation);
    });
}

function itemOf(c: RecomputeCandidate, newDue: Date, explanation: Bilingual): RecomputeItem {
  return { id: c.id, code: c.code, fromVersion: c.calendarVersion, oldDue: c.dueAt.toISOString(), newDue: newDue.toISOString(), explanation };
}

/** Open (statuses 2, 4, 5, 6), received, with a due date computed on a version older than `version`. */
function candidateQuery(db: PsDb, version: number) {
  return db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
    .select(['d.id', 'd.code', 'd.status', 'd.received_at', 'd.due_at', 'd.due_calendar_version', 'd.paused_working_minutes', 'v.time_amount', 'v.time_unit', 'v.same_day_cutoff'])
    .where('d.status', 'in', [...OPEN_STATUSES])
    .where('d.received_at', 'is not', null)
    .where('d.due_at', 'is not', null)
    .where('d.due_calendar_version', '<', version);
}

type CandidateRow = NonNullable<Awaited<ReturnType<ReturnType<typeof candidateQuery>['executeTakeFirst']>>>;

function toCandidate(r: CandidateRow): RecomputeCandidate {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    receivedAt: new Date(r.received_at!),
    dueAt: new Date(r.due_at!),
    calendarVersion: Number(r.due_calendar_version),
    pausedMinutes: Number(r.paused_working_minutes),
    amount: Number(r.time_amount),
    unit: r.time_unit,
    cutoff: r.same_day_cutoff,
  };
}

async function candidates(db: PsDb, version: number, agencyId: string | undefined, after: string, limit: number): Promise<RecomputeCandidate[]> {
  const rows = await candidateQuery(db, version)
    .$if(agencyId !== undefined, (q) => q.where(sql<boolean>`coalesce(d.handling_agency_id, d.receiving_agency_id) = ${agencyId}`))
    .$if(after !== '', (q) => q.where('d.id', '>', after))
    .orderBy('d.id')
    .limit(limit)
    .execute();
  return rows.map(toCandidate);
}

async function assertAgency(db: PsDb, agencyId: string): Promise<void> {
  const found = await db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!found) throw new AppError(404, 'agency_not_found', { vi: 'Không tìm thấy cơ quan.', en: 'Agency not found.' });
}

/** The run itself, once: who recomputed, on which version, and how many dates moved. */
async function auditRun(ctx: AppContext, options: RecomputeOptions, result: RecomputeResult): Promise<void> {
  await psDb(ctx.db)
    .transaction()
    .execute((trx) =>
      ctx.audit.record(platformTrx(trx), {
        actor: options.actor,
        action: 'services.deadlines.recompute',
        targetType: 'calendar_version',
        targetId: String(result.calendarVersion),
        ip: options.ip ?? null,
        requestId: options.requestId ?? null,
        details: { agencyId: options.agencyId ?? null, moved: result.moved.length, unchanged: result.unchanged, skipped: result.skipped.length, failed: result.failed },
      }),
    );
}
