import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The description (feedback_reports.hidden_reason) and photos (feedback_report_photos.hidden_reason)
 * already have their moderation column; the result text and the reporter's rating comment are public
 * too, so they get one each. Hiding never deletes: the text stays, the reason says why it is not shown.
 */
export const moderationMigrations: Record<string, Migration> = {
  '202612011200_feedback_moderation': {
    async up(db: Kysely<any>) {
      await sql`
        alter table feedback_reports
          add column result_hidden_reason text,
          add column rating_comment_hidden_reason text`.execute(db);
      await sql`create index feedback_reports_duplicate_of_idx on feedback_reports (duplicate_of) where duplicate_of is not null`.execute(db);
    },
  },
  '202612011210_feedback_moderation_events': {
    async up(db: Kysely<any>) {
      // Public timeline entries carry free text too: a reporter's reopening reason, an Open311
      // client's update, officers' reasons. Hidden ones keep their data; the public sees a placeholder.
      await sql`alter table feedback_report_events add column hidden_reason text`.execute(db);
    },
  },
};
