import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { actorOf } from '../../../platform/http/access.js';
import { errors } from '../../../platform/http/errors.js';
import { StrictObject, Uuid } from '../../../platform/http/schema.js';
import { todayInVietnam } from '../../../platform/calendar/index.js';
import { feedbackDb, platformTrx } from '../tables.js';
import { STATS_DEFINITIONS } from './definitions.js';
import { feedbackStats } from './query.js';
import { rebuildFeedbackStats } from './rebuild.js';

const tags = ['feedback'];
const PROBLEM = { $ref: 'Problem#' };
const DEFAULT_DAYS = 30;

const Count = Type.Integer({ minimum: 0 });
const Figures = {
  received: Count,
  accepted: Count,
  resolved: Count,
  resolvedOnTime: Count,
  onTimeRate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
  medianWorkingDays: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  satisfaction: Type.Object({ count: Count, average: Type.Union([Type.Number(), Type.Null()]) }),
  outcomes: Type.Object({ fixed: Count, notFixed: Count, notOurs: Count, duplicate: Count, refused: Count }),
  reopened: Count,
};
const Definitions = Type.Record(Type.String(), Type.String());

const StatsResponse = Type.Object({
  groupBy: Type.String(),
  from: Type.String(),
  to: Type.String(),
  items: Type.Array(Type.Object({ key: Type.String(), name: Type.Union([Type.String(), Type.Object({ vi: Type.String(), en: Type.String() })]), ...Figures })),
  total: Type.Object(Figures),
  definitions: Type.Object({ vi: Definitions, en: Definitions }),
});

const DateParam = Type.String({ format: 'date', description: 'YYYY-MM-DD, Vietnam time, inclusive' });

export function registerStatsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/feedback/stats',
    {
      config: { access: { public: true, scopes: ['open311', 'ioc:read'] } },
      schema: {
        tags,
        summary: 'Public statistics per agency, commune or category, with the definition of every figure (no personal data)',
        description: `Sums of daily counters over [from, to] (default: the last ${DEFAULT_DAYS} days). See "definitions" in the response.`,
        querystring: StrictObject({
          groupBy: Type.Union([Type.Literal('agency'), Type.Literal('commune'), Type.Literal('category')]),
          from: Type.Optional(DateParam),
          to: Type.Optional(DateParam),
          agencyId: Type.Optional(Uuid),
          communeCode: Type.Optional(Type.String({ maxLength: 10 })),
          categoryCode: Type.Optional(Type.String({ maxLength: 60 })),
        }),
        response: { 200: StatsResponse, 400: PROBLEM },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const to = q.to ?? todayInVietnam();
      const from = q.from ?? shiftDays(to, -(DEFAULT_DAYS - 1));
      if (from > to) {
        throw errors.badRequest('invalid_period', '"from" phải trước hoặc bằng "to".', '"from" must not be after "to".', [
          { field: 'querystring.from', message: { vi: 'Ngày bắt đầu sau ngày kết thúc.', en: 'The start is after the end.' } },
        ]);
      }
      const { items, total } = await feedbackStats(feedbackDb(ctx.db), { ...q, from, to });
      reply.header('cache-control', 'public, max-age=60');
      return { groupBy: q.groupBy, from, to, items, total, definitions: STATS_DEFINITIONS };
    },
  );

  app.post(
    '/api/v1/feedback/stats/rebuild',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: {
        tags,
        summary: 'Recompute the statistics from every report and its timeline (after bulk imports or a repair)',
        response: { 200: Type.Object({ reports: Count, rows: Count }), 403: PROBLEM },
      },
    },
    async (request) =>
      feedbackDb(ctx.db)
        .transaction()
        .execute(async (trx) => {
          const result = await rebuildFeedbackStats(trx);
          await ctx.audit.record(platformTrx(trx), { actor: actorOf(request), action: 'feedback.stats.rebuild', targetType: 'feedback_stats', ip: request.ip, requestId: String(request.id), details: { ...result } });
          return result;
        }),
  );
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
