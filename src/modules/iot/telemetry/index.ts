/**
 * The telemetry store (kho dữ liệu đo): raw readings partitioned by month, minute/hour/day rollups kept
 * in the same transaction as the raw insert, latest values, history within a point budget, live
 * streams and CSV export. See README.md.
 */
import type { App, AppContext } from '../../../platform/http/module.js';
import { registerExportRoute } from './export.js';
import { registerTelemetryMaintenanceJob } from './jobs.js';
import { registerLatestRoutes } from './routes.js';
import { registerStreamRoute } from './stream.js';

export { telemetryMigrations } from './migrations.js';
export { storeReadings } from './store.js';
export { latestValues, history, type History, type HistoryPoint, type HistoryQuery, type LatestValue } from './queries.js';
export { runTelemetryMaintenance, TELEMETRY_MAINTENANCE_JOB } from './jobs.js';

export function registerTelemetryRoutes(app: App, ctx: AppContext): void {
  registerLatestRoutes(app, ctx);
  registerStreamRoute(app, ctx);
  registerExportRoute(app, ctx);
}

export async function registerTelemetryJobs(ctx: AppContext): Promise<void> {
  registerTelemetryMaintenanceJob(ctx);
}
