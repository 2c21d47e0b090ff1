import type { Static } from 'typebox';
import type { Db } from '../../../platform/db/database.js';
import { decodeCursor, pageOf } from '../../../platform/http/pagination.js';
import { likePattern } from '../../../platform/search/search-text.js';
import type { RegistryTables } from './tables.js';
import type { DeviceFeatureCollection, DeviceListItem, DeviceListQuery, DeviceView } from './schemas.js';

type ListItem = Static<typeof DeviceListItem>;
type Filters = Omit<Static<typeof DeviceListQuery>, 'format' | 'cursor' | 'limit'>;

/** Online: a report within three of the type's expected intervals. */
export function isOnline(lastSeenAt: Date | null, reportIntervalSeconds: number, now = Date.now()): boolean {
  return lastSeenAt !== null && now - new Date(lastSeenAt).getTime() <= 3 * reportIntervalSeconds * 1000;
}

function baseQuery(db: Db, filters: Filters) {
  let q = db
    .withTables<RegistryTables>()
    .selectFrom('iot_devices as d')
    .innerJoin('iot_device_types as t', 't.id', 'd.type_id')
    .leftJoin('admin_units as u', 'u.code', 'd.commune_code');
  if (filters.type) q = q.where('t.code', '=', filters.type);
  if (filters.sector) q = q.where('d.sector', '=', filters.sector);
  if (filters.commune) q = q.where('d.commune_code', '=', filters.commune);
  if (filters.status) q = q.where('d.status', '=', filters.status);
  if (filters.agency) q = q.where('d.owner_agency_id', '=', filters.agency);
  const text = filters.q?.trim();
  if (text) q = q.where('d.search_text', 'like', likePattern(text));
  return q;
}

const LIST_COLUMNS = [
  'd.id', 'd.code', 'd.name', 't.code as type_code', 't.report_interval_seconds', 'd.sector', 'd.lat', 'd.lng', 'd.commune_code', 'u.name as commune_name',
  'd.owner_agency_id', 'd.status', 'd.last_seen_at', 'd.is_demo',
] as const;

interface ListRow {
  id: string;
  code: string;
  name: string;
  type_code: string;
  report_interval_seconds: number;
  sector: ListItem['sector'];
  lat: number;
  lng: number;
  commune_code: string | null;
  commune_name: string | null;
  owner_agency_id: string | null;
  status: ListItem['status'];
  last_seen_at: Date | null;
  is_demo: boolean;
}

function toListItem(r: ListRow, now: number): ListItem {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    typeCode: r.type_code,
    sector: r.sector,
    lat: Number(r.lat),
    lng: Number(r.lng),
    communeCode: r.commune_code,
    communeName: r.commune_name,
    ownerAgencyId: r.owner_agency_id,
    status: r.status,
    lastSeenAt: r.last_seen_at ? new Date(r.last_seen_at).toISOString() : null,
    online: isOnline(r.last_seen_at, r.report_interval_seconds, now),
    isDemo: r.is_demo,
  };
}

/** A page of devices by code (cursor = the last code). */
export async function listDevices(db: Db, filters: Filters, limit: number, cursor: string | undefined) {
  const after = decodeCursor(cursor);
  let q = baseQuery(db, filters).select(LIST_COLUMNS);
  if (after) q = q.where('d.code', '>', String(after[0]));
  const rows = (await q.orderBy('d.code').limit(limit + 1).execute()) as ListRow[];
  const now = Date.now();
  return pageOf(rows.map((r) => toListItem(r, now)), limit, (item) => [item.code]);
}

/**
 * Every matching device as GeoJSON for the map: the whole province (up to ~20,000) at once, with
 * only what a marker and its tooltip need, coordinates rounded to ~1 m.
 */
export async function deviceFeatures(db: Db, filters: Filters): Promise<Static<typeof DeviceFeatureCollection>> {
  const rows = await baseQuery(db, filters)
    .select(['d.code', 'd.name', 't.code as type_code', 't.report_interval_seconds', 'd.sector', 'd.status', 'd.lat', 'd.lng', 'd.commune_code', 'd.last_seen_at'])
    .orderBy('d.code')
    .execute();
  const now = Date.now();
  const round = (x: number) => Math.round(Number(x) * 1e5) / 1e5;
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [round(r.lng), round(r.lat)] },
      properties: { code: r.code, name: r.name, type: r.type_code, sector: r.sector, status: r.status, online: isOnline(r.last_seen_at, r.report_interval_seconds, now), commune: r.commune_code },
    })),
  };
}

export async function getDevice(db: Db, code: string): Promise<Static<typeof DeviceView> | null> {
  const row = await baseQuery(db, {})
    .leftJoin('agencies as a', 'a.id', 'd.owner_agency_id')
    .select([...LIST_COLUMNS, 't.name as type_name', 't.name_en as type_name_en', 't.metrics', 'a.code as agency_code', 'a.name as agency_name', 'd.token_rotated_at', 'd.created_at', 'd.updated_at'])
    .where('d.code', '=', code)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...toListItem(row as ListRow, Date.now()),
    type: { code: row.type_code, name: row.type_name, nameEn: row.type_name_en, reportIntervalSeconds: row.report_interval_seconds, metrics: row.metrics },
    ownerAgency: row.owner_agency_id && row.agency_code ? { id: row.owner_agency_id, code: row.agency_code, name: row.agency_name! } : null,
    tokenRotatedAt: new Date(row.token_rotated_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
