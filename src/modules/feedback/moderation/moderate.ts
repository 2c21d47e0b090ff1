import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/http/module.js';
import { actorOf, requireUser } from '../../../platform/http/access.js';
import { errors } from '../../../platform/http/errors.js';
import { feedbackDb, platformTrx } from '../tables.js';
import { moderationTrx, type ModerationTrx } from './tables.js';
import { eventText, handlesReport } from './visibility.js';
import type { ModerationInput, ModerationTarget } from './schemas.js';

const need = (field: string, vi: string, en: string) => errors.badRequest('missing_field', vi, en, [{ field: `body.${field}`, message: { vi, en } }]);

type ReportColumn = 'hidden_reason' | 'result_hidden_reason' | 'rating_comment_hidden_reason';
type TextTarget = Exclude<ModerationTarget, 'photo' | 'event'>;
const COLUMN: Record<TextTarget, ReportColumn> = {
  description: 'hidden_reason',
  result_text: 'result_hidden_reason',
  rating_comment: 'rating_comment_hidden_reason',
};

function checkInput(input: ModerationInput, target: ModerationTarget): void {
  if (input.hidden && !input.reason) throw need('reason', 'Cần nêu lý do ẩn nội dung.', 'A reason is required to hide content.');
  if (target === 'photo' && !input.fileId) throw need('fileId', 'Cần chọn ảnh.', 'Choose the photo (fileId).');
  if (target === 'event' && !input.eventId) throw need('eventId', 'Cần chọn mục trong quá trình xử lý.', 'Choose the timeline entry (eventId).');
  if (target !== 'photo' && input.fileId) throw errors.badRequest('unexpected_field', 'Chỉ dùng fileId khi ẩn ảnh.', 'fileId is only for target "photo".', [{ field: 'body.fileId', message: { vi: 'Chỉ dùng khi ẩn ảnh.', en: 'Only for photos.' } }]);
  if (target !== 'event' && input.eventId) throw errors.badRequest('unexpected_field', 'Chỉ dùng eventId khi ẩn một mục của quá trình xử lý.', 'eventId is only for target "event".', [{ field: 'body.eventId', message: { vi: 'Chỉ dùng cho mục của quá trình xử lý.', en: 'Only for timeline entries.' } }]);
}

/**
 * Hides (or shows again) the description, the result text, the rating comment, one photo or the free
 * text of one public timeline entry of a report. Nothing is deleted: the column holds the reason while hidden. Each change is an internal
 * timeline event and an audit record; asking for the state it is already in changes nothing.
 */
export async function moderate(ctx: AppContext, request: FastifyRequest, reportId: string, input: ModerationInput): Promise<{ target: ModerationTarget; fileId: string | null; eventId: string | null; hidden: boolean; changed: boolean }> {
  const me = requireUser(request);
  const target = input.target ?? 'description';
  checkInput(input, target);
  const fileId = target === 'photo' ? input.fileId! : null;
  const eventId = target === 'event' ? input.eventId! : null;
  const reason = input.hidden ? input.reason! : null;
  return feedbackDb(ctx.db).transaction().execute(async (ftrx) => {
    const trx = moderationTrx(ftrx);
    const report = await trx
      .selectFrom('feedback_reports')
      .select(['id', 'agency_id', 'tracking_code', 'hidden_reason', 'result_hidden_reason', 'rating_comment_hidden_reason', 'result_text', 'rating_comment'])
      .where('id', '=', reportId)
      .forUpdate()
      .executeTakeFirst();
    if (!report) throw errors.notFound('Không tìm thấy phản ánh.', 'No such report.');
    if (!handlesReport(me, report.agency_id)) throw errors.forbidden('Phản ánh này không thuộc cơ quan của bạn.', 'This report is not with your agency.');
    const now = new Date();
    const previous = fileId ? await setPhoto(trx, report.id, fileId, reason) : eventId ? await setEvent(trx, report.id, eventId, reason) : await setText(trx, report, target as TextTarget, reason, now);
    if (previous === reason) return { target, fileId, eventId, hidden: input.hidden, changed: false };
    // A changed public view: Open311 clients polling `updated_after` fetch it again.
    await trx.updateTable('feedback_reports').set({ updated_at: now }).where('id', '=', report.id).execute();
    const data = { target, fileId, eventId, hidden: input.hidden, reason: input.reason ?? null, previousReason: previous };
    await trx.insertInto('feedback_report_events').values({ report_id: report.id, at: now, kind: 'moderation', public: false, actor_user_id: me.id, actor_label: me.fullName, agency_id: me.agencyId, data: JSON.stringify(data) }).execute();
    await ctx.audit.record(platformTrx(ftrx), {
      actor: actorOf(request),
      action: input.hidden ? 'feedback.report.hide' : 'feedback.report.unhide',
      targetType: 'feedback_report',
      targetId: report.id,
      ip: request.ip,
      requestId: String(request.id),
      details: { trackingCode: report.tracking_code, ...data },
    });
    return { target, fileId, eventId, hidden: input.hidden, changed: true };
  });
}

/** Sets a text's reason column; returns the reason it had. */
async function setText(trx: ModerationTrx, report: Record<ReportColumn, string | null> & { id: string; result_text: string | null; rating_comment: string | null }, target: TextTarget, reason: string | null, now: Date): Promise<string | null> {
  if ((target === 'result_text' && !report.result_text) || (target === 'rating_comment' && !report.rating_comment)) {
    throw errors.conflict('nothing_to_hide', 'Phản ánh chưa có nội dung này.', 'The report has no such text.');
  }
  const column = COLUMN[target];
  if (report[column] !== reason) await trx.updateTable('feedback_reports').set({ [column]: reason, updated_at: now }).where('id', '=', report.id).execute();
  return report[column];
}

/**
 * Sets a photo's reason on every report holding the file (a merge attaches the same file to the
 * original report): the photo's address is per file, so it is hidden or shown everywhere at once.
 */
async function setPhoto(trx: ModerationTrx, reportId: string, fileId: string, reason: string | null): Promise<string | null> {
  const photo = await trx.selectFrom('feedback_report_photos').select('hidden_reason').where('report_id', '=', reportId).where('file_id', '=', fileId).executeTakeFirst();
  if (!photo) throw errors.notFound('Không tìm thấy ảnh trong phản ánh này.', 'No such photo on this report.');
  if (photo.hidden_reason !== reason) await trx.updateTable('feedback_report_photos').set({ hidden_reason: reason }).where('file_id', '=', fileId).execute();
  return photo.hidden_reason;
}

/** Sets the reason of a public timeline entry that has free text; returns the reason it had. */
async function setEvent(trx: ModerationTrx, reportId: string, eventId: string, reason: string | null): Promise<string | null> {
  const event = await trx.selectFrom('feedback_report_events').select(['data', 'hidden_reason']).where('report_id', '=', reportId).where('id', '=', eventId).where('public', '=', true).executeTakeFirst();
  if (!event) throw errors.notFound('Không tìm thấy mục công khai này trong quá trình xử lý.', 'No such public timeline entry on this report.');
  if (eventText(event.data) === null) throw errors.conflict('nothing_to_hide', 'Mục này không có nội dung chữ.', 'The entry has no text.');
  if (event.hidden_reason !== reason) await trx.updateTable('feedback_report_events').set({ hidden_reason: reason }).where('id', '=', eventId).execute();
  return event.hidden_reason;
}
