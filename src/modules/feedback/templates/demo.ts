import type { AppContext } from '../../../platform/http/module.js';
import { feedbackDb } from '../tables.js';
import type { TemplateAction } from './schemas.js';

interface DemoTemplate {
  /** Agency code, or null for a province-wide template. */
  agency: string | null;
  action: TemplateAction;
  title: string;
  body: string;
}

/** A handful of the answers agencies write most often (demo data; agencies keep their own). */
export const DEMO_TEMPLATES: DemoTemplate[] = [
  {
    agency: null,
    action: 'refuse',
    title: 'Không thuộc thẩm quyền giải quyết',
    body: 'Phản ánh {trackingCode} về {categoryName} không thuộc thẩm quyền giải quyết của cơ quan hành chính nhà nước (tranh chấp dân sự giữa các cá nhân). Đề nghị người phản ánh liên hệ Tòa án nhân dân khu vực hoặc tổ hòa giải ở cơ sở tại {communeName}.',
  },
  {
    agency: null,
    action: 'transfer',
    title: 'Chuyển cơ quan đúng thẩm quyền',
    body: 'Nội dung phản ánh {trackingCode} thuộc lĩnh vực quản lý của cơ quan khác; chuyển để xem xét, xử lý theo thẩm quyền.',
  },
  {
    agency: null,
    action: 'note',
    title: 'Đã liên hệ người phản ánh',
    body: 'Đã gọi điện cho người phản ánh để xác minh vị trí và hiện trạng; hẹn kiểm tra thực địa tại {communeName}.',
  },
  {
    agency: 'SXD',
    action: 'resolve',
    title: 'Đã sửa chữa hư hỏng',
    body: 'Sở Xây dựng đã chỉ đạo đơn vị duy tu kiểm tra hiện trường tại {communeName} và sửa chữa xong hư hỏng ({categoryName}), bảo đảm an toàn giao thông. Cảm ơn người dân đã phản ánh.',
  },
  {
    agency: 'SXD',
    action: 'close',
    title: 'Đưa vào kế hoạch vốn năm sau',
    body: 'Hạng mục cần sửa chữa lớn, vượt kinh phí duy tu thường xuyên năm nay. Sở Xây dựng đã đưa vào kế hoạch vốn năm sau; trong thời gian chờ, đã cắm biển cảnh báo tại hiện trường.',
  },
];

/** Seeds the demo templates once: a template already there (same agency, action and title) is left alone. */
export async function seedDemoTemplates(ctx: AppContext): Promise<void> {
  const db = feedbackDb(ctx.db);
  const agencies = new Map((await db.selectFrom('agencies').select(['id', 'code']).where('code', 'in', ['SXD']).execute()).map((a) => [a.code, a.id]));
  await db.transaction().execute(async (trx) => {
    for (const t of DEMO_TEMPLATES) {
      const agencyId = t.agency ? agencies.get(t.agency) : null;
      if (agencyId === undefined) continue;
      const exists = await trx
        .selectFrom('feedback_response_templates')
        .select('id')
        .where((eb) => (agencyId ? eb('agency_id', '=', agencyId) : eb('agency_id', 'is', null)))
        .where('action', '=', t.action)
        .where('title', '=', t.title)
        .executeTakeFirst();
      if (!exists) await trx.insertInto('feedback_response_templates').values({ agency_id: agencyId, action: t.action, title: t.title, body: t.body, created_by: null }).execute();
    }
  });
}
