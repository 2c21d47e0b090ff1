import { resolvePoint } from '../../platform/admin-units/area.js';
import { AppError } from '../../platform/http/errors.js';
import type { Db } from '../../platform/db/database.js';
import type { FeedbackTrx } from './tables.js';

/**
 * The commune containing the point. Called before the write transaction: the boundary cache lives
 * on the main handle, and the embedded engine can't run a second query beside an open transaction.
 * A point outside the province's communes is refused (422) with a message a person can act on.
 */
export async function communeOf(db: Db, lat: number, lng: number): Promise<string> {
  const communeCode = await resolvePoint(db, lat, lng);
  if (!communeCode) {
    throw new AppError(422, 'outside_province', {
      vi: 'Vị trí này nằm ngoài địa bàn tỉnh. Hãy chọn lại điểm trên bản đồ.',
      en: 'This place is outside the province. Pick the point on the map again.',
    }, [{ field: 'body.lat', message: { vi: 'Ngoài địa bàn tỉnh', en: 'Outside the province' } }]);
  }
  return communeCode;
}

/**
 * Who handles a report in that commune: the category's per-commune override, its fixed agency, or
 * the People's Committee of the commune (then of the province, when a commune has none).
 */
export async function agencyFor(trx: FeedbackTrx, category: { code: string; responsible: 'agency' | 'commune'; agency_id: string | null }, communeCode: string): Promise<string> {
  const override = await trx.selectFrom('feedback_category_routes').select('agency_id').where('category_code', '=', category.code).where('commune_code', '=', communeCode).executeTakeFirst();
  if (override) return override.agency_id;
  if (category.responsible === 'agency' && category.agency_id) return category.agency_id;
  const committee = await trx.selectFrom('agencies').select('id').where('admin_unit_code', '=', communeCode).where('kind', '=', 'commune_committee').executeTakeFirst();
  if (committee) return committee.id;
  const province = await trx.selectFrom('agencies').select('id').where('kind', '=', 'provincial_committee').orderBy('code').executeTakeFirst();
  if (!province) {
    throw new AppError(503, 'no_handling_agency', { vi: 'Chưa cấu hình cơ quan tiếp nhận phản ánh.', en: 'No agency is configured to receive reports.' });
  }
  return province.id;
}
