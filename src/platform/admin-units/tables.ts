import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { AreaGeometry } from './geometry.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/**
 * One administrative unit (đơn vị hành chính) at any depth: a province, a commune, or whatever
 * tier a future reform adds. The tree is `parent_code`; `path` repeats it as `44/18880` so a
 * subtree is one indexed prefix match, and `level` is the depth (1 = top).
 */
export interface AdminUnitTable {
  /** The official NSO code as text, zero-padded as published ("01", "00004", "44", "18880"). */
  code: string;
  name: string;
  /** ASCII code name from the official catalogue, e.g. `phuong_dong_hoi`. */
  codename: string;
  /** Machine type (province, municipality, ward, commune, special_zone, …); data, not an enum. */
  type: string;
  /** The Vietnamese division type as published (tỉnh, phường, xã, đặc khu, …). */
  type_name: string;
  parent_code: string | null;
  level: number;
  path: string;
  /** GeoJSON geometry, rings wound as RFC 7946 says (see geometry.ts). */
  boundary: JSONColumnType<AreaGeometry> | null;
  /** A point inside the unit (for labels and map pins), not always the arithmetic centroid. */
  centroid_lat: number | null;
  centroid_lng: number | null;
  bbox_min_lng: number | null;
  bbox_min_lat: number | null;
  bbox_max_lng: number | null;
  bbox_max_lat: number | null;
  search_text: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Pre-July-2025 communes and the unit each became (one old commune may split into several). */
export interface AdminUnitConversionTable {
  id: Generated<number>;
  /** Null for the few rows the official table lists without an old code (whole islands, mudflats). */
  old_code: string | null;
  old_name: string;
  old_district: string;
  old_province: string;
  /** Normalised old name, district and province (see conversion.ts) for lookups by name. */
  old_name_key: string;
  old_district_key: string;
  old_province_key: string;
  new_code: string;
  /** How the old unit was merged ("Nhập toàn bộ", "Nhập một phần", …), as published. */
  note: string;
}

/** Fingerprint of the data files last imported, so the start-up import is a no-op when unchanged. */
export interface AdminUnitImportTable {
  source: string;
  fingerprint: string;
  imported_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AdminUnitTables {
  admin_units: AdminUnitTable;
  admin_unit_conversions: AdminUnitConversionTable;
  admin_unit_imports: AdminUnitImportTable;
}
