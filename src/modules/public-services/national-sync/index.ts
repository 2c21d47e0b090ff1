/**
 * The national portal sync (đồng bộ Cổng Dịch vụ công quốc gia): an outbox written with every
 * status change of a received dossier, a delivery job, a reconciliation job, indicator 1.4.
 */
export { nationalSyncMigrations } from './migrations.js';
export { queueSyncUpdate } from './queue.js';
export { deliverDue, retryDelayMs, type DeliveryResult } from './deliver.js';
export { reconcile, type ReconcileResult } from './reconcile.js';
export { syncHealth, type SyncHealthOptions } from './health.js';
export { syncStatus, type SyncStatus } from './status.js';
export { httpPortalClient, type NationalPortalClient } from './client.js';
export { registerNationalSyncJobs, SYNC_DELIVERY_JOB, SYNC_RECONCILE_JOB } from './jobs.js';
export { registerNationalSyncRoutes } from './routes.js';
export { allowedDelayMinutes, syncEnabled } from './settings.js';
