import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/http/module.js';
import { actorOf } from '../../platform/http/access.js';
import { errors } from '../../platform/http/errors.js';
import { feedbackDb } from './tables.js';
import { photoUrlsOf, presentPublic, publicReportQuery } from './views.js';
import { canRate, canReopen } from './reporter-actions.js';
import { moderationOf, withModeration } from './moderation/visibility.js';
import type { ModeratedReportDetailT } from './moderation/schemas.js';

/**
 * One report with its timeline. The reporter and the handling agency's staff also see the contact
 * details and internal notes; staff reading a reporter's contact is recorded in the audit trail.
 */
export async function reportDetail(ctx: AppContext, request: FastifyRequest, key: { id: string } | { trackingCode: string }): Promise<ModeratedReportDetailT> {
  const db = feedbackDb(ctx.db);
  let query = publicReportQuery(db).select(['r.reporter_user_id', 'r.reporter_email', 'r.reporter_phone', 'r.result_text', 'r.rating_stars', 'r.rating_comment', 'r.resolved_at', 'r.closed_at']);
  query = 'id' in key ? query.where('r.id', '=', key.id) : query.where('r.tracking_code', '=', key.trackingCode);
  const row = await query.executeTakeFirst();
  if (!row) throw errors.notFound('Không tìm thấy phản ánh.', 'No such report.');
  const p = request.principal;
  const isReporter = p.kind === 'user' && row.reporter_user_id === p.id;
  const isHandler = p.kind === 'user' && (p.role === 'system_admin' || (p.agencyId === row.agency_id && ['officer', 'agency_admin'].includes(p.role)));
  const events = await db
    .selectFrom('feedback_report_events')
    .select(['id', 'at', 'kind', 'actor_label', 'data', 'public'])
    .where('report_id', '=', row.id)
    .$if(!isHandler, (q) => q.where('public', '=', true))
    .orderBy('id')
    .execute();
  const [photos, resultPhotos] = await Promise.all([photoUrlsOf(db, [row.id]), photoUrlsOf(db, [row.id], 'result')]);
  if (isHandler && !isReporter && (row.reporter_user_id || row.reporter_name || row.reporter_email || row.reporter_phone)) {
    await ctx.audit.recordAlone({
      actor: actorOf(request),
      action: 'feedback.report.read_contact',
      targetType: 'feedback_report',
      targetId: row.id,
      subjectUserId: row.reporter_user_id,
      purpose: 'xử lý phản ánh / handling the report',
      ip: request.ip,
      requestId: String(request.id),
    });
  }
  const detail = {
    ...presentPublic(row, photos.get(row.id) ?? []),
    timeline: events.map((e) => ({
      // Lets moderation find hidden entries; not in the response schema, so not sent.
      id: String(e.id),
      at: new Date(e.at).toISOString(),
      kind: e.kind,
      // Officers' names are public; a reporter is only ever "reporter".
      actorLabel: e.actor_label,
      data: e.data,
    })),
    result: row.result_text ? { text: row.result_text, photoUrls: resultPhotos.get(row.id) ?? [] } : null,
    rating: row.rating_stars ? { stars: row.rating_stars, comment: row.rating_comment } : null,
    canRate: isReporter && canRate({ status: row.status, outcome: row.outcome, resolved_at: row.resolved_at, closed_at: row.closed_at, rating_stars: row.rating_stars }),
    canReopen: isReporter && canReopen({ status: row.status, outcome: row.outcome, resolved_at: row.resolved_at, closed_at: row.closed_at, rating_stars: row.rating_stars }),
    reporter: isReporter || isHandler ? { name: row.reporter_name, phone: row.reporter_phone, email: row.reporter_email } : null,
  };
  // Hidden content: placeholders for the public, the original with the reason for agency and reporter.
  return withModeration(detail, await moderationOf(ctx.db, row.id), isReporter || isHandler, row.description);
}
