import type { Migration } from 'kysely/migration';
import type { App, AppContext } from '../../../platform/http/module.js';

/** E-mail subscriptions to one report (its followers), a category or a commune. */
export const subscriptionMigrations: Record<string, Migration> = {};

export function registerSubscriptionRoutes(_app: App, _ctx: AppContext): void {}

export async function registerSubscriptionJobs(_ctx: AppContext): Promise<void> {}
