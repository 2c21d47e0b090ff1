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
  failed: number;
}

/**
 * One pass of the deadline watch (theo dõi hạn giải quyết hồ sơ): escalates open dossiers past
 * their due date to the head of the handling unit, then reminds the handlers of those due within
 * PUBLIC_SERVICES_REMIND_BEFORE_WORKING_HOURS working hours. Each action happens once per dossier
 * and due date, however often the pass runs and however many workers run it.
 */
export async function runDeadlineWatch(ctx: AppContext, options: DeadlineWatchOptions = {}): Promise<DeadlineWatchResult> {
  const now = options.now ?? new Date();
  const limits = { batchSize: options.batchSize ?? 100, maxBatches: options.maxBatches ?? 10 };
  const result: DeadlineWatchResult = { reminded: [], escalated: [], failed: 0 };
  result.failed += await work(ctx, 'escalation', { until: now }, now, limits, result.escalated);
  const hours = remindBeforeWorkingHours(ctx.config);
  if (hours > 0) {
    // "Within N working hours": due before now + N hours of the working calendar (inclusive).
    const { at } = await computeHourDeadline(ctx.db, { start: now, workingHours: hours });
    result.failed += await work(ctx, 'reminder', { from: now, until: new Date(at.getTime() + 1) }, now, limits, result.reminded);
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
      ctx.log.info({ reminded: result.reminded.length, escalated: result.escalated.length, failed: result.failed }, 'dossier deadline watch done');
    },
    // The next pass comes a quarter hour later and picks up what this one left: no retry storm.
    { cron: DEADLINE_WATCH_CRON, queue: { retryLimit: 0, expireInSeconds: 14 * 60 } },
  );
}
