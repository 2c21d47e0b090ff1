import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../../platform/http/module.js';
import { actorOf, type Principal } from '../../../platform/http/access.js';
import { AppError, errors } from '../../../platform/http/errors.js';
import { StrictObject, Uuid } from '../../../platform/http/schema.js';
import { todayInVietnam } from '../../../platform/calendar/index.js';
import { psDb, platformTrx } from '../tables.js';
import { indicatorReport, type Scope } from './indicators.js';
import { monthlyReport, parseMonth } from './monthly-report.js';
import { monthlyReportXlsx } from './monthly-xlsx.js';
import { checkPeriod, formatDay, parsePeriod, type Period } from './period.js';
import { publicStats, PUBLIC_DEFINITIONS } from './public-stats.js';
import { rebuildDossierStats } from './rebuild.js';
import { allowedDelayMinutes, syncEnabled } from '../national-sync/settings.js';
import { DateParam, IndicatorsResponse, MonthlyReportResponse, PeriodParam, StatsResponse } from './schemas.js';

const tags = ['public-services: statistics'];
const PROBLEM = { $ref: 'Problem#' };
/** Public figures change with every command, but nobody needs them to the second. */
const PUBLIC_CACHE = 'public, max-age=60';
const STAFF = ['officer', 'agency_admin', 'leader', 'system_admin'] as const;

/** from/to, or a named period, or by default the current month up to today (Vietnam time). */
function periodOf(q: { from?: string | undefined; to?: string | undefined; period?: string | undefined }): Period {
  if (q.period) {
    const named = parsePeriod(q.period);
    if (!named) throw errors.badRequest('invalid_period', 'Kỳ không hợp lệ (YYYY-MM, YYYY-Qn hoặc YYYY).', 'Invalid period (YYYY-MM, YYYY-Qn or YYYY).');
    return named;
  }
  const today = todayInVietnam();
  return checkPeriod({ from: q.from ?? `${today.slice(0, 8)}01`, to: q.to ?? today });
}

const label = (p: Period) => `${formatDay(p.from)} – ${formatDay(p.to)}`;

function isStaff(p: Principal): p is Extract<Principal, { kind: 'user' }> {
  return p.kind === 'user' && (STAFF as readonly string[]).includes(p.role);
}

/** Officers and agency administrators see their own agency's report; leaders and system administrators any. */
function reportAgency(request: FastifyRequest, asked: string | undefined): string | undefined {
  const p = request.principal;
  if (p.kind !== 'user' || p.role === 'leader' || p.role === 'system_admin') return asked;
  if (!p.agencyId) throw errors.forbidden();
  if (asked && asked !== p.agencyId) {
    throw errors.forbidden('Bạn chỉ xem được báo cáo của cơ quan mình.', 'You may only read the report of your own agency.');
  }
  return p.agencyId;
}

export function registerStatsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/public-services/stats',
    {
      config: { access: { public: true, scopes: ['ioc:read'] } },
      schema: {
        tags,
        summary: 'Public statistics of dossiers: received by channel, finished early / on time / late, online and digitisation rates, satisfaction, per agency (no personal data)',
        description: 'Sums of the maintained daily counters over [from, to] (default: this month up to today). Every figure is defined in "definitions".',
        querystring: StrictObject({
          from: Type.Optional(DateParam),
          to: Type.Optional(DateParam),
          period: Type.Optional(PeriodParam),
          agencyId: Type.Optional(Uuid),
          communeCode: Type.Optional(Type.String({ maxLength: 10 })),
          procedureCode: Type.Optional(Type.String({ maxLength: 60 })),
        }),
        response: { 200: StatsResponse, 400: PROBLEM },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const period = periodOf(q);
      const { totals, byAgency } = await publicStats(ctx.db, period, { agencyId: q.agencyId, communeCode: q.communeCode, procedureCode: q.procedureCode });
      reply.header('cache-control', PUBLIC_CACHE);
      return { ...period, label: label(period), totals, byAgency, definitions: PUBLIC_DEFINITIONS };
    },
  );

  app.get(
    '/api/v1/public-services/indicators',
    {
      config: { access: { public: true, scopes: ['ioc:read'] } },
      schema: {
        tags,
        summary: 'Decision 766 indicators with numerator, denominator, ratio and points; public for the province, staff and leaders for an agency, commune or procedure',
        querystring: StrictObject({
          from: Type.Optional(DateParam),
          to: Type.Optional(DateParam),
          period: Type.Optional(PeriodParam),
          scope: Type.Optional(Type.Union([Type.Literal('province'), Type.Literal('agency'), Type.Literal('commune'), Type.Literal('procedure')], { default: 'province' })),
          id: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'agency id, commune code or procedure code' })),
        }),
        response: { 200: IndicatorsResponse, 400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const scope: Scope = q.scope ?? 'province';
      if (scope !== 'province') {
        if (request.principal.kind === 'anonymous') throw errors.unauthenticated();
        if (request.principal.kind === 'user' && !isStaff(request.principal)) throw errors.forbidden();
        if (!q.id) throw errors.badRequest('scope_id_required', 'Cần "id" cho phạm vi này.', '"id" is required for this scope.', [{ field: 'querystring.id', message: { vi: 'Bắt buộc.', en: 'Required.' } }]);
        await checkScopeId(ctx, scope, q.id);
      }
      const period = periodOf(q);
      const report = await indicatorReport(ctx.db, { scope, id: scope === 'province' ? null : q.id }, period, new Date(), {
        syncEnabled: syncEnabled(ctx.config),
        allowedDelayMinutes: allowedDelayMinutes(ctx.config),
      });
      reply.header('cache-control', scope === 'province' ? PUBLIC_CACHE : 'private, no-store');
      return { ...report, label: label(period) };
    },
  );

  app.get(
    '/api/v1/public-services/reports/monthly',
    {
      config: { access: { roles: STAFF } },
      schema: {
        tags,
        summary: 'Monthly dossier report per agency and procedure: carried over + new = finished (early / on time / late) + pending (within time / overdue); JSON or Excel',
        description: 'format=xlsx returns the same rows as an Excel workbook. Officers and agency administrators get their own agency.',
        querystring: StrictObject({
          month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' }),
          agencyId: Type.Optional(Uuid),
          format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('xlsx')], { default: 'json' })),
        }),
        response: { 200: MonthlyReportResponse, 400: PROBLEM, 401: PROBLEM, 403: PROBLEM },
      },
    },
    async (request, reply) => {
      const q = request.query;
      if (!parseMonth(q.month)) throw errors.badRequest('invalid_month', 'Tháng không hợp lệ (YYYY-MM).', 'Invalid month (YYYY-MM).', [{ field: 'querystring.month', message: { vi: 'Tháng không hợp lệ.', en: 'Not a month.' } }]);
      const report = await monthlyReport(ctx.db, q.month, { agencyId: reportAgency(request, q.agencyId) });
      reply.header('cache-control', 'private, no-store');
      if (q.format === 'xlsx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="bao-cao-thang-${q.month}.xlsx"`)
          .send(await monthlyReportXlsx(report));
      }
      return report;
    },
  );

  app.post(
    '/api/v1/public-services/stats/rebuild',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: {
        tags,
        summary: 'Recount the statistics from every dossier, evaluation and payment (after bulk imports or a repair)',
        response: { 200: Type.Object({ rows: Type.Integer({ minimum: 0 }) }), 401: PROBLEM, 403: PROBLEM },
      },
    },
    async (request) =>
      psDb(ctx.db)
        .transaction()
        .execute(async (trx) => {
          const result = await rebuildDossierStats(trx);
          await ctx.audit.record(platformTrx(trx), { actor: actorOf(request), action: 'services.stats.rebuild', targetType: 'dossier_stats', ip: request.ip, requestId: String(request.id), details: { ...result } });
          return result;
        }),
  );
}

async function checkScopeId(ctx: AppContext, scope: Exclude<Scope, 'province'>, id: string): Promise<void> {
  const db = psDb(ctx.db);
  const found =
    scope === 'agency'
      ? /^[0-9a-f-]{36}$/i.test(id) && (await db.selectFrom('agencies').select('id').where('id', '=', id).executeTakeFirst())
      : scope === 'commune'
        ? await db.selectFrom('admin_units').select('code').where('code', '=', id).executeTakeFirst()
        : await db.selectFrom('procedures').select('id').where('code', '=', id).executeTakeFirst();
  if (!found) throw new AppError(404, 'scope_not_found', { vi: 'Không tìm thấy cơ quan, xã hoặc thủ tục này.', en: 'No such agency, commune or procedure.' });
}
