import { sql } from 'kysely';
import type { AppContext, AppModule } from '../http/module.js';
import { purgeIdempotencyKeys } from '../idempotency/idempotency.js';

export const MAINTENANCE_JOB = 'platform.maintenance';
/** Nightly at 02:30 Vietnam time, when the province's services are least used. */
export const MAINTENANCE_CRON = '30 2 * * *';

export interface MaintenanceReport {
  expiredSessions: number;
  expiredResetTokens: number;
  expiredIdempotencyKeys: number;
  vacuumed: boolean;
}

/**
 * Nightly housekeeping. Expired sessions and password-reset tokens are useless and, being tied to
 * people, should not be kept. The embedded engine has no autovacuum worker and no background
 * checkpointer worth relying on, so it is vacuumed, analysed and checkpointed here; a PostgreSQL
 * server does that itself.
 */
export async function runMaintenance(ctx: AppContext): Promise<MaintenanceReport> {
  const now = new Date();
  const sessions = await ctx.db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  const resets = await ctx.db.deleteFrom('password_resets').where('expires_at', '<', now).executeTakeFirst();
  const expiredIdempotencyKeys = await purgeIdempotencyKeys(ctx.db, now);
  let vacuumed = false;
  if (ctx.database.engine === 'pglite') {
    // VACUUM refuses to run inside a transaction block; these run as single statements.
    await sql`vacuum (analyze)`.execute(ctx.db);
    await ctx.database.checkpoint();
    vacuumed = true;
  }
  const report: MaintenanceReport = {
    expiredSessions: Number(sessions.numDeletedRows),
    expiredResetTokens: Number(resets.numDeletedRows),
    expiredIdempotencyKeys,
    vacuumed,
  };
  ctx.log.info({ maintenance: report }, 'nightly maintenance done');
  return report;
}

/** The platform's housekeeping as an area: no tables or routes, one scheduled job. */
export const maintenanceArea: AppModule = {
  name: 'maintenance',
  jobs(ctx) {
    ctx.jobs.register(MAINTENANCE_JOB, async () => void (await runMaintenance(ctx)), {
      cron: MAINTENANCE_CRON,
      // A missed night is harmless; retrying soon after a failure is enough.
      queue: { retryLimit: 2, retryDelay: 300, expireInSeconds: 3600 },
    });
  },
};
