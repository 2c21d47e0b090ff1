import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { StrictObject, Uuid } from '../../../platform/http/schema.js';
import { actorFor } from '../dossiers/access.js';
import { recomputeDeadlines } from './recompute.js';

const tags = ['public-services: deadlines'];
const PROBLEM = { $ref: 'Problem#' };
const Text = Type.Object({ vi: Type.String(), en: Type.String() });

const RecomputeBody = StrictObject({
  dryRun: Type.Boolean({ description: 'true: only list what would move; false: write it' }),
  agencyId: Type.Optional(Uuid),
});

const RecomputeResponse = Type.Object({
  dryRun: Type.Boolean(),
  calendarVersion: Type.Integer({ description: 'the current calendar version the dates are recomputed on' }),
  moved: Type.Array(
    Type.Object({
      id: Uuid,
      code: Type.Union([Type.String(), Type.Null()]),
      fromVersion: Type.Integer(),
      oldDue: Type.String({ format: 'date-time' }),
      newDue: Type.String({ format: 'date-time' }),
      explanation: Text,
    }),
  ),
  unchanged: Type.Integer({ minimum: 0 }),
  skipped: Type.Array(Type.Object({ code: Type.Union([Type.String(), Type.Null()]), reason: Type.String() })),
  failed: Type.Integer({ minimum: 0 }),
});

/** System administrators recompute due dates after a calendar change; nothing else moves them. */
export function registerDeadlineRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/admin/deadlines/recompute',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: {
        tags,
        summary: 'Recompute the due dates of open dossiers on the current calendar version (dry run lists, apply writes with audit, trail and notice)',
        body: RecomputeBody,
        response: { 200: RecomputeResponse, 400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM },
      },
    },
    async (request) =>
      recomputeDeadlines(ctx, { dryRun: request.body.dryRun, agencyId: request.body.agencyId, actor: actorFor(request), ip: request.ip, requestId: String(request.id) }),
  );
}
