import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import { feedbackDb, type FeedbackTables, type FeedbackTrx } from '../tables.js';

/** The columns moderation adds to feedback_reports (migration 202612011200_feedback_moderation). */
export interface ModeratedReportColumns {
  /** Why the officer's result text is hidden from the public (e.g. it named a person by mistake). */
  result_hidden_reason: string | null;
  /** Why the reporter's rating comment is hidden from the public. */
  rating_comment_hidden_reason: string | null;
}

/** The column moderation adds to feedback_report_events (migration 202612011210_feedback_moderation_events). */
export interface ModeratedEventColumns {
  /** Why the free text of a public timeline entry is hidden from the public. */
  hidden_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export type ModerationTables = FeedbackTables & {
  feedback_reports: FeedbackTables['feedback_reports'] & ModeratedReportColumns;
  feedback_report_events: FeedbackTables['feedback_report_events'] & ModeratedEventColumns;
};
export type ModerationDb = Kysely<Database & ModerationTables>;
export type ModerationTrx = Transaction<Database & ModerationTables>;

export function moderationDb(db: Kysely<Database>): ModerationDb {
  return feedbackDb(db).withTables<ModerationTables>() as unknown as ModerationDb;
}

/** The feedback transaction seen with the moderation columns (same connection, only the type differs). */
export function moderationTrx(trx: FeedbackTrx): ModerationTrx {
  return trx as unknown as ModerationTrx;
}
