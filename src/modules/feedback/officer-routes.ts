import { Type } from 'typebox';
import type { App, AppContext } from '../../platform/http/module.js';
import { requireUser } from '../../platform/http/access.js';
import { errors } from '../../platform/http/errors.js';
import { StrictObject, Uuid } from '../../platform/http/schema.js';
import { feedbackDb } from './tables.js';
import { ActionBody, QueueItem } from './schemas.js';
import { photoUrlsOf, presentPublic, publicReportQuery } from './views.js';
import { applyAction } from './transitions.js';
import { rateReport, reopenReport } from './reporter-actions.js';

const tags = ['feedback'];
const PROBLEM = { $ref: 'Problem#' };
const DUE_SOON_MS = 8 * 3600_000;

export function registerOfficerRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/feedback/queue',
    {
      config: { access: { roles: ['officer', 'agency_admin', 'system_admin'] } },
      schema: { tags, summary: "My agency's open reports, most urgent first", querystring: StrictObject({ agencyId: Type.Optional(Uuid) }), response: { 200: Type.Object({ items: Type.Array(QueueItem) }) } },
    },
    async (request) => {
      const me = requireUser(request);
      const agencyId = me.role === 'system_admin' ? request.query.agencyId : me.agencyId;
      if (!agencyId) throw errors.badRequest('agency_required', 'Chọn cơ quan.', 'Choose an agency.');
      const db = feedbackDb(ctx.db);
      const rows = await publicReportQuery(db)
        .innerJoin('feedback_handling_classes as h', 'h.code', 'r.handling_class')
        .select('h.priority')
        .where('r.agency_id', '=', agencyId)
        .where('r.status', '!=', 'closed')
        .orderBy('h.priority')
        .orderBy('r.due_at')
        .limit(500)
        .execute();
      const photos = await photoUrlsOf(db, rows.map((r) => r.id));
      const now = Date.now();
      return {
        items: rows.map((r) => {
          // Before acceptance the clock that matters is the acceptance deadline.
          const due = new Date(r.status === 'new' ? r.accept_due_at : (r.due_at ?? r.accept_due_at)).getTime();
          return {
            ...presentPublic(r, photos.get(r.id) ?? []),
            priority: r.priority,
            overdue: r.status !== 'resolved' && due < now,
            dueSoon: r.status !== 'resolved' && due >= now && due - now < DUE_SOON_MS,
            acceptDueAt: new Date(r.accept_due_at).toISOString(),
          };
        }),
      };
    },
  );

  app.post(
    '/api/v1/feedback/reports/:id/actions',
    {
      config: { access: { roles: ['officer', 'agency_admin', 'system_admin'] } },
      schema: { tags, summary: 'Accept, refuse, start, resolve, close, transfer or note a report', params: Type.Object({ id: Uuid }), body: ActionBody, response: { 200: Type.Object({ status: Type.String(), outcome: Type.Union([Type.String(), Type.Null()]) }), 400: PROBLEM, 403: PROBLEM, 409: PROBLEM } },
    },
    async (request) => applyAction(ctx, request, request.params.id, request.body),
  );

  app.post(
    '/api/v1/feedback/reports/:id/rating',
    {
      config: { access: { roles: ['citizen', 'business'] } },
      schema: { tags, summary: 'The reporter rates the result (1–5)', params: Type.Object({ id: Uuid }), body: StrictObject({ stars: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 1000 })) }), response: { 204: Type.Null(), 404: PROBLEM, 409: PROBLEM } },
    },
    async (request, reply) => {
      await rateReport(ctx, request, request.params.id, request.body.stars, request.body.comment);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/feedback/reports/:id/reopen',
    {
      config: { access: { roles: ['citizen', 'business'] } },
      schema: { tags, summary: 'The reporter reopens a report that was not really fixed', params: Type.Object({ id: Uuid }), body: StrictObject({ reason: Type.String({ minLength: 3, maxLength: 2000 }) }), response: { 204: Type.Null(), 404: PROBLEM, 409: PROBLEM } },
    },
    async (request, reply) => {
      await reopenReport(ctx, request, request.params.id, request.body.reason);
      return reply.status(204).send(null);
    },
  );
}
