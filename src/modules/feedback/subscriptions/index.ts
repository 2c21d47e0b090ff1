import type { Migration } from 'kysely/migration';
import type { AppContext } from '../../../platform/http/module.js';
import { DIGEST_CRON, DIGEST_JOB, runDigests } from './digest.js';

export { registerSubscriptionRoutes } from './routes.js';
export { autoFollowReporter } from './follow.js';

/**
 * E-mail subscriptions to one report (its followers), a category or a commune. The table comes with
 * the feedback module's migration 202612011000; nothing more is needed.
 */
export const subscriptionMigrations: Record<string, Migration> = {};

export async function registerSubscriptionJobs(ctx: AppContext): Promise<void> {
  ctx.jobs.register(DIGEST_JOB, async () => void (await runDigests(ctx)), { cron: DIGEST_CRON });
}
