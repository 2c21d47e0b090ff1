import { Type } from 'typebox';
import { requireUser } from '../../../platform/http/access.js';
import type { App, AppContext } from '../../../platform/http/module.js';
import { feedbackDb } from '../tables.js';
import { EscalatedItem, EscalatedQuery, listEscalated } from './escalated-list.js';

const PROBLEM = { $ref: 'Problem#' };

export function registerEscalatedRoute(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/feedback/escalated',
    {
      config: { access: { roles: ['officer', 'agency_admin', 'leader', 'system_admin'] } },
      schema: {
        tags: ['feedback'],
        summary: 'Overdue reports escalated to my agency (the supervising agency), most overdue first',
        querystring: EscalatedQuery,
        response: { 200: Type.Object({ items: Type.Array(EscalatedItem), nextCursor: Type.Union([Type.String(), Type.Null()]) }), 400: PROBLEM, 403: PROBLEM },
      },
    },
    async (request) => listEscalated(feedbackDb(ctx.db), requireUser(request), request.query),
  );
}
