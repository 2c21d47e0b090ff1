import type { AppContext } from '../../../platform/http/module.js';
import { runDeadlineWatch } from './run.js';
import { remindBeforeWorkingHours } from './settings.js';

export const DEADLINE_WATCH_JOB = 'feedback.deadline-watch';
/** Every 15 minutes (Vietnam time, as every schedule): a deadline is noticed within a quarter hour. */
export const DEADLINE_WATCH_CRON = '*/15 * * * *';

export function registerDeadlineWatchJob(ctx: AppContext): void {
  // Read now so that a bad setting stops the start instead of failing every pass later.
  remindBeforeWorkingHours(ctx.config);
  ctx.jobs.register(
    DEADLINE_WATCH_JOB,
    async () => {
      const result = await runDeadlineWatch(ctx);
      ctx.log.info({ reminded: result.reminded.length, escalated: result.escalated.length, failed: result.failed }, 'feedback deadline watch done');
    },
    {
      cron: DEADLINE_WATCH_CRON,
      // The next pass comes a quarter hour later and picks up what this one left: no retry storm.
      queue: { retryLimit: 0, expireInSeconds: 14 * 60 },
    },
  );
}
