import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/tables.js';
import type { Db } from '../db/database.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { toSearchText } from '../search/search-text.js';
import { readDataFiles, sharedDataDir } from './data-files.js';
import { parseConversionCsv } from './conversion.js';
import { bboxOf, isAreaGeometry, labelPoint, toRfc7946, type AreaGeometry } from './geometry.js';
import { clearBoundaryCache } from './resolve.js';

/** Bump when the import's output changes for the same files, so installed databases re-import. */
const IMPORT_VERSION = 1;
const SOURCE = 'official-2025';

export interface ImportOptions {
  /** Directory holding the data files; defaults to `sharedDataDir()`. */
  dataDir?: string;
  /** Re-import even if these exact files were imported already. */
  force?: boolean;
}

export interface ImportResult {
  skipped: boolean;
  units: number;
  boundaries: number;
  conversions: number;
  ms: number;
}

interface UnitRow {
  code: string;
  name: string;
  codename: string;
  type: string;
  type_name: string;
  parent_code: string | null;
  level: number;
  path: string;
  boundary: AreaGeometry | null;
  centroid_lat: number | null;
  centroid_lng: number | null;
  bbox_min_lng: number | null;
  bbox_min_lat: number | null;
  bbox_max_lng: number | null;
  bbox_max_lat: number | null;
  search_text: string;
}

/** Machine names of the published division types; an unknown one becomes its ASCII slug. */
const TYPE_SLUGS: Record<string, string> = {
  'tinh': 'province',
  'thanh pho trung uong': 'municipality',
  'phuong': 'ward',
  'xa': 'commune',
  'dac khu': 'special_zone',
  'thi tran': 'township',
  'huyen': 'district',
  'quan': 'urban_district',
  'thi xa': 'town',
  'thanh pho': 'city',
};

function typeSlug(divisionType: string): string {
  const key = toSearchText(divisionType);
  return TYPE_SLUGS[key] ?? key.replace(/[^a-z0-9]+/g, '_');
}

interface RawUnit {
  code: number | string;
  name: string;
  codename: string;
  division_type: string;
  [children: string]: unknown;
}

/** Child lists the catalogue may nest, with the width of their official codes (tỉnh 2, huyện 3, xã 5). */
const CHILD_KEYS: Array<[key: string, width: number]> = [
  ['districts', 3],
  ['wards', 5],
];

/** Flattens the nested catalogue, parents before children, at whatever depth it goes. */
function flattenUnits(roots: RawUnit[], boundaries: Map<string, AreaGeometry>): UnitRow[] {
  const out: UnitRow[] = [];
  const walk = (unit: RawUnit, width: number, parent: UnitRow | null) => {
    const code = String(unit.code).padStart(width, '0');
    const raw = boundaries.get(code);
    const boundary = raw ? toRfc7946(raw) : null;
    const box = boundary ? bboxOf(boundary) : null;
    const pin = boundary ? labelPoint(boundary) : null;
    const row: UnitRow = {
      code,
      name: unit.name,
      codename: unit.codename,
      type: typeSlug(unit.division_type),
      type_name: unit.division_type,
      parent_code: parent?.code ?? null,
      level: (parent?.level ?? 0) + 1,
      path: parent ? `${parent.path}/${code}` : code,
      boundary,
      centroid_lat: pin?.lat ?? null,
      centroid_lng: pin?.lng ?? null,
      bbox_min_lng: box?.[0] ?? null,
      bbox_min_lat: box?.[1] ?? null,
      bbox_max_lng: box?.[2] ?? null,
      bbox_max_lat: box?.[3] ?? null,
      search_text: toSearchText(unit.name),
    };
    out.push(row);
    for (const [key, childWidth] of CHILD_KEYS) {
      const children = unit[key];
      if (Array.isArray(children)) for (const child of children as RawUnit[]) walk(child, childWidth, row);
    }
  };
  for (const root of roots) walk(root, 2, null);
  return out;
}

/** Boundaries keyed by the code padded like the catalogue's (features carry integer codes). */
function readBoundaries(geojson: string | null, width: number, into: Map<string, AreaGeometry>): void {
  if (!geojson) return;
  const collection = JSON.parse(geojson) as { features: Array<{ properties: { code: number | string }; geometry: unknown }> };
  for (const feature of collection.features) {
    if (isAreaGeometry(feature.geometry)) into.set(String(feature.properties.code).padStart(width, '0'), feature.geometry);
  }
}

/**
 * Loads the official tree of administrative units, the boundaries we have and the old→new
 * conversion table, in one transaction with one audit row. Set-based: each tier is one INSERT
 * from a JSON recordset, so the ~3,400 units and ~10,600 conversions load in a few statements.
 * Idempotent: the files' fingerprint is stored, and the same files are not imported twice
 * unless `force`; a forced import upserts, so names and boundaries follow the files again.
 * Units missing from the files are kept (agencies and records may still point at them).
 */
export async function importAdminUnits(ctx: { db: Db; audit: AuditTrail }, options: ImportOptions = {}): Promise<ImportResult> {
  const started = Date.now();
  const files = readDataFiles(options.dataDir ?? sharedDataDir());
  const fingerprint = `${IMPORT_VERSION}:${files.fingerprint}`;
  const done = await ctx.db.selectFrom('admin_unit_imports').select('fingerprint').where('source', '=', SOURCE).executeTakeFirst();
  if (done?.fingerprint === fingerprint && !options.force) return { skipped: true, units: 0, boundaries: 0, conversions: 0, ms: Date.now() - started };

  const boundaries = new Map<string, AreaGeometry>();
  readBoundaries(files.provinceBoundaries, 2, boundaries);
  readBoundaries(files.communeBoundaries, 5, boundaries);
  const units = flattenUnits(JSON.parse(files.units) as RawUnit[], boundaries);
  const conversions = parseConversionCsv(files.conversion);
  const known = new Set(units.map((u) => u.code));
  const usable = conversions.filter((c) => known.has(c.new_code));

  await ctx.db.transaction().execute(async (trx) => {
    const levels = [...new Set(units.map((u) => u.level))].sort((a, b) => a - b);
    for (const level of levels) await upsertUnits(trx, units.filter((u) => u.level === level));
    await trx.deleteFrom('admin_unit_conversions').execute();
    await insertConversions(trx, usable);
    await trx
      .insertInto('admin_unit_imports')
      .values({ source: SOURCE, fingerprint })
      .onConflict((oc) => oc.column('source').doUpdateSet({ fingerprint, imported_at: new Date() }))
      .execute();
    await ctx.audit.record(trx, {
      actor: { userId: null, label: 'system:admin-units-import' },
      action: 'admin-units.import',
      targetType: 'admin_units',
      details: { units: units.length, boundaries: boundaries.size, conversions: usable.length, skippedConversions: conversions.length - usable.length },
    });
  });
  clearBoundaryCache(ctx.db);
  return { skipped: false, units: units.length, boundaries: boundaries.size, conversions: usable.length, ms: Date.now() - started };
}

async function upsertUnits(trx: Transaction<Database>, rows: UnitRow[]): Promise<void> {
  if (rows.length === 0) return;
  // Boundary, pin and box change together; a file without a boundary keeps the one we have.
  await sql`
    insert into admin_units (code, name, codename, type, type_name, parent_code, level, path, boundary,
      centroid_lat, centroid_lng, bbox_min_lng, bbox_min_lat, bbox_max_lng, bbox_max_lat, search_text)
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(code text, name text, codename text,
      type text, type_name text, parent_code text, level integer, path text, boundary jsonb,
      centroid_lat double precision, centroid_lng double precision, bbox_min_lng double precision,
      bbox_min_lat double precision, bbox_max_lng double precision, bbox_max_lat double precision, search_text text)
    on conflict (code) do update set
      name = excluded.name, codename = excluded.codename, type = excluded.type, type_name = excluded.type_name,
      parent_code = excluded.parent_code, level = excluded.level, path = excluded.path,
      boundary = coalesce(excluded.boundary, admin_units.boundary),
      centroid_lat = coalesce(excluded.centroid_lat, admin_units.centroid_lat),
      centroid_lng = coalesce(excluded.centroid_lng, admin_units.centroid_lng),
      bbox_min_lng = coalesce(excluded.bbox_min_lng, admin_units.bbox_min_lng),
      bbox_min_lat = coalesce(excluded.bbox_min_lat, admin_units.bbox_min_lat),
      bbox_max_lng = coalesce(excluded.bbox_max_lng, admin_units.bbox_max_lng),
      bbox_max_lat = coalesce(excluded.bbox_max_lat, admin_units.bbox_max_lat),
      search_text = excluded.search_text, updated_at = now()`.execute(trx);
}

async function insertConversions(trx: Transaction<Database>, rows: ReturnType<typeof parseConversionCsv>): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into admin_unit_conversions (old_code, old_name, old_district, old_province, old_name_key,
      old_district_key, old_province_key, new_code, note)
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(old_code text, old_name text,
      old_district text, old_province text, old_name_key text, old_district_key text, old_province_key text,
      new_code text, note text)`.execute(trx);
}
