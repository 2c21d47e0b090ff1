import type { App, AppContext } from '../../../platform/http/module.js';
import { registerDeadlineWatchJob } from './job.js';
import { registerEscalatedRoute } from './routes.js';

/** Reminders before a report's deadline and escalation to the supervising agency once it is overdue. */
export { deadlineWatchMigrations } from './migrations.js';
export { runDeadlineWatch, type DeadlineWatchOptions, type DeadlineWatchResult } from './run.js';
export { DEADLINE_WATCH_JOB, DEADLINE_WATCH_CRON } from './job.js';

export function registerDeadlineWatchRoutes(app: App, ctx: AppContext): void {
  registerEscalatedRoute(app, ctx);
}

export async function registerDeadlineWatchJobs(ctx: AppContext): Promise<void> {
  registerDeadlineWatchJob(ctx);
}
