import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { syncStatus } from './status.js';

const tags = ['public-services: national sync'];
const PROBLEM = { $ref: 'Problem#' };
const Count = Type.Integer({ minimum: 0 });

const StatusResponse = Type.Object({
  enabled: Type.Boolean({ description: 'false when NATIONAL_PORTAL_URL or NATIONAL_PORTAL_TOKEN is unset: nothing is queued' }),
  pending: Count,
  delivered: Count,
  dead: Type.Integer({ minimum: 0, description: 'updates that failed NATIONAL_SYNC_MAX_ATTEMPTS times; they hold back their dossier’s later updates' }),
  oldestPendingSeconds: Type.Union([Count, Type.Null()]),
  lastReconciliation: Type.Union([
    Type.Object({ at: Type.String({ format: 'date-time' }), dossiersChecked: Count, requeued: Count, error: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
});

/** System administrators watch the national sync; nobody else sees it. */
export function registerNationalSyncRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/admin/national-sync/status',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: {
        tags,
        summary: 'National portal sync: updates pending, delivered and dead, the oldest pending age and the last reconciliation',
        response: { 200: StatusResponse, 401: PROBLEM, 403: PROBLEM },
      },
    },
    async () => syncStatus(ctx),
  );
}
