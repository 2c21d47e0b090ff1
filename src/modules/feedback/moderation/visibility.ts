/**
 * What moderation (kiểm duyệt) changes in the outputs. Hidden content is kept; the public gets a
 * neutral placeholder (or no photo), while the handling agency and the reporter get the original
 * with a mark saying it is hidden and why.
 */
import type { Principal } from '../../../platform/http/access.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import { moderationDb } from './tables.js';
import type { ModerationViewT } from './schemas.js';

/** Shown instead of hidden text, in both languages since public outputs are not localised. */
export const HIDDEN_TEXT = '(Nội dung đã được ẩn / content hidden by a moderator)';

const hidden = (reason: string | null) => ({ hidden: reason !== null, reason });

/** Staff of the agency holding the report (any agency for system admins). */
export function handlesReport(principal: Principal, agencyId: string): boolean {
  if (principal.kind !== 'user') return false;
  return principal.role === 'system_admin' || (principal.agencyId === agencyId && (principal.role === 'officer' || principal.role === 'agency_admin'));
}

/** The moderation marks of one report, with every photo (hidden ones too). */
export async function moderationOf(db: Kysely<Database>, reportId: string): Promise<ModerationViewT> {
  const mdb = moderationDb(db);
  const [report, photos, events] = await Promise.all([
    mdb.selectFrom('feedback_reports').select(['hidden_reason', 'result_hidden_reason', 'rating_comment_hidden_reason']).where('id', '=', reportId).executeTakeFirstOrThrow(),
    mdb.selectFrom('feedback_report_photos').select(['file_id', 'kind', 'hidden_reason']).where('report_id', '=', reportId).orderBy('kind').orderBy('sort_order').execute(),
    mdb.selectFrom('feedback_report_events').select(['id', 'kind', 'at', 'data', 'hidden_reason']).where('report_id', '=', reportId).where('public', '=', true).orderBy('id').execute(),
  ]);
  return {
    description: hidden(report.hidden_reason),
    resultText: hidden(report.result_hidden_reason),
    ratingComment: hidden(report.rating_comment_hidden_reason),
    photos: photos.map((p) => ({ fileId: p.file_id, url: `/api/v1/feedback/photos/${p.file_id}`, kind: p.kind, ...hidden(p.hidden_reason) })),
    events: events.flatMap((e) => {
      const text = eventText(e.data);
      return text === null ? [] : [{ id: String(e.id), kind: e.kind, at: new Date(e.at).toISOString(), text, ...hidden(e.hidden_reason) }];
    }),
  };
}

/** The keys of a timeline entry's data that hold free text someone wrote. */
const TEXT_KEYS = ['reason', 'resultText', 'description', 'comment', 'note'] as const;

/** The free text of a timeline entry, or null when it has none. */
export function eventText(data: Record<string, unknown>): string | null {
  const texts = TEXT_KEYS.map((k) => data[k]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return texts.length > 0 ? texts.join(' — ') : null;
}

/**
 * What a public output may show of a timeline entry's data: every free text replaced when the entry
 * is hidden, the result text when the report's result is hidden. For any output of the timeline
 * (detail, Open311 `servicerequestupdates`).
 */
export function publicEventData(data: Record<string, unknown>, entryHidden: boolean, resultHidden: boolean): Record<string, unknown> {
  if (entryHidden) return redactEventData(data);
  return resultHidden && typeof data.resultText === 'string' ? { ...data, resultText: HIDDEN_TEXT } : data;
}

/** A timeline entry's data with every free text replaced by the placeholder. */
export function redactEventData(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, (TEXT_KEYS as readonly string[]).includes(k) && typeof v === 'string' ? HIDDEN_TEXT : v]));
}

interface DetailShape {
  description: string;
  /** `id` (the event's) lets hidden entries be found; the response schema does not send it. */
  timeline: Array<{ id?: string; kind: string; data: Record<string, unknown> }>;
  result: { text: string; photoUrls: string[] } | null;
  rating: { stars: number; comment: string | null } | null;
}

/**
 * Applies moderation to a report detail built from public views: privileged readers (handling agency,
 * reporter) get the original description and the marks; everyone else gets placeholders, also inside
 * the timeline: hidden entries' free text, and the result text repeated in the `resolve` events.
 */
export function withModeration<T extends DetailShape>(detail: T, moderation: ModerationViewT, privileged: boolean, originalDescription: string): T & { moderation?: ModerationViewT } {
  if (privileged) return { ...detail, description: originalDescription, moderation };
  const resultHidden = moderation.resultText.hidden;
  const hiddenEvents = new Set(moderation.events.filter((e) => e.hidden).map((e) => e.id));
  const timeline = detail.timeline.map((e) => ({ ...e, data: publicEventData(e.data, e.id !== undefined && hiddenEvents.has(e.id), resultHidden) }));
  return {
    ...detail,
    timeline,
    result: detail.result && resultHidden ? { ...detail.result, text: HIDDEN_TEXT } : detail.result,
    rating: detail.rating?.comment && moderation.ratingComment.hidden ? { ...detail.rating, comment: HIDDEN_TEXT } : detail.rating,
  };
}
