import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Petitions about administrative procedures (phản ánh, kiến nghị về thủ tục hành chính, PAKN về TTHC)
 * are feedback reports in a petition category. These tables mark the categories, link each petition
 * to a procedure and optionally a dossier (codes checked through public-services/catalog/lookup.ts;
 * no foreign key across modules), and hold the public like/dislike of an answered petition.
 */
export const petitionMigrations: Record<string, Migration> = {
  '202612040300_procedure_petitions': {
    async up(db: Kysely<any>) {
      // The national PAKN clock: answer within 15 working days; rejection within 2 (15 working hours).
      await sql`
        insert into feedback_handling_classes (code, name_vi, name_en, accept_hours, resolve_amount, resolve_unit, priority, source)
        values ('pakn', 'Phản ánh, kiến nghị về TTHC', 'Petition about a procedure', 15, 15, 'working_days', 2,
          'Quyết định 766/QĐ-TTg, chỉ số 5.2: từ chối ≤ 2, đề nghị bổ sung ≤ 5, trả lời ≤ 15 ngày làm việc')
        on conflict (code) do nothing`.execute(db);
      await sql`
        create table feedback_petition_categories (
          category_code text primary key references feedback_categories(code) on delete cascade,
          default_class text check (default_class in ('procedure','officer_conduct'))
        )`.execute(db);
      await sql`
        create table feedback_procedure_petitions (
          report_id uuid primary key references feedback_reports(id) on delete cascade,
          petition_class text check (petition_class in ('procedure','officer_conduct')),
          procedure_code text,
          dossier_code text,
          dossier_id uuid,
          reraise_of uuid references feedback_reports(id) on delete set null,
          classified_at timestamptz,
          classified_by uuid references users(id) on delete set null,
          is_demo boolean not null default false
        )`.execute(db);
      await sql`create index feedback_procedure_petitions_procedure_idx on feedback_procedure_petitions (procedure_code, dossier_code)`.execute(db);
      await sql`create index feedback_procedure_petitions_reraise_idx on feedback_procedure_petitions (reraise_of) where reraise_of is not null`.execute(db);
      await sql`
        create table feedback_petition_votes (
          report_id uuid not null references feedback_reports(id) on delete cascade,
          user_id uuid not null references users(id) on delete cascade,
          vote smallint not null check (vote in (1, -1)),
          updated_at timestamptz not null default now(),
          primary key (report_id, user_id)
        )`.execute(db);
    },
  },
};
