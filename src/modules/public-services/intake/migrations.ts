import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const intakeMigrations: Record<string, Migration> = {
  '202612020400_dossier_exemptions': {
    async up(db: Kysely<any>) {
      // The fee exemptions the applicant claims (codes from the procedure's fee list), kept from the
      // draft until fees are assessed at receipt.
      await sql`alter table dossiers add column exemption_codes jsonb not null default '[]'::jsonb`.execute(db);
    },
  },
};
