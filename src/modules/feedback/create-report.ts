import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.js';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/http/module.js';
import { actorOf } from '../../platform/http/access.js';
import { AppError, errors } from '../../platform/http/errors.js';
import { storeUpload } from '../../platform/files/file-service.js';
import { toSearchText } from '../../platform/search/search-text.js';
import { feedbackDb, platformTrx, type FeedbackTrx } from './tables.js';
import { agencyFor, communeOf } from './routing.js';
import { reportDeadlines } from './deadlines.js';
import { checkAttributes } from './attributes.js';
import type { NewReport } from './schemas.js';
import { countReceived } from './stats/record.js';
import { autoFollowReporter } from './subscriptions/index.js';
import { checkPetition, recordPetition } from './procedure-petitions/index.js';

export const MAX_PHOTOS = 5;

export interface Photo {
  buffer: Buffer;
  filename: string;
}

export interface CreatedReport {
  id: string;
  trackingCode: string;
  status: string;
  dueAt: string;
  agency: { id: string; name: string };
  commune: { code: string; name: string };
}

/**
 * Receives a report: checks the category and its attributes, finds the commune and the responsible
 * agency, computes the deadlines, then writes the report, its photos, the first timeline entry and
 * the audit record in one transaction.
 */
export async function createReport(ctx: AppContext, request: FastifyRequest, input: NewReport, photos: Photo[], source: 'web' | 'open311' = 'web', extra: { mediaUrls?: string[]; inTransaction?: (trx: Transaction<Database>, created: CreatedReport) => Promise<void> } = {}): Promise<CreatedReport> {
  if (photos.length > MAX_PHOTOS) throw errors.badRequest('too_many_photos', `Tối đa ${MAX_PHOTOS} ảnh.`, `At most ${MAX_PHOTOS} photos.`);
  const db = feedbackDb(ctx.db);
  const category = await db.selectFrom('feedback_categories').selectAll().where('code', '=', input.categoryCode).where('active', '=', true).executeTakeFirst();
  if (!category) {
    throw errors.badRequest('unknown_category', 'Lĩnh vực phản ánh không tồn tại.', 'No such report category.', [
      { field: 'body.categoryCode', message: { vi: 'Chọn một lĩnh vực trong danh sách.', en: 'Choose a category from the list.' } },
    ]);
  }
  const attributes = await checkAttributes(db, category.code, input.attributes ?? {});
  const petition = await checkPetition(ctx.db, category.code, attributes);
  const communeCode = await communeOf(ctx.db, input.lat, input.lng);
  const cls = await db.selectFrom('feedback_handling_classes').selectAll().where('code', '=', category.handling_class).executeTakeFirstOrThrow();
  const now = new Date();
  const deadlines = await reportDeadlines(ctx.db, cls, now);
  const principal = request.principal;
  const reporter = principal.kind === 'user' ? principal : null;
  const name = input.contact?.name ?? reporter?.fullName ?? null;

  return db.transaction().execute(async (trx) => {
    const agencyId = await agencyFor(trx, category, communeCode);
    const trackingCode = await nextTrackingCode(trx, now);
    const row = await trx
      .insertInto('feedback_reports')
      .values({
        tracking_code: trackingCode,
        category_code: category.code,
        description: input.description,
        lat: input.lat,
        lng: input.lng,
        address: input.address ?? null,
        commune_code: communeCode,
        agency_id: agencyId,
        status: 'new',
        outcome: null,
        outcome_reason: null,
        handling_class: cls.code,
        attributes: JSON.stringify(attributes),
        reporter_user_id: reporter?.id ?? null,
        reporter_name: name,
        reporter_email: input.contact?.email ?? reporter?.email ?? null,
        reporter_phone: input.contact?.phone ?? null,
        hide_name: input.hideName ?? false,
        source,
        open311_token: null,
        media_urls: extra.mediaUrls?.length ? extra.mediaUrls : null,
        duplicate_of: null,
        transferred_to: null,
        result_text: null,
        rating_stars: null,
        rating_comment: null,
        accept_due_at: deadlines.acceptDueAt,
        due_at: deadlines.dueAt,
        calendar_version: deadlines.calendarVersion,
        accepted_at: null,
        resolved_at: null,
        closed_at: null,
        rated_at: null,
        hidden_reason: null,
        search_text: toSearchText(input.description, input.address, trackingCode),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, photo] of photos.entries()) {
      const stored = await storeUpload(ctx, platformTrx(trx), { buffer: photo.buffer, filename: photo.filename, ownerUserId: reporter?.id ?? null, purpose: 'image', actor: actorOf(request), ip: request.ip, requestId: String(request.id) });
      await trx.insertInto('feedback_report_photos').values({ report_id: row.id, file_id: stored.id, kind: 'report', sort_order: i, hidden_reason: null }).execute();
    }
    if (petition) await recordPetition(platformTrx(trx), row.id, petition, { userId: reporter?.id ?? null, email: reporter?.email ?? input.contact?.email ?? null, phone: input.contact?.phone ?? null }, now);
    await countReceived(trx, { agency_id: agencyId, commune_code: communeCode, category_code: category.code, created_at: now });
    await trx.insertInto('feedback_report_events').values({ report_id: row.id, kind: 'received', public: true, actor_user_id: reporter?.id ?? null, actor_label: 'reporter', agency_id: agencyId, data: JSON.stringify({ source, agencyId }) }).execute();
    // The reporter hears about their own report (web only: an Open311 client keeps its own alerts).
    if (source === 'web') await autoFollowReporter(trx, ctx, { id: row.id, trackingCode, categoryVi: category.name_vi, categoryEn: category.name_en }, { userId: reporter?.id ?? null, email: reporter?.email ?? input.contact?.email ?? null });
    await ctx.audit.record(platformTrx(trx), { actor: actorOf(request), action: 'feedback.report.create', targetType: 'feedback_report', targetId: row.id, subjectUserId: reporter?.id ?? null, ip: request.ip, requestId: String(request.id), details: { trackingCode, categoryCode: category.code, agencyId } });
    const agency = await trx.selectFrom('agencies').select(['id', 'name']).where('id', '=', agencyId).executeTakeFirstOrThrow();
    const commune = await trx.selectFrom('admin_units').select(['code', 'name']).where('code', '=', communeCode).executeTakeFirstOrThrow();
    const created = { id: row.id, trackingCode, status: 'new', dueAt: deadlines.dueAt.toISOString(), agency, commune };
    await extra.inTransaction?.(platformTrx(trx), created);
    return created;
  });
}

/** `PA-26-000123`: short enough to read out on the phone; the sequence never repeats a number. */
async function nextTrackingCode(trx: FeedbackTrx, now: Date): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval('feedback_tracking_seq') as n`.execute(trx);
  const year = String(now.getUTCFullYear()).slice(2);
  return `PA-${year}-${String(rows[0]!.n).padStart(6, '0')}`;
}

export function outsideProvince(error: unknown): boolean {
  return error instanceof AppError && error.code === 'outside_province';
}
