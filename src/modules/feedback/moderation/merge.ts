import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/http/module.js';
import { actorOf, requireUser, type UserPrincipal } from '../../../platform/http/access.js';
import { AppError, errors } from '../../../platform/http/errors.js';
import { notifyUser } from '../../../platform/notifications/inbox.js';
import { feedbackDb, platformTrx, type FeedbackTrx } from '../tables.js';
import { countTransition } from '../stats/record.js';
import { carryFollowers } from './followers.js';
import { handlesReport } from './visibility.js';
import type { MergeInput } from './schemas.js';

const STATS_COLUMNS = ['status', 'outcome', 'agency_id', 'commune_code', 'category_code', 'created_at', 'due_at', 'calendar_version'] as const;

async function lockPair(trx: FeedbackTrx, duplicateId: string, intoCode: string) {
  const target = await trx.selectFrom('feedback_reports').select('id').where('tracking_code', '=', intoCode).executeTakeFirst();
  const ids = target ? [duplicateId, target.id] : [duplicateId];
  // Both rows locked in id order, so two merges crossing each other wait instead of deadlocking.
  const rows = await trx
    .selectFrom('feedback_reports')
    .select(['id', 'tracking_code', 'status', 'agency_id', 'duplicate_of', 'reporter_user_id', 'media_urls'])
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  return { duplicate: rows.find((r) => r.id === duplicateId), target: target ? rows.find((r) => r.id === target.id) : undefined };
}

type Locked = NonNullable<Awaited<ReturnType<typeof lockPair>>['duplicate']>;

function check(me: UserPrincipal, duplicate: Locked | undefined, target: Locked | undefined, intoCode: string): asserts duplicate is Locked {
  if (!duplicate) throw errors.notFound('Không tìm thấy phản ánh.', 'No such report.');
  if (!handlesReport(me, duplicate.agency_id)) throw errors.forbidden('Phản ánh này không thuộc cơ quan của bạn.', 'This report is not with your agency.');
  if (!target) throw errors.unprocessable('merge_target_not_found', `Không tìm thấy phản ánh ${intoCode}.`, `No report ${intoCode}.`, [{ field: 'body.intoTrackingCode', message: { vi: 'Không tìm thấy mã phản ánh này.', en: 'No report with this tracking code.' } }]);
  if (target.id === duplicate.id) throw errors.badRequest('merge_into_self', 'Không thể gộp phản ánh vào chính nó.', 'A report cannot be merged into itself.', [{ field: 'body.intoTrackingCode', message: { vi: 'Chọn một phản ánh khác.', en: 'Choose another report.' } }]);
  if (duplicate.status === 'closed') throw new AppError(409, 'already_closed', { vi: 'Phản ánh đã đóng, không gộp được.', en: 'The report is closed and cannot be merged.' });
  if (target.status === 'closed' || target.duplicate_of !== null) {
    throw new AppError(409, 'merge_target_closed', { vi: `Phản ánh ${target.tracking_code} đã đóng hoặc là bản trùng; hãy gộp vào phản ánh gốc đang mở.`, en: `${target.tracking_code} is closed or itself a duplicate; merge into the open original.` });
  }
  if (!handlesReport(me, target.agency_id)) throw errors.forbidden(`Phản ánh ${target.tracking_code} không thuộc cơ quan của bạn.`, `${target.tracking_code} is not with your agency.`);
}

/** Appends the duplicate's own photos after the target's, same files, keeping their moderation. */
async function carryPhotos(trx: FeedbackTrx, fromId: string, toId: string): Promise<number> {
  const photos = await trx.selectFrom('feedback_report_photos').select(['file_id', 'hidden_reason']).where('report_id', '=', fromId).where('kind', '=', 'report').orderBy('sort_order').execute();
  if (photos.length === 0) return 0;
  const last = await trx.selectFrom('feedback_report_photos').select((eb) => eb.fn.max('sort_order').as('max')).where('report_id', '=', toId).where('kind', '=', 'report').executeTakeFirst();
  const start = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
  const inserted = await trx
    .insertInto('feedback_report_photos')
    .values(photos.map((p, i) => ({ report_id: toId, file_id: p.file_id, kind: 'report' as const, sort_order: start + i, hidden_reason: p.hidden_reason })))
    .onConflict((oc) => oc.columns(['report_id', 'file_id']).doNothing())
    .returning('file_id')
    .execute();
  return inserted.length;
}

/**
 * Gộp phản ánh trùng: closes the report as a duplicate of an open original and carries its followers
 * (and its reporter), photos and Open311 media addresses over, with timeline events on both, the
 * closing counted in the statistics and audit records, all in one transaction.
 */
export async function mergeReport(ctx: AppContext, request: FastifyRequest, duplicateId: string, input: MergeInput) {
  const me = requireUser(request);
  const intoCode = input.intoTrackingCode.toUpperCase();
  return feedbackDb(ctx.db).transaction().execute(async (trx) => {
    const { duplicate, target } = await lockPair(trx, duplicateId, intoCode);
    check(me, duplicate, target, intoCode);
    const into = target!;
    const now = new Date();
    const lastEvent = await trx.selectFrom('feedback_report_events').select((eb) => eb.fn.max('id').as('id')).where('report_id', '=', into.id).executeTakeFirst();
    const followersMoved = await carryFollowers(trx, duplicate, into.id, String(lastEvent?.id ?? 0));
    const photosAdded = await carryPhotos(trx, duplicate.id, into.id);
    const media = [...new Set([...(into.media_urls ?? []), ...(duplicate.media_urls ?? [])])];
    await trx.updateTable('feedback_reports').set({ updated_at: now, ...(media.length > (into.media_urls ?? []).length ? { media_urls: media } : {}) }).where('id', '=', into.id).execute();
    // Earlier duplicates of this one now point at the original, so no chain of duplicates forms.
    await trx.updateTable('feedback_reports').set({ duplicate_of: into.id }).where('duplicate_of', '=', duplicate.id).execute();
    const updated = await trx
      .updateTable('feedback_reports')
      .set({ status: 'closed', outcome: 'duplicate', outcome_reason: input.reason ?? null, closed_at: now, duplicate_of: into.id, updated_at: now })
      .where('id', '=', duplicate.id)
      .returning([...STATS_COLUMNS])
      .executeTakeFirstOrThrow();
    // A 'close' event with the outcome: the statistics rebuild and Open311 updates read it as any close.
    const closeData = { outcome: 'duplicate', reason: input.reason ?? null, duplicateOf: into.tracking_code, mergedInto: into.tracking_code };
    await trx.insertInto('feedback_report_events').values({ report_id: duplicate.id, at: now, kind: 'close', public: true, actor_user_id: me.id, actor_label: me.fullName, agency_id: me.agencyId, data: JSON.stringify(closeData) }).execute();
    const hereData = { mergedFrom: duplicate.tracking_code, reason: input.reason ?? null, photosAdded };
    await trx.insertInto('feedback_report_events').values({ report_id: into.id, at: now, kind: 'merged_in', public: true, actor_user_id: me.id, actor_label: me.fullName, agency_id: me.agencyId, data: JSON.stringify(hereData) }).execute();
    await countTransition(trx, duplicate, updated, now);
    const audit = { actor: actorOf(request), targetType: 'feedback_report', ip: request.ip, requestId: String(request.id) };
    await ctx.audit.record(platformTrx(trx), { ...audit, action: 'feedback.report.merge', targetId: duplicate.id, details: { trackingCode: duplicate.tracking_code, into: into.tracking_code, reason: input.reason ?? null, followersMoved, photosAdded } });
    await ctx.audit.record(platformTrx(trx), { ...audit, action: 'feedback.report.merged_in', targetId: into.id, details: { trackingCode: into.tracking_code, from: duplicate.tracking_code } });
    if (duplicate.reporter_user_id) {
      await notifyUser(platformTrx(trx), ctx, {
        userId: duplicate.reporter_user_id,
        category: 'feedback',
        title: { vi: `Phản ánh ${duplicate.tracking_code} đã được gộp`, en: `Report ${duplicate.tracking_code} was merged` },
        body: { vi: `Phản ánh của bạn trùng với ${into.tracking_code} và được theo dõi tiếp tại đó.`, en: `Your report duplicates ${into.tracking_code}; follow it there.` },
        link: `/phan-anh/${into.tracking_code}`,
      });
    }
    return { status: updated.status, outcome: 'duplicate', duplicateOf: into.tracking_code, followersMoved, photosAdded };
  });
}
