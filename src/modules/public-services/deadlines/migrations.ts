import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The deadline watch's own table: which reminders and escalations were sent for which due date. */
export const deadlineMigrations: Record<string, Migration> = {
  '202612020310_dossier_deadline_marks': {
    async up(db: Kysely<any>) {
      // Keyed by the due date acted on: a due date moved by a pause gets its own reminder, a second
      // pass for the same due date finds the row and does nothing.
      await sql`
        create table dossier_deadline_marks (
          dossier_id uuid not null references dossiers(id) on delete cascade,
          kind text not null check (kind in ('reminder','escalation')),
          due_at timestamptz not null,
          marked_at timestamptz not null,
          recipients integer not null default 0,
          primary key (dossier_id, kind, due_at)
        )`.execute(db);
    },
  },
};
