import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The tables of public services (dịch vụ công). Every table is owned by this module; sub-folders add
 * their own migrations only for tables nobody else reads.
 */
export const publicServicesMigrations: Record<string, Migration> = {
  '202612020100_procedures': {
    async up(db: Kysely<any>) {
      // A procedure (thủ tục hành chính) is its stable identity; what it says lives in versions.
      await sql`
        create table procedures (
          id uuid primary key default gen_random_uuid(),
          code text not null unique,
          is_demo boolean not null default false,
          created_at timestamptz not null default now()
        )`.execute(db);
      await sql`
        create table procedure_versions (
          id uuid primary key default gen_random_uuid(),
          procedure_id uuid not null references procedures(id),
          version integer not null check (version > 0),
          state text not null check (state in ('draft','published','retired')),
          effective_from timestamptz,
          effective_to timestamptz,
          published_at timestamptz,
          published_by uuid references users(id),
          name text not null,
          name_en text,
          field text not null,
          level text not null check (level in ('province','commune')),
          agency_id uuid references agencies(id),
          subjects jsonb not null default '[]'::jsonb,
          steps jsonb not null default '[]'::jsonb,
          channels jsonb not null default '[]'::jsonb,
          components jsonb not null default '[]'::jsonb,
          time_amount numeric not null check (time_amount >= 0),
          time_unit text not null check (time_unit in ('working_days','working_hours','calendar_days','months')),
          same_day_cutoff text,
          fees jsonb not null default '[]'::jsonb,
          result_type text not null check (result_type in ('paper','electronic','both','none')),
          result_name text not null default '',
          legal_basis jsonb not null default '[]'::jsonb,
          online_level text not null check (online_level in ('full','partial','none')),
          full_online_eligible boolean not null default false,
          online_payment boolean not null default false,
          form_schema jsonb not null default '{"type":"object","properties":{}}'::jsonb,
          process jsonb not null default '[]'::jsonb,
          publication jsonb not null default '{}'::jsonb,
          is_demo boolean not null default false,
          search_text text not null default '',
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          unique (procedure_id, version),
          check (level = 'commune' or agency_id is not null),
          check (state = 'draft' or effective_from is not null)
        )`.execute(db);
      await sql`create index procedure_versions_search_idx on procedure_versions using gin (search_text gin_trgm_ops)`.execute(db);
      // At most one draft per procedure at a time.
      await sql`create unique index procedure_versions_one_draft_idx on procedure_versions (procedure_id) where state = 'draft'`.execute(db);
      await sql`create index procedure_versions_effective_idx on procedure_versions (procedure_id, effective_from desc) where state <> 'draft'`.execute(db);
    },
  },
  '202612020200_dossiers': {
    async up(db: Kysely<any>) {
      // Versioned dossier-code formats (Circular 01/2018, then 03/2025): the format in force on the day of receipt applies.
      await sql`
        create table dossier_code_formats (
          version integer primary key,
          pattern text not null,
          effective_from date not null,
          source text not null
        )`.execute(db);
      await sql`insert into dossier_code_formats (version, pattern, effective_from, source) values (1, '{agency}-{yyMMdd}-{seq4}', '2018-11-23', 'Thông tư 01/2018/TT-VPCP: mã cơ quan tiếp nhận, ngày tiếp nhận, số thứ tự trong ngày')`.execute(db);
      // One row per receiving agency and day; the row lock makes concurrent receipts take distinct numbers.
      await sql`
        create table dossier_code_sequences (
          agency_code text not null,
          day date not null,
          last_seq integer not null,
          primary key (agency_code, day)
        )`.execute(db);
      await sql`
        create table dossiers (
          id uuid primary key default gen_random_uuid(),
          code text unique,
          code_format_version integer references dossier_code_formats(version),
          procedure_id uuid not null references procedures(id),
          procedure_version_id uuid not null references procedure_versions(id),
          procedure_code text not null,
          channel text not null check (channel in ('counter','online','post')),
          status smallint not null check (status between 0 and 10),
          sub_state text,
          applicant_kind text not null check (applicant_kind in ('citizen','business','household_business')),
          applicant jsonb not null,
          applicant_user_id uuid references users(id),
          submitter_user_id uuid references users(id),
          on_behalf boolean not null default false,
          form_data jsonb not null default '{}'::jsonb,
          receiving_agency_id uuid references agencies(id),
          handling_agency_id uuid references agencies(id),
          commune_code text,
          assignee_id uuid references users(id),
          current_step integer,
          step_due_at timestamptz,
          submitted_at timestamptz,
          received_at timestamptz,
          due_at timestamptz,
          due_calendar_version integer,
          due_explanation jsonb,
          extended_due_at timestamptz,
          paused_since timestamptz,
          paused_working_minutes integer not null default 0,
          supplement_requests integer not null default 0,
          finished_at timestamptz,
          returned_at timestamptz,
          delivery_method text check (delivery_method in ('counter','post','online')),
          delivery_note text,
          outcome text check (outcome in ('approved','rejected','refused','withdrawn','stopped')),
          result_number text,
          result_file_id uuid references files(id),
          result_sha256 text,
          fee_total bigint not null default 0,
          fee_status text not null default 'none' check (fee_status in ('none','unpaid','paid','exempt')),
          payment_reference text unique,
          digitised boolean not null default false,
          reused_data boolean not null default false,
          version integer not null default 1,
          is_demo boolean not null default false,
          draft_saved_at timestamptz,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index dossiers_queue_idx on dossiers (handling_agency_id, status, due_at) where status in (1,2,4,5,6)`.execute(db);
      await sql`create index dossiers_receiving_idx on dossiers (receiving_agency_id, status) where status = 1`.execute(db);
      await sql`create index dossiers_assignee_idx on dossiers (assignee_id, due_at) where assignee_id is not null and status in (2,4,5,6)`.execute(db);
      await sql`create index dossiers_applicant_idx on dossiers (applicant_user_id, created_at desc) where applicant_user_id is not null`.execute(db);
      await sql`create index dossiers_submitter_idx on dossiers (submitter_user_id, created_at desc) where submitter_user_id is not null`.execute(db);
      await sql`create index dossiers_received_idx on dossiers (received_at) where received_at is not null`.execute(db);
      await sql`create index dossiers_open_due_idx on dossiers (due_at) where status in (2,4,5,6)`.execute(db);

      // Components as submitted: one row per file (a component may have several pages/files).
      await sql`
        create table dossier_components (
          id uuid primary key default gen_random_uuid(),
          dossier_id uuid not null references dossiers(id) on delete cascade,
          component_code text not null,
          kind text not null check (kind in ('original','copy','electronic')),
          file_id uuid references files(id),
          sha256 text,
          digitised boolean not null default false,
          reused_from text,
          added_at timestamptz not null default now(),
          added_in text not null default 'submission' check (added_in in ('submission','receipt','supplement'))
        )`.execute(db);
      await sql`create index dossier_components_dossier_idx on dossier_components (dossier_id, component_code)`.execute(db);

      // The trail (tiến trình): append-only; each row is one command.
      await sql`
        create table dossier_events (
          id bigint generated always as identity primary key,
          dossier_id uuid not null references dossiers(id) on delete cascade,
          at timestamptz not null default now(),
          action text not null,
          from_status smallint,
          to_status smallint not null,
          sub_state text,
          actor_user_id uuid references users(id),
          actor_label text not null,
          agency_id uuid references agencies(id),
          to_agency_id uuid references agencies(id),
          step integer,
          step_due_at timestamptz,
          comment text,
          public_note jsonb,
          data jsonb not null default '{}'::jsonb
        )`.execute(db);
      await sql`create index dossier_events_dossier_idx on dossier_events (dossier_id, id)`.execute(db);

      // Clock pauses: supplement requests (bổ sung) and suspensions (tạm dừng), one row each.
      await sql`
        create table dossier_pauses (
          id uuid primary key default gen_random_uuid(),
          dossier_id uuid not null references dossiers(id) on delete cascade,
          kind text not null check (kind in ('supplement','suspension')),
          started_at timestamptz not null,
          ended_at timestamptz,
          working_minutes integer,
          reason text not null,
          items jsonb not null default '[]'::jsonb,
          requested_by uuid references users(id)
        )`.execute(db);
      await sql`create unique index dossier_pauses_open_idx on dossier_pauses (dossier_id) where ended_at is null`.execute(db);

      // Documents the system issues: forms Mẫu 01–06, the control sheet, results; each with its hash.
      await sql`
        create table dossier_documents (
          id uuid primary key default gen_random_uuid(),
          dossier_id uuid not null references dossiers(id) on delete cascade,
          kind text not null check (kind in ('receipt','completion_request','refusal','apology','stop_notice','control_sheet','result','supplement_request')),
          number text,
          file_id uuid not null references files(id),
          sha256 text not null,
          created_at timestamptz not null default now(),
          created_by uuid references users(id)
        )`.execute(db);
      await sql`create index dossier_documents_dossier_idx on dossier_documents (dossier_id, kind)`.execute(db);

      await sql`
        create table dossier_consultations (
          id uuid primary key default gen_random_uuid(),
          dossier_id uuid not null references dossiers(id) on delete cascade,
          to_agency_id uuid not null references agencies(id),
          question text not null,
          due_at timestamptz not null,
          asked_by uuid references users(id),
          asked_at timestamptz not null default now(),
          answer text,
          answered_by uuid references users(id),
          answered_at timestamptz
        )`.execute(db);
      await sql`create index dossier_consultations_open_idx on dossier_consultations (to_agency_id, due_at) where answered_at is null`.execute(db);

      await sql`
        create table dossier_evaluations (
          dossier_id uuid primary key references dossiers(id) on delete cascade,
          rating smallint not null check (rating between 1 and 5),
          criteria jsonb not null default '{}'::jsonb,
          comment text,
          created_at timestamptz not null default now()
        )`.execute(db);
    },
  },
  '202612020300_dossier_payments': {
    async up(db: Kysely<any>) {
      await sql`
        create table dossier_payments (
          id uuid primary key default gen_random_uuid(),
          dossier_id uuid not null references dossiers(id),
          method text not null check (method in ('bank_transfer','counter','gateway')),
          provider text not null,
          provider_ref text not null,
          amount bigint not null check (amount > 0),
          paid_at timestamptz not null,
          recorded_by uuid references users(id),
          raw jsonb not null default '{}'::jsonb,
          created_at timestamptz not null default now(),
          unique (provider, provider_ref)
        )`.execute(db);
      await sql`create index dossier_payments_dossier_idx on dossier_payments (dossier_id)`.execute(db);
      // Incoming bank transfers (sao kê), matched to dossiers by the reference in their description.
      await sql`
        create table bank_transfers (
          id uuid primary key default gen_random_uuid(),
          bank_ref text not null unique,
          amount bigint not null,
          description text not null,
          received_at timestamptz not null,
          dossier_id uuid references dossiers(id),
          match_state text not null check (match_state in ('matched','unmatched','amount_mismatch','duplicate')),
          imported_at timestamptz not null default now()
        )`.execute(db);
    },
  },
};
