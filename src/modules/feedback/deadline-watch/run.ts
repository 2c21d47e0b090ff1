import { computeHourDeadline } from '../../../platform/calendar/index.js';
import type { AppContext } from '../../../platform/http/module.js';
import { feedbackDb } from '../tables.js';
import { findCandidates, type DeadlineRange } from './candidates.js';
import { escalateReport } from './escalate.js';
import { remindReport } from './remind.js';
import type { WatchMark } from './rule.js';
import { remindBeforeWorkingHours } from './settings.js';

export interface DeadlineWatchOptions {
  /** The instant the pass treats as now (tests move it; the job uses the clock). */
  now?: Date;
  /** Reports read per candidate query (each then written in its own transaction). */
  batchSize?: number;
  /** Batches per kind of work in one pass; what is left waits for the next pass, 15 minutes on. */
  maxBatches?: number;
}

export interface DeadlineWatchResult {
  reminded: string[];
  escalated: string[];
  failed: number;
}

export const DEFAULT_BATCH_SIZE = 100;
export const DEFAULT_MAX_BATCHES = 10;

type Write = (ctx: AppContext, id: string, range: DeadlineRange, now: Date) => Promise<boolean>;

/**
 * One pass of the deadline watch (theo dõi hạn xử lý): escalates reports past their current
 * deadline, then reminds those whose deadline falls within FEEDBACK_REMIND_BEFORE_WORKING_HOURS
 * working hours. Safe to run twice at once and to repeat: each report is re-checked under its row
 * lock, and a report marked for its current deadline is not found again.
 */
export async function runDeadlineWatch(ctx: AppContext, options: DeadlineWatchOptions = {}): Promise<DeadlineWatchResult> {
  const now = options.now ?? new Date();
  const limits = { batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE, maxBatches: options.maxBatches ?? DEFAULT_MAX_BATCHES };
  const result: DeadlineWatchResult = { reminded: [], escalated: [], failed: 0 };
  await work(ctx, 'escalated', { until: now }, escalateReport, now, limits, result.escalated, result);
  const hours = remindBeforeWorkingHours(ctx.config);
  if (hours > 0) {
    // "Within N working hours": deadlines before now + N hours of the working calendar.
    const { at } = await computeHourDeadline(ctx.db, { start: now, workingHours: hours });
    await work(ctx, 'reminder', { from: now, until: new Date(at.getTime() + 1) }, remindReport, now, limits, result.reminded, result);
  }
  return result;
}

async function work(ctx: AppContext, mark: WatchMark, range: DeadlineRange, write: Write, now: Date, limits: { batchSize: number; maxBatches: number }, done: string[], result: DeadlineWatchResult): Promise<void> {
  // Reports that failed or were passed over (locked by another worker) are not read again in this
  // pass; written ones drop out of the candidates by themselves.
  const passedOver = new Set<string>();
  for (let batch = 0; batch < limits.maxBatches; batch++) {
    const candidates = await findCandidates(feedbackDb(ctx.db), mark, range, limits.batchSize, passedOver);
    for (const { id } of candidates) {
      try {
        if (await write(ctx, id, range, now)) done.push(id);
        else passedOver.add(id);
      } catch (error) {
        passedOver.add(id);
        result.failed++;
        ctx.log.error({ err: error, reportId: id, mark }, 'deadline watch could not process a report');
      }
    }
    if (candidates.length < limits.batchSize) return;
  }
}
