import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const feedbackMigrations: Record<string, Migration> = {
  '202611231000_feedback_reports': {
    async up(db: Kysely<any>) {
      await sql`
        create table feedback_handling_classes (
          code text primary key,
          name_vi text not null,
          name_en text not null,
          accept_hours integer not null check (accept_hours > 0),
          resolve_amount integer not null check (resolve_amount > 0),
          resolve_unit text not null check (resolve_unit in ('working_hours','working_days')),
          priority integer not null,
          source text not null
        )`.execute(db);
      await sql`
        create table feedback_categories (
          code text primary key,
          name_vi text not null,
          name_en text not null,
          group_vi text not null,
          group_en text not null,
          description_vi text not null default '',
          description_en text not null default '',
          keywords text not null default '',
          responsible text not null check (responsible in ('agency','commune')),
          agency_id uuid references agencies(id),
          handling_class text not null references feedback_handling_classes(code),
          active boolean not null default true,
          sort_order integer not null default 0,
          is_demo boolean not null default false,
          search_text text not null default '',
          check (responsible = 'commune' or agency_id is not null)
        )`.execute(db);
      await sql`
        create table feedback_category_attributes (
          category_code text not null references feedback_categories(code) on delete cascade,
          code text not null,
          datatype text not null check (datatype in ('string','number','datetime','text','singlevaluelist','multivaluelist')),
          required boolean not null default false,
          description_vi text not null,
          description_en text not null,
          sort_order integer not null default 0,
          values jsonb not null default '[]'::jsonb,
          primary key (category_code, code)
        )`.execute(db);
      await sql`
        create table feedback_category_routes (
          category_code text not null references feedback_categories(code) on delete cascade,
          commune_code text not null references admin_units(code),
          agency_id uuid not null references agencies(id),
          primary key (category_code, commune_code)
        )`.execute(db);
      await sql`create sequence feedback_tracking_seq`.execute(db);
      await sql`
        create table feedback_reports (
          id uuid primary key default gen_random_uuid(),
          tracking_code text not null unique,
          category_code text not null references feedback_categories(code),
          description text not null,
          lat double precision not null,
          lng double precision not null,
          address text,
          commune_code text not null references admin_units(code),
          agency_id uuid not null references agencies(id),
          status text not null check (status in ('new','accepted','in_progress','resolved','closed')),
          outcome text check (outcome in ('fixed','not_fixed','not_ours','duplicate','refused')),
          outcome_reason text,
          handling_class text not null references feedback_handling_classes(code),
          attributes jsonb not null default '{}'::jsonb,
          reporter_user_id uuid references users(id) on delete set null,
          reporter_name text,
          reporter_email text,
          reporter_phone text,
          hide_name boolean not null default false,
          source text not null check (source in ('web','open311','counter')),
          open311_token text unique,
          duplicate_of uuid references feedback_reports(id),
          transferred_to uuid references agencies(id),
          result_text text,
          rating_stars smallint check (rating_stars between 1 and 5),
          rating_comment text,
          reopen_count integer not null default 0,
          accept_due_at timestamptz not null,
          due_at timestamptz,
          calendar_version integer not null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          accepted_at timestamptz,
          resolved_at timestamptz,
          closed_at timestamptz,
          rated_at timestamptz,
          hidden_reason text,
          is_demo boolean not null default false,
          search_text text not null default '',
          check ((status = 'closed') = (outcome is not null))
        )`.execute(db);
      await sql`create index feedback_reports_queue_idx on feedback_reports (agency_id, status, due_at)`.execute(db);
      await sql`create index feedback_reports_created_idx on feedback_reports (created_at desc, id desc)`.execute(db);
      await sql`create index feedback_reports_place_idx on feedback_reports (category_code, lat, lng)`.execute(db);
      await sql`create index feedback_reports_commune_idx on feedback_reports (commune_code, created_at desc)`.execute(db);
      await sql`create index feedback_reports_reporter_idx on feedback_reports (reporter_user_id) where reporter_user_id is not null`.execute(db);
      await sql`create index feedback_reports_search_idx on feedback_reports using gin (search_text gin_trgm_ops)`.execute(db);
      await sql`
        create table feedback_report_photos (
          report_id uuid not null references feedback_reports(id) on delete cascade,
          file_id uuid not null references files(id),
          kind text not null check (kind in ('report','result')),
          sort_order integer not null default 0,
          hidden_reason text,
          primary key (report_id, file_id)
        )`.execute(db);
      await sql`
        create table feedback_report_events (
          id bigserial primary key,
          report_id uuid not null references feedback_reports(id) on delete cascade,
          at timestamptz not null default now(),
          kind text not null,
          public boolean not null,
          actor_user_id uuid references users(id) on delete set null,
          actor_label text not null,
          agency_id uuid references agencies(id),
          data jsonb not null default '{}'::jsonb
        )`.execute(db);
      await sql`create index feedback_report_events_report_idx on feedback_report_events (report_id, id)`.execute(db);
    },
  },
  '202611231100_feedback_stats': {
    async up(db: Kysely<any>) {
      // Derived data: rebuilt from feedback_reports and feedback_report_events by rebuildFeedbackStats.
      const histogram = [...Array.from({ length: 31 }, (_, i) => `days_${i}`), 'days_over_30'].map((c) => `${c} integer not null default 0`).join(',\n          ');
      await sql`
        create table feedback_stats_daily (
          day date not null,
          agency_id uuid not null,
          commune_code text not null,
          category_code text not null,
          received integer not null default 0,
          accepted integer not null default 0,
          resolved integer not null default 0,
          resolved_on_time integer not null default 0,
          closed_fixed integer not null default 0,
          closed_not_fixed integer not null default 0,
          closed_not_ours integer not null default 0,
          closed_duplicate integer not null default 0,
          closed_refused integer not null default 0,
          rated_count integer not null default 0,
          rating_sum integer not null default 0,
          reopened integer not null default 0,
          ${sql.raw(histogram)},
          primary key (day, agency_id, commune_code, category_code)
        )`.execute(db);
    },
  },
  '202612011000_feedback_handling_followers': {
    async up(db: Kysely<any>) {
      await sql`
        alter table feedback_reports
          add column assigned_to uuid references users(id) on delete set null,
          add column assigned_at timestamptz,
          add column reminded_at timestamptz,
          add column escalated_at timestamptz,
          add column escalated_to uuid references agencies(id)`.execute(db);
      await sql`create index feedback_reports_assignee_idx on feedback_reports (assigned_to) where assigned_to is not null and status <> 'closed'`.execute(db);
      await sql`create index feedback_reports_open_due_idx on feedback_reports (due_at) where status <> 'closed'`.execute(db);
      await sql`
        create table feedback_response_templates (
          id uuid primary key default gen_random_uuid(),
          agency_id uuid references agencies(id) on delete cascade,
          action text not null check (action in ('refuse','resolve','close','transfer','note')),
          title text not null,
          body text not null,
          active boolean not null default true,
          created_by uuid references users(id) on delete set null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index feedback_response_templates_agency_idx on feedback_response_templates (agency_id, action)`.execute(db);
      await sql`
        create table feedback_subscriptions (
          id uuid primary key default gen_random_uuid(),
          email text not null,
          user_id uuid references users(id) on delete cascade,
          scope text not null check (scope in ('report','category','commune')),
          report_id uuid references feedback_reports(id) on delete cascade,
          category_code text references feedback_categories(code) on delete cascade,
          commune_code text references admin_units(code),
          token_hash text not null unique,
          confirmed_at timestamptz,
          last_event_id bigint not null default 0,
          created_at timestamptz not null default now(),
          check ((scope = 'report') = (report_id is not null)),
          check ((scope = 'category') = (category_code is not null)),
          check ((scope = 'commune') = (commune_code is not null))
        )`.execute(db);
      await sql`create unique index feedback_subscriptions_unique_idx on feedback_subscriptions (lower(email), scope, coalesce(report_id::text, category_code, commune_code))`.execute(db);
      await sql`create index feedback_subscriptions_report_idx on feedback_subscriptions (report_id) where report_id is not null`.execute(db);
    },
  },
  '202612011400_feedback_list_indexes': {
    async up(db: Kysely<any>) {
      // The public list filtered by commune and category reads one page through this index instead of
      // sorting every report of the pair (1.2 s → 1.5 ms with 1,000,000 reports; bench/README.md).
      await sql`create index feedback_reports_commune_category_created_idx on feedback_reports (commune_code, category_code, created_at desc, id desc)`.execute(db);
    },
  },
};
