import { containsPoint, labelPoint, type AreaGeometry } from '../../../platform/admin-units/geometry.js';
import { DEMO_PROVINCE_CODE } from '../../../platform/agencies/demo-agencies.js';
import { workingCalendar, type WorkingCalendar } from '../../../platform/calendar/index.js';
import type { Db } from '../../../platform/db/database.js';
import { feedbackDb, type CategoryAttributeTable, type HandlingClassTable } from '../tables.js';

/**
 * Everything the generator needs from the database, read once before it starts: the communes with
 * their boundaries, the categories and how they are routed, the handling classes and one working
 * calendar. Planning then runs in memory (no query per report), which is what makes a million fast.
 */
export interface DemoWorld {
  communes: DemoCommune[];
  categories: DemoWorldCategory[];
  classes: Map<string, Pick<HandlingClassTable, 'code' | 'accept_hours' | 'resolve_amount' | 'resolve_unit'>>;
  calendar: WorkingCalendar;
  /** The same answer as `agencyFor` in routing.ts, from memory. */
  agencyFor(categoryCode: string, communeCode: string): string;
  /** The same answer as `resolvePoint` for the province's communes, from memory. */
  communeAt(lat: number, lng: number): string | null;
  /** The commune People's Committee (for reports the provincial office passes on), if any. */
  committeeOf(communeCode: string): string | null;
}

export type CommuneKind = 'ward' | 'lowland' | 'upland' | 'island';

export interface DemoCommune {
  code: string;
  name: string;
  kind: CommuneKind;
  /** Coastal or river lowland: where autumn floods hit (see FLOOD_PRONE). */
  floodProne: boolean;
  /** Relative share of reports (a population proxy, see populationWeight). */
  weight: number;
  geometry: AreaGeometry;
  bbox: { minLat: number; maxLat: number; minLng: number; maxLng: number };
  centre: { lat: number; lng: number };
  areaKm2: number;
}

export interface DemoWorldCategory {
  code: string;
  responsible: 'agency' | 'commune';
  agencyId: string | null;
  handlingClass: string;
  attributes: Array<Pick<CategoryAttributeTable, 'code' | 'datatype' | 'required'> & { values: Array<{ key: string }> }>;
}

/**
 * Communes of the demo province on the coastal plain and along the rivers (Nhật Lệ, Kiến Giang,
 * Gianh, Bến Hải, Thạch Hãn, Hiếu, Ô Lâu), which the autumn floods reach every year. Hand-picked
 * from the map for the demo; the upland communes get landslides instead.
 */
export const FLOOD_PRONE = new Set([
  '18859', '18871', '18880', // Đồng Hới
  '18985', '18991', '18997', // Tuyên Hóa valley
  '19009', '19021', '19030', '19033', '19051', '19057', '19066', '19075', '19093', // Gianh river, Ba Đồn
  '19111', '19126', '19159', '19198', // Bố Trạch coast
  '19207', '19225', '19237', '19246', '19249', '19255', '19288', '19291', '19309', // Kiến Giang, Lệ Thủy, Quảng Ninh
  '19333', '19351', '19360', // Đông Hà, Quảng Trị
  '19363', '19372', '19405', '19414', '19495', '19496', '19501', // Vĩnh Linh, Gio Linh, Bến Hải
  '19597', '19603', // Hiếu river, Cam Lộ
  '19624', '19639', '19645', '19654', '19669', '19681', '19699', '19702', '19735', '19741', // Triệu Phong, Hải Lăng
]);

/**
 * A population proxy (the repository has no population figures): an urban ward (phường) counts
 * five times a rural commune (denser, and town dwellers report more often), a lowland commune 1.2,
 * a large upland commune 0.6 (few people over a wide area), the island special zone 0.15.
 */
export function populationWeight(kind: CommuneKind): number {
  return { ward: 5, lowland: 1.2, upland: 0.6, island: 0.15 }[kind];
}

/** Area of a geometry in km² (shoelace on degrees, scaled at its latitude; plenty for a weight). */
function areaKm2(geometry: AreaGeometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      let sum = 0;
      for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) sum += ring[b]![0]! * ring[a]![1]! - ring[a]![0]! * ring[b]![1]!;
      const lat = ring[0]?.[1] ?? 0;
      const km2 = (Math.abs(sum) / 2) * 111.32 * 111.32 * Math.cos((lat * Math.PI) / 180);
      total += i === 0 ? km2 : -km2;
    });
  }
  return total;
}

export async function loadDemoWorld(dbHandle: Db): Promise<DemoWorld> {
  const db = feedbackDb(dbHandle);
  const units = await db
    .selectFrom('admin_units')
    .select(['code', 'name', 'type', 'boundary', 'bbox_min_lat', 'bbox_max_lat', 'bbox_min_lng', 'bbox_max_lng'])
    .where('parent_code', '=', DEMO_PROVINCE_CODE)
    .where('boundary', 'is not', null)
    .orderBy('code')
    .execute();
  const communes: DemoCommune[] = units.map((u) => {
    const geometry = u.boundary!;
    const area = areaKm2(geometry);
    const floodProne = FLOOD_PRONE.has(u.code);
    const kind: CommuneKind = u.type === 'ward' ? 'ward' : u.type === 'special_zone' ? 'island' : !floodProne && area > 200 ? 'upland' : 'lowland';
    return {
      code: u.code,
      name: u.name,
      kind,
      floodProne,
      weight: populationWeight(kind),
      geometry,
      bbox: { minLat: u.bbox_min_lat!, maxLat: u.bbox_max_lat!, minLng: u.bbox_min_lng!, maxLng: u.bbox_max_lng! },
      centre: labelPoint(geometry),
      areaKm2: area,
    };
  });
  if (communes.length === 0) throw new Error('The demo province has no commune boundaries loaded; import the administrative units first (start the platform once: npm start).');

  const categoryRows = await db.selectFrom('feedback_categories').select(['code', 'responsible', 'agency_id', 'handling_class']).where('active', '=', true).orderBy('sort_order').orderBy('code').execute();
  const attributeRows = await db.selectFrom('feedback_category_attributes').select(['category_code', 'code', 'datatype', 'required', 'values']).orderBy('category_code').orderBy('sort_order').execute();
  const categories: DemoWorldCategory[] = categoryRows.map((c) => ({
    code: c.code,
    responsible: c.responsible,
    agencyId: c.agency_id,
    handlingClass: c.handling_class,
    attributes: attributeRows.filter((a) => a.category_code === c.code).map((a) => ({ code: a.code, datatype: a.datatype, required: a.required, values: a.values.map((v) => ({ key: v.key })) })),
  }));
  if (categories.length === 0) throw new Error('No report categories: start the platform once with demo data (npm start) to load the demo catalogue.');

  const classRows = await db.selectFrom('feedback_handling_classes').select(['code', 'accept_hours', 'resolve_amount', 'resolve_unit']).execute();
  const routes = new Map((await db.selectFrom('feedback_category_routes').select(['category_code', 'commune_code', 'agency_id']).execute()).map((r) => [`${r.category_code}|${r.commune_code}`, r.agency_id]));
  const committees = new Map(
    (await db.selectFrom('agencies').select(['id', 'admin_unit_code']).where('kind', '=', 'commune_committee').where('admin_unit_code', 'is not', null).orderBy('code').execute()).map((a) => [a.admin_unit_code!, a.id]),
  );
  const province = await db.selectFrom('agencies').select('id').where('kind', '=', 'provincial_committee').orderBy('code').executeTakeFirst();
  const calendar = await workingCalendar(dbHandle);
  const byCategory = new Map(categories.map((c) => [c.code, c]));

  return {
    communes,
    categories,
    classes: new Map(classRows.map((c) => [c.code, c])),
    calendar,
    agencyFor(categoryCode, communeCode) {
      const override = routes.get(`${categoryCode}|${communeCode}`);
      if (override) return override;
      const category = byCategory.get(categoryCode)!;
      if (category.responsible === 'agency' && category.agencyId) return category.agencyId;
      const committee = committees.get(communeCode) ?? province?.id;
      if (!committee) throw new Error('No agency is configured to receive reports.');
      return committee;
    },
    communeAt(lat, lng) {
      // resolvePoint orders candidates by code; the communes are sorted the same way.
      for (const c of communes) {
        if (lat < c.bbox.minLat || lat > c.bbox.maxLat || lng < c.bbox.minLng || lng > c.bbox.maxLng) continue;
        if (containsPoint(c.geometry, lng, lat)) return c.code;
      }
      return null;
    },
    committeeOf(communeCode) {
      return committees.get(communeCode) ?? null;
    },
  };
}
