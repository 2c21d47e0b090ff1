import type { Static } from 'typebox';
import type { FeedbackDb } from './tables.js';
import type { PublicReport } from './schemas.js';
import { HIDDEN_TEXT } from './moderation/visibility.js';

export type PublicReportView = Static<typeof PublicReport>;

/** The columns every public view needs, joined with category, commune and agency names. */
export function publicReportQuery(db: FeedbackDb) {
  return db
    .selectFrom('feedback_reports as r')
    .innerJoin('feedback_categories as c', 'c.code', 'r.category_code')
    .innerJoin('admin_units as u', 'u.code', 'r.commune_code')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select([
      'r.id',
      'r.tracking_code',
      'r.category_code',
      'c.name_vi as category_vi',
      'c.name_en as category_en',
      'r.description',
      'r.status',
      'r.outcome',
      'r.lat',
      'r.lng',
      'r.address',
      'r.commune_code',
      'u.name as commune_name',
      'r.agency_id',
      'a.name as agency_name',
      'r.reporter_name',
      'r.hide_name',
      'r.created_at',
      'r.updated_at',
      'r.due_at',
      'r.accept_due_at',
      'r.handling_class',
      'r.hidden_reason',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof publicReportQuery>['execute']>>[number];

/** Photo addresses served publicly (re-encoded images with no metadata; hidden ones left out). */
export async function photoUrlsOf(db: FeedbackDb, reportIds: string[], kind: 'report' | 'result' = 'report'): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (reportIds.length === 0) return out;
  const rows = await db
    .selectFrom('feedback_report_photos')
    .select(['report_id', 'file_id'])
    .where('report_id', 'in', reportIds)
    .where('kind', '=', kind)
    .where('hidden_reason', 'is', null)
    .orderBy('sort_order')
    .execute();
  for (const r of rows) out.set(r.report_id, [...(out.get(r.report_id) ?? []), `/api/v1/feedback/photos/${r.file_id}`]);
  return out;
}

export function presentPublic(row: Row, photoUrls: string[]): PublicReportView {
  const hidden = row.hidden_reason !== null;
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    categoryCode: row.category_code,
    categoryName: { vi: row.category_vi, en: row.category_en },
    // Moderated text stays in the record (and the audit trail) but is not shown to the public.
    description: hidden ? HIDDEN_TEXT : row.description,
    status: row.status,
    outcome: row.outcome,
    lat: row.lat,
    lng: row.lng,
    address: row.address,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    reporterDisplayName: row.hide_name ? null : firstNameOnly(row.reporter_name),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
    // Photos are moderated one by one (photoUrlsOf leaves hidden ones out), not with the text.
    photoUrls,
  };
}

/** Even when people choose to show their name, the public sees only the given name ("Anh A." style). */
function firstNameOnly(name: string | null): string | null {
  if (!name) return null;
  const parts = name.trim().split(/\s+/);
  return parts.length > 1 ? `${parts[parts.length - 1]} ${parts[0]!.charAt(0)}.` : parts[0]!;
}
