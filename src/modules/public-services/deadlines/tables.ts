import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import type { PsDb, PublicServicesTables } from '../tables.js';

/**
 * What the watch sends: about the legal due date (`due_at`) a reminder and an escalation; about the
 * current step's due time (`step_due_at`, liên thông) a reminder and a notice to the head of unit.
 */
export type WatchKind = 'reminder' | 'escalation' | 'step_reminder' | 'step_overdue';

/** One row per dossier, kind and due date the watch has acted on: the "exactly once" of the job. */
export interface DossierDeadlineMarkTable {
  dossier_id: string;
  kind: WatchKind;
  due_at: ColumnType<Date, Date | string, never>;
  marked_at: ColumnType<Date, Date | string, never>;
  recipients: number;
}

export type DeadlineTables = { dossier_deadline_marks: DossierDeadlineMarkTable };

export type DeadlineDb = Kysely<Database & PublicServicesTables & DeadlineTables>;

export type DeadlineTrx = Transaction<Database & PublicServicesTables & DeadlineTables>;

/** The same transaction seen as the platform's, for platform services (audit, notifications). */
export function platformOf(trx: DeadlineTrx): Transaction<Database> {
  return trx as unknown as Transaction<Database>;
}

export function deadlineDb(db: Kysely<Database> | PsDb): DeadlineDb {
  return (db as Kysely<Database>).withTables<PublicServicesTables & DeadlineTables>();
}
