import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const idempotencyMigrations: Record<string, Migration> = {
  '202612010900_idempotency_keys': {
    async up(db: Kysely<any>) {
      await sql`
        create table idempotency_keys (
          scope text not null,
          principal text not null,
          key text not null,
          fingerprint text not null,
          status_code integer not null,
          response jsonb not null,
          created_at timestamptz not null default now(),
          primary key (scope, principal, key)
        )`.execute(db);
      await sql`create index idempotency_keys_created_idx on idempotency_keys (created_at)`.execute(db);
    },
  },
};
