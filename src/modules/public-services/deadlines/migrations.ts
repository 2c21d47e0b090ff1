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
  '202612030110_step_deadline_marks': {
    async up(db: Kysely<any>) {
      // The watch also warns about each step's due time (step_due_at): two more kinds of mark.
      await sql`alter table dossier_deadline_marks drop constraint dossier_deadline_marks_kind_check`.execute(db);
      await sql`
        alter table dossier_deadline_marks add constraint dossier_deadline_marks_kind_check
          check (kind in ('reminder','escalation','step_reminder','step_overdue'))`.execute(db);
      // The step candidates, read by step due time among the watched (open, clock running) dossiers.
      await sql`create index dossiers_open_step_due_idx on dossiers (step_due_at) where status in (2,4,6) and step_due_at is not null`.execute(db);
    },
  },
};
