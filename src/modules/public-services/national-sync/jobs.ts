import type { AppContext } from '../../../platform/http/module.js';
import { httpPortalClient } from './client.js';
import { deliverDue } from './deliver.js';
import { reconcile } from './reconcile.js';
import { allowedDelayMinutes, maxAttempts, portalSettings, reconcileDays } from './settings.js';

export const SYNC_DELIVERY_JOB = 'public-services.national-sync-delivery';
export const SYNC_RECONCILE_JOB = 'public-services.national-sync-reconcile';
/** Every minute: "real time" for indicator 1.4 allows a quarter hour by default. */
const DELIVERY_CRON = '* * * * *';
/** Nightly at 03:10 Vietnam time, after the platform maintenance. */
const RECONCILE_CRON = '10 3 * * *';

/** Registers delivery and reconciliation when the portal is configured; nothing otherwise. */
export async function registerNationalSyncJobs(ctx: AppContext): Promise<void> {
  // Read every setting now so that a bad one stops the start instead of failing every pass.
  const settings = portalSettings(ctx.config);
  maxAttempts(ctx.config);
  allowedDelayMinutes(ctx.config);
  reconcileDays(ctx.config);
  if (!settings) return;
  const client = httpPortalClient(settings);
  // The outbox keeps the attempts and the backoff; a failed pass is not retried by the queue.
  ctx.jobs.register(
    SYNC_DELIVERY_JOB,
    async () => {
      const result = await deliverDue(ctx, client);
      if (result.delivered || result.failed) ctx.log.info(result, 'national sync delivery done');
    },
    { cron: DELIVERY_CRON, queue: { retryLimit: 0, expireInSeconds: 50 } },
  );
  ctx.jobs.register(
    SYNC_RECONCILE_JOB,
    async () => {
      ctx.log.info(await reconcile(ctx, client), 'national sync reconciliation done');
    },
    { cron: RECONCILE_CRON, queue: { retryLimit: 0, expireInSeconds: 3600 } },
  );
}
