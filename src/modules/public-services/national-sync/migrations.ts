import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The national sync's outbox (one row per status change of a received dossier) and its reconciliation log. */
export const nationalSyncMigrations: Record<string, Migration> = {
  '202612040200_dossier_sync_outbox': {
    async up(db: Kysely<any>) {
      await sql`
        create table dossier_sync_outbox (
          id uuid primary key default gen_random_uuid(),
          dossier_id uuid not null references dossiers(id) on delete cascade,
          code text not null,
          sequence integer not null check (sequence > 0),
          status smallint not null,
          at timestamptz not null,
          payload jsonb not null,
          attempts integer not null default 0,
          next_attempt_at timestamptz not null,
          delivered_at timestamptz,
          dead_at timestamptz,
          last_error text,
          created_at timestamptz not null default now(),
          unique (dossier_id, sequence)
        )`.execute(db);
      // The delivery pass reads the waiting rows by due time; delivered rows drop out of the index.
      await sql`create index dossier_sync_outbox_due_idx on dossier_sync_outbox (next_attempt_at) where delivered_at is null and dead_at is null`.execute(db);
      // Reconciliation and indicator 1.4 read by the time of the change.
      await sql`create index dossier_sync_outbox_at_idx on dossier_sync_outbox (at)`.execute(db);
      await sql`
        create table national_sync_reconciliations (
          id uuid primary key default gen_random_uuid(),
          at timestamptz not null,
          dossiers_checked integer not null,
          requeued integer not null,
          error text
        )`.execute(db);
    },
  },
};
