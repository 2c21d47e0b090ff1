import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Columns and guards the catalog adds to `procedure_versions`. */
export const catalogMigrations: Record<string, Migration> = {
  '202612020110_catalog_sorting': {
    async up(db: Kysely<any>) {
      // `name_search`: the name alone, normalised, for ranking (exact and prefix matches first).
      // `sort_key`: an ASCII key whose byte order is Vietnamese alphabetical order (PGlite has no ICU).
      await sql`alter table procedure_versions add column name_search text not null default ''`.execute(db);
      await sql`alter table procedure_versions add column sort_key text not null default ''`.execute(db);
      // A published version is what dossiers were received under: the database refuses to change its
      // content. Only its end (effective_to, set when a successor is published), its state and the
      // derived search columns may change.
      await sql`
        create or replace function procedure_versions_immutable() returns trigger language plpgsql as $$
        begin
          if old.state <> 'draft' and
             (to_jsonb(old) - array['effective_to','state','updated_at','search_text','name_search','sort_key'])
             is distinct from
             (to_jsonb(new) - array['effective_to','state','updated_at','search_text','name_search','sort_key']) then
            raise exception 'published procedure version % is immutable', old.id using errcode = 'P0001';
          end if;
          if old.state <> 'draft' and new.state = 'draft' then
            raise exception 'published procedure version % cannot return to draft', old.id using errcode = 'P0001';
          end if;
          return new;
        end $$`.execute(db);
      await sql`create trigger procedure_versions_immutable before update on procedure_versions for each row execute function procedure_versions_immutable()`.execute(db);
    },
  },
  '202612030120_procedure_routes': {
    async up(db: Kysely<any>) {
      // The routing table (Decree 118/2025): for a procedure, and optionally the commune a dossier
      // concerns, the agency competent to handle it. A row without a commune applies to every commune;
      // a row for the commune wins over it. No row: the default (the version's agency, or the commune's
      // People's Committee). Procedures, not versions: competence outlives a new version of the text.
      await sql`
        create table procedure_routes (
          id uuid primary key default gen_random_uuid(),
          procedure_id uuid not null references procedures(id) on delete cascade,
          commune_code text,
          agency_id uuid not null references agencies(id),
          note text,
          is_demo boolean not null default false,
          updated_by uuid references users(id),
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create unique index procedure_routes_key on procedure_routes (procedure_id, coalesce(commune_code, ''))`.execute(db);
    },
  },
};
