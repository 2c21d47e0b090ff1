import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { Uuid } from '../../../platform/http/schema.js';
import { moderate } from './moderate.js';
import { mergeReport } from './merge.js';
import { MergeBody, MergeResult, ModerationBody, ModerationResult } from './schemas.js';

/** Hiding offensive text or photos (kept and audited) and merging duplicate reports. */
export { moderationMigrations } from './migrations.js';

const tags = ['feedback'];
const PROBLEM = { $ref: 'Problem#' };
const STAFF = { roles: ['officer', 'agency_admin', 'system_admin'] } as const;

export function registerModerationRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/feedback/reports/:id/moderation',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Hide or show again the description, result text, rating comment or a photo (kept and audited)',
        description: 'Officers and agency admins of the handling agency, and system admins. `reason` is required when hiding; the public then sees a placeholder (or no photo), the agency and the reporter see the original with the reason.',
        params: Type.Object({ id: Uuid }),
        body: ModerationBody,
        response: { 200: ModerationResult, 400: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM },
      },
    },
    async (request) => moderate(ctx, request, request.params.id, request.body),
  );

  app.post(
    '/api/v1/feedback/reports/:id/merge',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Merge a duplicate into an open report: closes it as a duplicate and carries followers and photos over',
        params: Type.Object({ id: Uuid }),
        body: MergeBody,
        response: { 200: MergeResult, 400: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM },
      },
    },
    async (request) => mergeReport(ctx, request, request.params.id, request.body),
  );
}
