import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const registryMigrations: Record<string, Migration> = {
  '202612050010_iot_device_types': {
    async up(db: Kysely<any>) {
      await sql`
        create table iot_device_types (
          id uuid primary key default gen_random_uuid(),
          code text not null unique check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
          name text not null check (length(name) between 1 and 200),
          name_en text not null check (length(name_en) between 1 and 200),
          sector text not null check (sector in ('agriculture','transport','tourism','environment')),
          metrics jsonb not null check (jsonb_typeof(metrics) = 'array'),
          report_interval_seconds integer not null check (report_interval_seconds between 1 and 86400),
          is_builtin boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
    },
  },
  '202612050020_iot_devices': {
    async up(db: Kysely<any>) {
      // The bounding box is Vietnam's mainland and islands (Hoàng Sa, Trường Sa) with a margin.
      await sql`
        create table iot_devices (
          id uuid primary key default gen_random_uuid(),
          code text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$'),
          name text not null check (length(name) between 1 and 200),
          type_id uuid not null references iot_device_types(id),
          sector text not null check (sector in ('agriculture','transport','tourism','environment')),
          lat double precision not null check (lat between 6 and 24),
          lng double precision not null check (lng between 102 and 118),
          commune_code text references admin_units(code),
          owner_agency_id uuid references agencies(id),
          status text not null default 'active' check (status in ('active','maintenance','disabled')),
          token_hash text not null,
          token_rotated_at timestamptz not null default now(),
          is_demo boolean not null default false,
          last_seen_at timestamptz,
          search_text text not null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index iot_devices_type_idx on iot_devices (type_id, code)`.execute(db);
      await sql`create index iot_devices_sector_idx on iot_devices (sector, code)`.execute(db);
      await sql`create index iot_devices_commune_idx on iot_devices (commune_code, code)`.execute(db);
      await sql`create index iot_devices_agency_idx on iot_devices (owner_agency_id, code)`.execute(db);
      await sql`create index iot_devices_status_idx on iot_devices (status, code)`.execute(db);
      await sql`create index iot_devices_demo_idx on iot_devices (is_demo) where is_demo`.execute(db);
      await sql`create index iot_devices_search_idx on iot_devices using gin (search_text gin_trgm_ops)`.execute(db);
    },
  },
};
