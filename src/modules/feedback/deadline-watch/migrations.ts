import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Indexes the deadline watch reads through. Each holds only reports that still have a deadline, so
 * the job's queries cost in proportion to the open reports near or past it, never to all reports
 * (the resolved and closed majority is left out, which the wider `feedback_reports_open_due_idx`
 * would make the job step over).
 */
export const deadlineWatchMigrations: Record<string, Migration> = {
  '202612011200_feedback_deadline_watch': {
    async up(db: Kysely<any>) {
      // Waiting for acceptance: the clock is accept_due_at.
      await sql`create index feedback_reports_accept_due_idx on feedback_reports (accept_due_at) where status = 'new'`.execute(db);
      // Being handled: the clock is due_at.
      await sql`create index feedback_reports_handling_due_idx on feedback_reports (due_at) where status in ('accepted', 'in_progress')`.execute(db);
      // The supervising agency's list of reports escalated to it.
      await sql`create index feedback_reports_escalated_to_idx on feedback_reports (escalated_to) where escalated_to is not null and status in ('new', 'accepted', 'in_progress')`.execute(db);
    },
  },
};
