import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Indexes the work queues need beyond the module's own: the receiving one-stop unit's view of
 * dossiers it received and passed on, and finished dossiers waiting to be handed back; and the
 * queue's diacritic-blind search text.
 */
export const processingMigrations: Record<string, Migration> = {
  '202612020210_processing_queue_indexes': {
    async up(db: Kysely<any>) {
      // The "agency" queue reads handling OR receiving agency; the receiving half needs its own index by due date.
      await sql`create index dossiers_receiving_queue_idx on dossiers (receiving_agency_id, status, due_at) where status in (2,4,5,6,9)`.execute(db);
      // Finished (9) but not yet returned (10): still work for the desk that hands results back.
      await sql`create index dossiers_awaiting_return_idx on dossiers (handling_agency_id, due_at) where status = 9`.execute(db);
    },
  },
  '202612030100_dossier_search_text': {
    async up(db: Kysely<any>) {
      // toSearchText (src/platform/search/search-text.ts) in SQL: NFD, drop combining marks, đ/Đ → d/D,
      // lower case, collapse JS `\s` whitespace, trim. Rows are written by intake, the demo generator's
      // bulk inserts and processing, so the database folds them itself; equal to the JS fold for
      // Vietnamese (search-text-sql.test.ts). Marks: the combining-diacritics blocks, which hold every
      // Vietnamese tone and vowel mark (JS strips every \p{M}, other scripts' marks too).
      await sql`
        create function fold_search_text(value text) returns text
        language sql immutable strict parallel safe as $$
          select btrim(regexp_replace(lower(translate(
            regexp_replace(normalize(value, NFD), '[\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f]+', '', 'g'),
            'đĐ', 'dD')),
            '[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', ' ', 'g'), ' ')
        $$`.execute(db);
      // What the officer may type: the dossier code, the procedure code and name, the applicant and their business.
      await sql`
        create function dossier_search_source(code text, procedure_code text, applicant jsonb, procedure_name text) returns text
        language sql immutable parallel safe as $$
          select fold_search_text(concat_ws(' ', code, procedure_code, applicant->>'name', applicant->>'organisation', procedure_name))
        $$`.execute(db);
      await sql`alter table dossiers add column search_text text not null default ''`.execute(db);
      // One set-based pass (the benchmark database holds a million dossiers), before the index and the trigger exist.
      await sql`
        update dossiers d set search_text = dossier_search_source(d.code, d.procedure_code, d.applicant, pv.name)
        from procedure_versions pv where pv.id = d.procedure_version_id`.execute(db);
      await sql`create index dossiers_search_idx on dossiers using gin (search_text gin_trgm_ops)`.execute(db);
      await sql`
        create function dossiers_fill_search_text() returns trigger language plpgsql as $$
        begin
          new.search_text := dossier_search_source(new.code, new.procedure_code, new.applicant,
            (select pv.name from procedure_versions pv where pv.id = new.procedure_version_id));
          return new;
        end $$`.execute(db);
      // Only when a searched column changes: status moves and the like do not pay for it.
      await sql`
        create trigger dossiers_search_text before insert or update of code, procedure_code, applicant, procedure_version_id
        on dossiers for each row execute function dossiers_fill_search_text()`.execute(db);
    },
  },
  '202612040120_desk_queue_indexes': {
    async up(db: Kysely<any>) {
      // The agency desk reads statuses 1, 2, 4, 5, 6 and 9 where the agency handles OR received the
      // dossier; neither earlier partial index covers that status set, so at a million dossiers the
      // planner scanned the table. One partial index per side lets it OR two bitmaps and sort the few
      // thousand rows an agency has on its desk.
      await sql`create index dossiers_desk_handling_idx on dossiers (handling_agency_id) where status in (1,2,4,5,6,9)`.execute(db);
      await sql`create index dossiers_desk_receiving_idx on dossiers (receiving_agency_id) where status in (1,2,4,5,6,9)`.execute(db);
      // Pending dossiers at the end of the current period (stats/pending.ts) read only these columns of
      // the open ones: an index-only scan instead of one heap page per open dossier.
      await sql`
        create index dossiers_open_pending_idx on dossiers (status)
        include (handling_agency_id, receiving_agency_id, procedure_code, commune_code, received_at, due_at, paused_since, supplement_requests)
        where status in (2,4,5,6)`.execute(db);
    },
  },
};

