import type { FeedbackDb } from '../tables.js';
import { presentPublic, publicReportQuery, type PublicReportView } from '../views.js';
import { errors } from '../../../platform/http/errors.js';

/** As many as FixMyStreet serves (20) and a little more: a feed is a window, not an archive. */
export const FEED_SIZE = 50;

export interface FeedFilter {
  commune?: string | undefined;
  category?: string | undefined;
}

export interface FeedItem {
  report: PublicReportView;
  statusLabel: string;
}

export interface FeedContent {
  /** "Phản ánh hiện trường — <commune> — <category>". */
  title: string;
  items: FeedItem[];
  /** The newest change among the items; null for an empty feed. */
  updated: Date | null;
}

const STATUS: Record<string, string> = { new: 'Chờ tiếp nhận', accepted: 'Đã tiếp nhận', in_progress: 'Đang xử lý', resolved: 'Đã có kết quả' };
const OUTCOME: Record<string, string> = { fixed: 'Đã khắc phục', not_fixed: 'Đóng, chưa khắc phục được', not_ours: 'Không thuộc thẩm quyền', duplicate: 'Trùng phản ánh khác', refused: 'Từ chối tiếp nhận' };

export function statusLabel(status: string, outcome: string | null): string {
  return status === 'closed' ? (OUTCOME[outcome ?? ''] ?? 'Đã đóng') : (STATUS[status] ?? status);
}

/** Names the filters (an unknown code is a wrong address: 404, not an empty feed). */
async function titleOf(db: FeedbackDb, filter: FeedFilter): Promise<string> {
  const parts = ['Phản ánh hiện trường'];
  if (filter.commune) {
    const unit = await db.selectFrom('admin_units').select('name').where('code', '=', filter.commune).executeTakeFirst();
    if (!unit) throw errors.notFound('Không có xã, phường này.', 'No such commune.');
    parts.push(unit.name);
  }
  if (filter.category) {
    const category = await db.selectFrom('feedback_categories').select('name_vi').where('code', '=', filter.category).executeTakeFirst();
    if (!category) throw errors.notFound('Không có lĩnh vực này.', 'No such category.');
    parts.push(category.name_vi);
  }
  return parts.join(' — ');
}

/**
 * The newest public reports, through the same public view as the list (no personal data; a text
 * hidden by a moderator replaced by the neutral placeholder; photos left out).
 */
export async function feedContent(db: FeedbackDb, filter: FeedFilter): Promise<FeedContent> {
  const title = await titleOf(db, filter);
  let query = publicReportQuery(db).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(FEED_SIZE);
  if (filter.commune) query = query.where('r.commune_code', '=', filter.commune);
  if (filter.category) query = query.where('r.category_code', '=', filter.category);
  const rows = await query.execute();
  const items = rows.map((row) => ({ report: presentPublic(row, []), statusLabel: statusLabel(row.status, row.outcome) }));
  const updated = items.reduce<Date | null>((max, i) => {
    const at = new Date(i.report.updatedAt);
    return !max || at > max ? at : max;
  }, null);
  return { title, items, updated };
}
