import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { containsPoint, type AreaGeometry } from './geometry.js';

interface Cached {
  /** `updated_at` of the row the geometry was read from; a newer row is read again. */
  stamp: number;
  geometry: AreaGeometry;
}

/**
 * Parsed boundaries, per database (tests run several in one process). A commune's outline is
 * a few thousand vertices; reading and parsing it on every lookup would dominate the request.
 */
const cache = new WeakMap<Db, Map<string, Cached>>();

export function clearBoundaryCache(db: Db): void {
  cache.delete(db);
}

/**
 * The deepest unit whose boundary contains the point: only units without children qualify (the
 * communes), so a point in a province whose communes have no boundary yet resolves to nothing
 * rather than to the province. Today only Quảng Trị's 78 communes carry boundaries, so a point
 * in Hà Nội or out at sea gives null. The bounding box narrows candidates in SQL; the exact
 * point-in-polygon test runs here on the cached outlines.
 */
export async function resolvePoint(db: Db, lat: number, lng: number): Promise<string | null> {
  const candidates = await db
    .selectFrom('admin_units as u')
    .select(['u.code', 'u.updated_at'])
    .where('u.boundary', 'is not', null)
    .where('u.bbox_min_lat', '<=', lat)
    .where('u.bbox_max_lat', '>=', lat)
    .where('u.bbox_min_lng', '<=', lng)
    .where('u.bbox_max_lng', '>=', lng)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('admin_units as c').select(sql`1`.as('one')).whereRef('c.parent_code', '=', 'u.code'))))
    .orderBy('u.level', 'desc')
    .orderBy('u.code')
    .execute();
  if (candidates.length === 0) return null;

  let known = cache.get(db);
  if (!known) cache.set(db, (known = new Map()));
  const stale = candidates.filter((c) => known.get(c.code)?.stamp !== new Date(c.updated_at).getTime()).map((c) => c.code);
  if (stale.length > 0) {
    const rows = await db.selectFrom('admin_units').select(['code', 'updated_at', 'boundary']).where('code', 'in', stale).execute();
    for (const row of rows) {
      if (row.boundary) known.set(row.code, { stamp: new Date(row.updated_at).getTime(), geometry: row.boundary });
    }
  }
  for (const candidate of candidates) {
    const geometry = known.get(candidate.code)?.geometry;
    if (geometry && containsPoint(geometry, lng, lat)) return candidate.code;
  }
  return null;
}
