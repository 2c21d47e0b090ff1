import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const identityMigrations: Record<string, Migration> = {
  '202611230100_identity_users_sessions_keys': {
    async up(db: Kysely<any>) {
      await sql`
        create table users (
          id uuid primary key default gen_random_uuid(),
          email text not null unique,
          full_name text not null,
          phone text,
          password_hash text,
          role text not null check (role in ('citizen','business','officer','agency_admin','leader','system_admin')),
          agency_id uuid,
          oidc_subject text unique,
          status text not null default 'active' check (status in ('active','disabled')),
          is_demo boolean not null default false,
          failed_logins integer not null default 0,
          locked_until timestamptz,
          search_text text not null default '',
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index users_agency_idx on users (agency_id)`.execute(db);
      await sql`create index users_search_idx on users using gin (search_text gin_trgm_ops)`.execute(db);
      await sql`
        create table sessions (
          id_hash text primary key,
          user_id uuid not null references users(id) on delete cascade,
          csrf_token text not null,
          ip text,
          user_agent text,
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          last_seen_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);
      await sql`
        create table api_keys (
          id uuid primary key default gen_random_uuid(),
          name text not null,
          prefix text not null unique,
          secret_hash text not null,
          scopes text[] not null,
          agency_id uuid,
          created_by uuid references users(id) on delete set null,
          created_at timestamptz not null default now(),
          expires_at timestamptz,
          revoked_at timestamptz,
          last_used_at timestamptz
        )`.execute(db);
      await sql`
        create table password_resets (
          token_hash text primary key,
          user_id uuid not null references users(id) on delete cascade,
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          used_at timestamptz
        )`.execute(db);
    },
  },
};
