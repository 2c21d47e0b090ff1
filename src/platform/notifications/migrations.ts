import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const notificationMigrations: Record<string, Migration> = {
  '202611230600_notifications': {
    async up(db: Kysely<any>) {
      await sql`
        create table mail_outbox (
          id uuid primary key default gen_random_uuid(),
          seq bigint generated always as identity unique,
          to_address text not null,
          subject text not null,
          text_body text not null,
          html_body text,
          status text not null default 'pending' check (status in ('pending','sent','kept','failed')),
          attempts integer not null default 0,
          last_error text,
          created_at timestamptz not null default now(),
          sent_at timestamptz,
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index mail_outbox_status_idx on mail_outbox (status, seq)`.execute(db);
      await sql`create index mail_outbox_to_idx on mail_outbox (to_address, seq)`.execute(db);
      await sql`
        create table notifications (
          id uuid primary key default gen_random_uuid(),
          seq bigint generated always as identity unique,
          user_id uuid not null references users(id) on delete cascade,
          category text not null default 'general',
          title jsonb not null,
          body jsonb not null,
          link text,
          read_at timestamptz,
          created_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index notifications_user_idx on notifications (user_id, seq desc)`.execute(db);
      await sql`create index notifications_unread_idx on notifications (user_id) where read_at is null`.execute(db);
      await sql`
        create table notification_preferences (
          user_id uuid not null references users(id) on delete cascade,
          category text not null,
          channel text not null check (channel in ('in_app','email')),
          enabled boolean not null,
          updated_at timestamptz not null default now(),
          primary key (user_id, category, channel)
        )`.execute(db);
    },
  },
  '202612011300_mail_list_unsubscribe': {
    async up(db: Kysely<any>) {
      await sql`alter table mail_outbox add column list_unsubscribe text`.execute(db);
    },
  },
};
