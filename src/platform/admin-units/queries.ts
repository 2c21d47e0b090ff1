import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { likePattern, toSearchText } from '../search/search-text.js';
import type { AreaGeometry, BBox } from './geometry.js';

export interface AdminUnitSummary {
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
}

export interface AdminUnitDetail extends AdminUnitSummary {
  codename: string;
  typeName: string;
  level: number;
  centroid: { lat: number; lng: number } | null;
  bbox: BBox | null;
  hasBoundary: boolean;
  childCount: number;
  /** From the top of the tree down to the parent, so a client can print "Phường Đồng Hới, Tỉnh Quảng Trị". */
  ancestors: AdminUnitSummary[];
}

const SUMMARY = ['code', 'name', 'type', 'parent_code'] as const;
const summary = (r: { code: string; name: string; type: string; parent_code: string | null }): AdminUnitSummary => ({
  code: r.code,
  name: r.name,
  type: r.type,
  parentCode: r.parent_code,
});

export async function unitExists(db: Db, code: string): Promise<boolean> {
  return !!(await db.selectFrom('admin_units').select('code').where('code', '=', code).executeTakeFirst());
}

export async function getAdminUnit(db: Db, code: string): Promise<AdminUnitDetail | null> {
  const row = await db
    .selectFrom('admin_units as u')
    .select([...SUMMARY.map((c) => `u.${c}` as const), 'u.codename', 'u.type_name', 'u.level', 'u.path', 'u.centroid_lat', 'u.centroid_lng'])
    .select(['u.bbox_min_lng', 'u.bbox_min_lat', 'u.bbox_max_lng', 'u.bbox_max_lat'])
    .select(sql<boolean>`u.boundary is not null`.as('has_boundary'))
    .select((eb) => eb.selectFrom('admin_units as c').select(eb.fn.countAll<string>().as('n')).whereRef('c.parent_code', '=', 'u.code').as('child_count'))
    .where('u.code', '=', code)
    .executeTakeFirst();
  if (!row) return null;
  const ancestorCodes = row.path.split('/').slice(0, -1);
  const ancestors = ancestorCodes.length
    ? await db.selectFrom('admin_units').select([...SUMMARY]).where('code', 'in', ancestorCodes).orderBy('level').execute()
    : [];
  const hasBox = row.bbox_min_lng !== null && row.bbox_min_lat !== null && row.bbox_max_lng !== null && row.bbox_max_lat !== null;
  return {
    ...summary(row),
    codename: row.codename,
    typeName: row.type_name,
    level: row.level,
    centroid: row.centroid_lat !== null && row.centroid_lng !== null ? { lat: row.centroid_lat, lng: row.centroid_lng } : null,
    bbox: hasBox ? [row.bbox_min_lng!, row.bbox_min_lat!, row.bbox_max_lng!, row.bbox_max_lat!] : null,
    hasBoundary: row.has_boundary,
    childCount: Number(row.child_count ?? 0),
    ancestors: ancestors.map(summary),
  };
}

/**
 * Children of a unit (top-level units without a parent), ordered by official code: stable, the
 * order of the national catalogue, and a cursor the database can seek on. Vietnamese alphabetical
 * order would need an ICU collation the embedded engine lacks; clients sort by name if they wish.
 */
export async function listChildren(db: Db, parent: string | undefined, limit: number, cursor: string | undefined) {
  const after = decodeCursor(cursor)?.[0];
  let query = db.selectFrom('admin_units').select([...SUMMARY]).orderBy('code').limit(limit + 1);
  query = parent === undefined ? query.where('parent_code', 'is', null) : query.where('parent_code', '=', parent);
  if (after !== undefined) query = query.where('code', '>', String(after));
  const rows = await query.execute();
  const page = pageOf(rows, limit, (r) => [r.code]);
  return { items: page.items.map(summary), nextCursor: page.nextCursor };
}

/**
 * Diacritic-insensitive search over names (and codes, for digits). Best matches first: the name
 * is the query or ends with it ("dong hoi" → "Phường Đồng Hới"), then a word starts with it, then
 * it appears anywhere; higher tiers before lower ones, then by code. `within` limits to a subtree.
 */
export async function searchUnits(db: Db, q: string, opts: { within?: string | undefined; limit: number; cursor?: string | undefined }) {
  const text = toSearchText(q);
  const escaped = likePattern(q).slice(1, -1);
  const rank = sql<number>`case
    when search_text = ${text} or code = ${q.trim()} or search_text like ${`% ${escaped}`} then 0
    when search_text like ${`${escaped}%`} or search_text like ${`% ${escaped}%`} then 1
    else 2 end`;
  const [afterRank, afterLevel, afterCode] = decodeCursor(opts.cursor) ?? [];
  let inner = db
    .selectFrom('admin_units')
    .select([...SUMMARY, 'level', rank.as('rank')])
    .where((eb) => eb.or([eb('search_text', 'like', likePattern(q)), eb('code', '=', q.trim())]));
  if (opts.within) {
    // Codes are digits, so a path holds no LIKE wildcards.
    const root = db.selectFrom('admin_units').select(sql<string>`path || '/%'`.as('p')).where('code', '=', opts.within);
    inner = inner.where('path', 'like', root);
  }
  let query = db.selectFrom(inner.as('s')).selectAll();
  if (afterCode !== undefined) {
    query = query.where(sql<boolean>`(rank, level, code) > (${Number(afterRank)}, ${Number(afterLevel)}, ${String(afterCode)})`);
  }
  const rows = await query.orderBy('rank').orderBy('level').orderBy('code').limit(opts.limit + 1).execute();
  const page = pageOf(rows, opts.limit, (r) => [r.rank, r.level, r.code]);
  return { items: page.items.map(summary), nextCursor: page.nextCursor };
}

export interface BoundaryFeature {
  type: 'Feature';
  id: string;
  bbox?: BBox;
  properties: AdminUnitSummary & { level: number };
  geometry: AreaGeometry;
}

type BoundaryRow = { code: string; name: string; type: string; parent_code: string | null; level: number; boundary: AreaGeometry | null } & Record<
  'bbox_min_lng' | 'bbox_min_lat' | 'bbox_max_lng' | 'bbox_max_lat',
  number | null
>;

function toFeature(row: BoundaryRow & { boundary: AreaGeometry }): BoundaryFeature {
  const feature: BoundaryFeature = { type: 'Feature', id: row.code, properties: { ...summary(row), level: row.level }, geometry: row.boundary };
  if (row.bbox_min_lng !== null) feature.bbox = [row.bbox_min_lng, row.bbox_min_lat!, row.bbox_max_lng!, row.bbox_max_lat!];
  return feature;
}

const BOUNDARY_COLUMNS = [...SUMMARY, 'level', 'boundary', 'bbox_min_lng', 'bbox_min_lat', 'bbox_max_lng', 'bbox_max_lat'] as const;

/** The unit's outline as a GeoJSON Feature; null when the unit is unknown, false when it has no outline. */
export async function unitBoundary(db: Db, code: string): Promise<BoundaryFeature | null | false> {
  const row = await db.selectFrom('admin_units').select([...BOUNDARY_COLUMNS]).where('code', '=', code).executeTakeFirst();
  if (!row) return null;
  return row.boundary ? toFeature({ ...row, boundary: row.boundary }) : false;
}

/** Outlines of a unit's children that have one, as a FeatureCollection (children without one are left out). */
export async function childBoundaries(db: Db, code: string) {
  const rows = await db.selectFrom('admin_units').select([...BOUNDARY_COLUMNS]).where('parent_code', '=', code).where('boundary', 'is not', null).orderBy('code').execute();
  return { type: 'FeatureCollection' as const, features: rows.flatMap((r) => (r.boundary ? [toFeature({ ...r, boundary: r.boundary })] : [])) };
}
