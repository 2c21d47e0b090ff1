import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const fileMigrations: Record<string, Migration> = {
  '202611230500_files': {
    async up(db: Kysely<any>) {
      await sql`
        create table files (
          id uuid primary key,
          owner_user_id uuid references users(id) on delete set null,
          purpose text not null,
          original_name text not null,
          mime text not null,
          size integer not null check (size >= 0),
          sha256 text not null,
          storage_key text not null unique,
          created_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index files_owner_idx on files (owner_user_id, created_at desc)`.execute(db);
    },
  },
};
