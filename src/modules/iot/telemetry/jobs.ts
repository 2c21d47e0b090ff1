import type { AppContext } from '../../../platform/http/module.js';
import { applyRawRetention, ensureReadingPartitions, type RetentionResult } from './partitions.js';
import { rawRetentionDays } from './settings.js';

export const TELEMETRY_MAINTENANCE_JOB = 'iot.telemetry-maintenance';
/** Daily at 00:20 Vietnam time, a quiet hour for sensors' owners and for the database. */
export const TELEMETRY_MAINTENANCE_CRON = '20 0 * * *';

export interface MaintenanceResult extends RetentionResult {
  createdPartitions: string[];
}

/** Keeps monthly partitions ahead of the clock and applies raw retention; `now` is a parameter for tests. */
export async function runTelemetryMaintenance(ctx: Pick<AppContext, 'db' | 'config'>, now: Date = new Date()): Promise<MaintenanceResult> {
  const createdPartitions = await ensureReadingPartitions(ctx.db, now);
  const retention = await applyRawRetention(ctx.db, rawRetentionDays(ctx.config), now);
  return { createdPartitions, ...retention };
}

export function registerTelemetryMaintenanceJob(ctx: AppContext): void {
  // Read now so that a bad setting stops the start.
  rawRetentionDays(ctx.config);
  ctx.jobs.register(
    TELEMETRY_MAINTENANCE_JOB,
    async () => {
      const result = await runTelemetryMaintenance(ctx);
      ctx.log.info(result, 'iot telemetry maintenance done');
    },
    // Tomorrow's pass does the same work again: no retries needed.
    { cron: TELEMETRY_MAINTENANCE_CRON, queue: { retryLimit: 0, expireInSeconds: 60 * 60 } },
  );
}
