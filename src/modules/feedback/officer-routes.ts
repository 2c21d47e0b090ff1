import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import type { App, AppContext } from '../../platform/http/module.js';
import { requireUser } from '../../platform/http/access.js';
import { errors } from '../../platform/http/errors.js';
import { StrictObject, Uuid } from '../../platform/http/schema.js';
import { Handling, QueueCounts, QueueItem, QueueQuery, StaffRef } from './schemas.js';
import { applyAction } from './transitions.js';
import { rateReport, reopenReport } from './reporter-actions.js';
import { MAX_PHOTOS } from './create-report.js';
import { readActionRequest } from './action-request.js';
import { queueCounts, queuePage } from './queue.js';
import { assignableStaff } from './assignment.js';
import { reportHandling } from './handling.js';

const tags = ['feedback'];
const PROBLEM = { $ref: 'Problem#' };
/** Handlers act; leaders (lãnh đạo) only read, across agencies. */
const HANDLERS = ['officer', 'agency_admin', 'system_admin'] as const;
const READERS = ['officer', 'agency_admin', 'leader', 'system_admin'] as const;

export function registerOfficerRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/feedback/queue',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags,
        summary: "Open reports, most urgent first: my agency's, or (leaders, system admins) any agency's or the province's",
        querystring: QueueQuery,
        response: { 200: Type.Object({ items: Type.Array(QueueItem), nextCursor: Type.Union([Type.String(), Type.Null()]) }), 400: PROBLEM, 403: PROBLEM },
      },
    },
    async (request) => queuePage(ctx, requireUser(request), request.query),
  );

  app.get(
    '/api/v1/feedback/queue/counts',
    {
      config: { access: { roles: READERS } },
      schema: { tags, summary: 'Open, due today, overdue, unassigned and mine, for the same scope as the queue', querystring: StrictObject({ agencyId: Type.Optional(Uuid) }), response: { 200: QueueCounts, 400: PROBLEM, 403: PROBLEM } },
    },
    async (request) => queueCounts(ctx, requireUser(request), request.query.agencyId),
  );

  app.get(
    '/api/v1/feedback/assignees',
    {
      config: { access: { roles: HANDLERS } },
      schema: { tags, summary: 'Staff a report of my agency can be assigned to (id and name only)', querystring: StrictObject({ agencyId: Type.Optional(Uuid) }), response: { 200: Type.Object({ items: Type.Array(StaffRef) }), 400: PROBLEM } },
    },
    async (request) => {
      const me = requireUser(request);
      const agencyId = me.role === 'system_admin' ? request.query.agencyId : me.agencyId;
      if (!agencyId) throw errors.badRequest('agency_required', 'Chọn cơ quan.', 'Choose an agency.');
      return { items: await assignableStaff(ctx, agencyId) };
    },
  );

  app.get(
    '/api/v1/feedback/reports/:id/handling',
    {
      config: { access: { roles: READERS } },
      schema: { tags, summary: 'Who handles the report inside its agency, and what I may do at the desk', params: Type.Object({ id: Uuid }), response: { 200: Handling, 403: PROBLEM, 404: PROBLEM } },
    },
    async (request) => reportHandling(ctx, requireUser(request), request.params.id),
  );

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { files: MAX_PHOTOS, fileSize: ctx.config.maxUploadBytes, fields: 5, fieldSize: 64 * 1024, parts: MAX_PHOTOS + 5 } });
    scope.post(
      '/api/v1/feedback/reports/:id/actions',
      {
        config: { access: { roles: HANDLERS } },
        schema: {
          tags,
          summary: 'Accept, refuse, start, resolve, close, transfer, note, assign or unassign a report',
          description:
            'JSON with the shape of ActionBody: action, reason?, resultText?, outcome?, agencyId?, duplicateOf?, note?, assigneeId?. ' +
            'A result may come as multipart: the JSON in an "action" field and up to 5 "photos" (stored re-encoded, without metadata).',
          params: Type.Object({ id: Uuid }),
          response: { 200: Type.Object({ status: Type.String(), outcome: Type.Union([Type.String(), Type.Null()]) }), 400: PROBLEM, 403: PROBLEM, 409: PROBLEM, 413: PROBLEM, 415: PROBLEM },
        },
      },
      async (request) => {
        const { action, photos } = await readActionRequest(ctx, request);
        return applyAction(ctx, request, (request.params as { id: string }).id, action, photos);
      },
    );
  });

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
