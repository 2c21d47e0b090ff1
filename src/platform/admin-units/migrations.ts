import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const adminUnitMigrations: Record<string, Migration> = {
  '202611230200_admin_units_tree': {
    async up(db: Kysely<any>) {
      // No check on `type` or `level`: tiers are data, so a future reform needs no migration.
      await sql`
        create table admin_units (
          code text primary key,
          name text not null,
          codename text not null,
          type text not null,
          type_name text not null,
          parent_code text references admin_units(code) on delete restrict,
          level integer not null check (level >= 1),
          path text not null,
          boundary jsonb,
          centroid_lat double precision,
          centroid_lng double precision,
          bbox_min_lng double precision,
          bbox_min_lat double precision,
          bbox_max_lng double precision,
          bbox_max_lat double precision,
          search_text text not null default '',
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index admin_units_parent_idx on admin_units (parent_code, code)`.execute(db);
      await sql`create index admin_units_path_idx on admin_units (path text_pattern_ops)`.execute(db);
      await sql`create index admin_units_search_idx on admin_units using gin (search_text gin_trgm_ops)`.execute(db);
      // Point lookups first narrow candidates by bounding box; only units with a boundary qualify.
      await sql`
        create index admin_units_bbox_idx on admin_units (bbox_min_lat, bbox_max_lat, bbox_min_lng, bbox_max_lng)
        where boundary is not null`.execute(db);
      await sql`
        create table admin_unit_conversions (
          id integer generated always as identity primary key,
          old_code text,
          old_name text not null,
          old_district text not null,
          old_province text not null,
          old_name_key text not null,
          old_district_key text not null,
          old_province_key text not null,
          new_code text not null references admin_units(code) on delete cascade,
          note text not null default ''
        )`.execute(db);
      await sql`create index admin_unit_conversions_old_code_idx on admin_unit_conversions (old_code)`.execute(db);
      await sql`create index admin_unit_conversions_old_name_idx on admin_unit_conversions (old_name_key)`.execute(db);
      await sql`create index admin_unit_conversions_new_code_idx on admin_unit_conversions (new_code)`.execute(db);
      await sql`
        create table admin_unit_imports (
          source text primary key,
          fingerprint text not null,
          imported_at timestamptz not null default now()
        )`.execute(db);
    },
  },
};
