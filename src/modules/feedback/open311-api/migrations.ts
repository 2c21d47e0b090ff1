import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const open311Migrations: Record<string, Migration> = {
  '202611231200_feedback_open311': {
    async up(db: Kysely<any>) {
      await sql`alter table feedback_reports add column media_urls text[]`.execute(db);
      await sql`create index feedback_reports_token_idx on feedback_reports (open311_token) where open311_token is not null`.execute(db);
      await sql`create index feedback_reports_updated_idx on feedback_reports (updated_at)`.execute(db);
    },
  },
};
