import type { AppContext } from '../../../platform/http/module.js';
import { runNoDataPass } from './process.js';

export const NO_DATA_JOB = 'iot.alarms.no-data';
/** Every minute: "no data for N minutes" is noticed within a minute of N. */
export const NO_DATA_CRON = '* * * * *';

export async function registerAlarmJobs(ctx: AppContext): Promise<void> {
  ctx.jobs.register(
    NO_DATA_JOB,
    async () => {
      const { events, failed } = await runNoDataPass(ctx);
      if (events.length > 0 || failed > 0) ctx.log.info({ transitions: events.length, failed }, 'iot no-data pass');
    },
    { cron: NO_DATA_CRON, queue: { retryLimit: 0, expireInSeconds: 120 } },
  );
}
