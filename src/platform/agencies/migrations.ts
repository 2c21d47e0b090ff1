import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const agencyMigrations: Record<string, Migration> = {
  // After 202611230200_admin_units_tree: agencies point at administrative units.
  '202611230300_agencies': {
    async up(db: Kysely<any>) {
      await sql`
        create table agencies (
          id uuid primary key default gen_random_uuid(),
          code text not null unique,
          name text not null,
          name_en text,
          kind text not null check (kind in ('provincial_committee','department','commune_committee','public_service_unit','other')),
          parent_id uuid references agencies(id) on delete restrict,
          admin_unit_code text references admin_units(code) on delete restrict,
          address text,
          phone text,
          email text,
          is_demo boolean not null default false,
          search_text text not null default '',
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          check (parent_id is null or parent_id <> id)
        )`.execute(db);
      await sql`create index agencies_parent_idx on agencies (parent_id)`.execute(db);
      await sql`create index agencies_admin_unit_idx on agencies (admin_unit_code)`.execute(db);
      await sql`create index agencies_search_idx on agencies using gin (search_text gin_trgm_ops)`.execute(db);
    },
  },
};
