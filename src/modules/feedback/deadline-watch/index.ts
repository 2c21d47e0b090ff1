import type { Migration } from 'kysely/migration';
import type { App, AppContext } from '../../../platform/http/module.js';

/** Reminders before a report's deadline and escalation to the supervising agency once it is overdue. */
export const deadlineWatchMigrations: Record<string, Migration> = {};

export function registerDeadlineWatchRoutes(_app: App, _ctx: AppContext): void {}

export async function registerDeadlineWatchJobs(_ctx: AppContext): Promise<void> {}
