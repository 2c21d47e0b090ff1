import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/http/module.js';
import { actorOf, requireUser } from '../../platform/http/access.js';
import { AppError, errors } from '../../platform/http/errors.js';
import type { Selectable } from 'kysely';
import { feedbackDb, platformTrx, type FeedbackTrx, type ReportTable } from './tables.js';
import { countRating, countTransition } from './stats/record.js';
import { restartedDeadlines } from './deadlines.js';

/** How long after a result the reporter may say "not fixed" and reopen the report. */
export const REOPEN_WINDOW_DAYS = Number(process.env.FEEDBACK_REOPEN_DAYS ?? 7);

interface ReporterView {
  status: string;
  outcome: string | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  rating_stars: number | null;
}

export function canRate(r: ReporterView): boolean {
  return r.rating_stars === null && (r.status === 'resolved' || (r.status === 'closed' && r.outcome !== 'duplicate'));
}

export function canReopen(r: ReporterView, now = new Date()): boolean {
  const since = r.status === 'resolved' ? r.resolved_at : r.status === 'closed' && r.outcome === 'fixed' ? r.closed_at : null;
  return since !== null && now.getTime() - new Date(since).getTime() <= REOPEN_WINDOW_DAYS * 86_400_000;
}

type OwnReport = Selectable<ReportTable>;

/** Runs `change` in one transaction on the caller's own report, locked; anyone else's is "not found". */
async function onOwnReport(ctx: AppContext, request: FastifyRequest, reportId: string, change: (trx: FeedbackTrx, report: OwnReport, now: Date) => Promise<void>): Promise<void> {
  const me = requireUser(request);
  await feedbackDb(ctx.db).transaction().execute(async (trx) => {
    const report = await trx.selectFrom('feedback_reports').selectAll().where('id', '=', reportId).forUpdate().executeTakeFirst();
    if (!report || report.reporter_user_id !== me.id) throw errors.notFound('Không tìm thấy phản ánh của bạn.', 'No such report of yours.');
    await change(trx, report, new Date());
  });
}

const reporterEvent = (reportId: string, userId: string, at: Date, kind: string, data: Record<string, unknown>) => ({ report_id: reportId, at, kind, public: true, actor_user_id: userId, actor_label: 'reporter', agency_id: null, data: JSON.stringify(data) });

/** The reporter rates the result 1–5; the rating feeds the agency's statistics. */
export async function rateReport(ctx: AppContext, request: FastifyRequest, reportId: string, stars: number, comment: string | undefined): Promise<void> {
  await onOwnReport(ctx, request, reportId, async (trx, report, now) => {
    if (!canRate(report)) throw new AppError(409, 'cannot_rate', { vi: 'Chỉ đánh giá được một lần, sau khi có kết quả.', en: 'You can rate once, after there is a result.' });
    await trx.updateTable('feedback_reports').set({ rating_stars: stars, rating_comment: comment ?? null, rated_at: now, updated_at: now }).where('id', '=', reportId).execute();
    await trx.insertInto('feedback_report_events').values(reporterEvent(reportId, requireUser(request).id, now, 'rated', { stars })).execute();
    await countRating(trx, report, stars, now);
    await ctx.audit.record(platformTrx(trx), { actor: actorOf(request), action: 'feedback.report.rate', targetType: 'feedback_report', targetId: reportId, ip: request.ip, requestId: String(request.id), details: { stars } });
  });
}

/** "Not fixed": the report goes back into the agency's queue, in progress, with the reason on the timeline. */
export async function reopenReport(ctx: AppContext, request: FastifyRequest, reportId: string, reason: string): Promise<void> {
  await onOwnReport(ctx, request, reportId, async (trx, report, now) => {
    if (!canReopen(report)) {
      throw new AppError(409, 'cannot_reopen', {
        vi: `Chỉ mở lại được trong ${REOPEN_WINDOW_DAYS} ngày sau khi có kết quả.`,
        en: `A report can be reopened within ${REOPEN_WINDOW_DAYS} days of its result.`,
      });
    }
    // The agency gets a new resolution period from now; the first result's lateness is already counted.
    const fresh = await restartedDeadlines(trx, report, now);
    await trx
      .updateTable('feedback_reports')
      .set({ status: 'in_progress', outcome: null, outcome_reason: null, closed_at: null, resolved_at: null, due_at: fresh.dueAt, reopen_count: report.reopen_count + 1, updated_at: now })
      .where('id', '=', reportId)
      .execute();
    await trx.insertInto('feedback_report_events').values(reporterEvent(reportId, requireUser(request).id, now, 'reopened', { reason })).execute();
    await countTransition(trx, report, { ...report, status: 'in_progress', outcome: null, due_at: fresh.dueAt }, now);
    await ctx.audit.record(platformTrx(trx), { actor: actorOf(request), action: 'feedback.report.reopen', targetType: 'feedback_report', targetId: reportId, ip: request.ip, requestId: String(request.id) });
  });
}
