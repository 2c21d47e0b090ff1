import { computeHourDeadline } from '../../../platform/calendar/index.js';
import type { AppContext } from '../../../platform/http/module.js';
import { remindBeforeWorkingHours } from './settings.js';
import { deadlineDb, type WatchKind } from './tables.js';
import { findCandidates, markDossier, type DueRange } from './watch-mark.js';

export const DEADLINE_WATCH_JOB = 'public-services.deadline-watch';
/** Every 15 minutes (Vietnam time): a due date is noticed within a quarter hour. */
export const DEADLINE_WATCH_CRON = '*/15 * * * *';

export interface DeadlineWatchOptions {
  /** The instant the pass treats as now (tests move it; the job uses the clock). */
  now?: Date;
  batchSize?: number;
  /** Batches per kind of work in one pass; the rest waits for the next pass. */
  maxBatches?: number;
}

export interface DeadlineWatchResult {
  reminded: string[];
  escalated: string[];
  /** Dossiers whose current step (step_due_at) was warned about, to the handlers or the head of unit. */
  stepReminded: string[];
  stepEscalated: string[];
  failed: number;
}

/**
 * One pass of the deadline watch (theo dõi hạn giải quyết hồ sơ): escalates open dossiers past
 * their due date, and those past their current step's due time while not late yet, to the head of
 * the handling unit; then reminds the handlers of dossiers and steps due within
 * PUBLIC_SERVICES_REMIND_BEFORE_WORKING_HOURS working hours. Each action happens once per dossier,
 * kind and due time, however often the pass runs and however many workers run it.
 */
export async function runDeadlineWatch(ctx: AppContext, options: DeadlineWatchOptions = {}): Promise<DeadlineWatchResult> {
  const now = options.now ?? new Date();
  const limits = { batchSize: options.batchSize ?? 100, maxBatches: options.maxBatches ?? 10 };
  const result: DeadlineWatchResult = { reminded: [], escalated: [], stepReminded: [], stepEscalated: [], failed: 0 };
  result.failed += await work(ctx, 'escalation', { until: now }, now, limits, result.escalated);
  result.failed += await work(ctx, 'step_overdue', { until: now }, now, limits, result.stepEscalated);
  const hours = remindBeforeWorkingHours(ctx.config);
  if (hours > 0) {
    // "Within N working hours": due before now + N hours of the working calendar (inclusive).
    const { at } = await computeHourDeadline(ctx.db, { start: now, workingHours: hours });
    const window = { from: now, until: new Date(at.getTime() + 1) };
    result.failed += await work(ctx, 'reminder', window, now, limits, result.reminded);
    result.failed += await work(ctx, 'step_reminder', window, now, limits, result.stepReminded);
  }
  return result;
}

async function work(ctx: AppContext, kind: WatchKind, range: DueRange, now: Date, limits: { batchSize: number; maxBatches: number }, done: string[]): Promise<number> {
  // Dossiers that failed or were locked by another worker are not read again in this pass.
  const passedOver = new Set<string>();
  let failed = 0;
  for (let batch = 0; batch < limits.maxBatches; batch++) {
    const ids = await findCandidates(deadlineDb(ctx.db), kind, range, limits.batchSize, passedOver);
    for (const id of ids) {
      try {
        if (await markDossier(ctx, id, kind, range, now)) done.push(id);
        else passedOver.add(id);
      } catch (error) {
        passedOver.add(id);
        failed++;
        ctx.log.error({ err: error, dossierId: id, kind }, 'deadline watch could not process a dossier');
      }
    }
    if (ids.length < limits.batchSize) break;
  }
  return failed;
}

export function registerDeadlineWatchJob(ctx: AppContext): void {
  // Read now so that a bad setting stops the start instead of failing every pass later.
  remindBeforeWorkingHours(ctx.config);
  ctx.jobs.register(
    DEADLINE_WATCH_JOB,
    async () => {
      const result = await runDeadlineWatch(ctx);
      const { reminded, escalated, stepReminded, stepEscalated, failed } = result;
      ctx.log.info({ reminded: reminded.length, escalated: escalated.length, stepReminded: stepReminded.length, stepEscalated: stepEscalated.length, failed }, 'dossier deadline watch done');
    },
    // The next pass comes a quarter hour later and picks up what this one left: no retry storm.
    { cron: DEADLINE_WATCH_CRON, queue: { retryLimit: 0, expireInSeconds: 14 * 60 } },
  );
}
