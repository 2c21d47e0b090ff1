import { errors } from '../../../platform/http/errors.js';
import type { Bilingual, FeedbackDb, FeedbackTrx, SubscriptionTable } from '../tables.js';

export type Scope = SubscriptionTable['scope'];

/** What a subscription follows, with the words that name it in mails and on the web pages. */
export interface Target {
  scope: Scope;
  reportId: string | null;
  categoryCode: string | null;
  communeCode: string | null;
  /** The tracking code, for a report. */
  trackingCode: string | null;
  label: Bilingual;
}

export interface TargetInput {
  scope: Scope;
  reportId?: string | undefined;
  categoryCode?: string | undefined;
  communeCode?: string | undefined;
}

const missing = (field: string, vi: string, en: string) => errors.unprocessable('unknown_target', vi, en, [{ field: `body.${field}`, message: { vi, en } }]);

/** Checks that the followed thing exists and names it; one identifier, matching the scope. */
export async function resolveTarget(db: FeedbackDb | FeedbackTrx, input: TargetInput, activeOnly = true): Promise<Target> {
  if (input.scope === 'report') {
    const report = input.reportId
      ? await db.selectFrom('feedback_reports as r').innerJoin('feedback_categories as c', 'c.code', 'r.category_code').select(['r.id', 'r.tracking_code', 'c.name_vi', 'c.name_en']).where('r.id', '=', input.reportId).executeTakeFirst()
      : undefined;
    if (!report) throw missing('reportId', 'Không tìm thấy phản ánh để theo dõi.', 'No such report to follow.');
    return reportTarget(report);
  }
  if (input.scope === 'category') {
    const category = input.categoryCode ? await db.selectFrom('feedback_categories').select(['code', 'name_vi', 'name_en']).where('code', '=', input.categoryCode).$if(activeOnly, (q) => q.where('active', '=', true)).executeTakeFirst() : undefined;
    if (!category) throw missing('categoryCode', 'Không có lĩnh vực này.', 'No such category.');
    return { scope: 'category', reportId: null, categoryCode: category.code, communeCode: null, trackingCode: null, label: { vi: `lĩnh vực "${category.name_vi}"`, en: `the category "${category.name_en}"` } };
  }
  const commune = input.communeCode ? await db.selectFrom('admin_units').select(['code', 'name']).where('code', '=', input.communeCode).executeTakeFirst() : undefined;
  if (!commune) throw missing('communeCode', 'Không có xã, phường này.', 'No such commune.');
  return { scope: 'commune', reportId: null, categoryCode: null, communeCode: commune.code, trackingCode: null, label: { vi: `phản ánh tại ${commune.name}`, en: `reports in ${commune.name}` } };
}

export function reportTarget(report: { id: string; tracking_code: string; name_vi: string; name_en: string }): Target {
  return {
    scope: 'report',
    reportId: report.id,
    categoryCode: null,
    communeCode: null,
    trackingCode: report.tracking_code,
    label: { vi: `phản ánh ${report.tracking_code} (${report.name_vi})`, en: `report ${report.tracking_code} (${report.name_en})` },
  };
}

/** The target of an existing subscription row. */
export function targetOf(db: FeedbackDb | FeedbackTrx, row: { scope: Scope; report_id: string | null; category_code: string | null; commune_code: string | null }): Promise<Target> {
  return resolveTarget(db, { scope: row.scope, reportId: row.report_id ?? undefined, categoryCode: row.category_code ?? undefined, communeCode: row.commune_code ?? undefined }, false);
}
