import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const auditMigrations: Record<string, Migration> = {
  '202611230110_audit_hash_chain': {
    async up(db: Kysely<any>) {
      await sql`
        create table audit_log (
          seq bigint primary key,
          at timestamptz not null,
          actor_user_id uuid,
          actor_api_key_id uuid,
          actor_label text not null,
          actor_agency_id uuid,
          action text not null,
          target_type text not null,
          target_id text,
          subject_user_id uuid,
          purpose text,
          ip text,
          request_id text,
          details jsonb not null default '{}'::jsonb,
          prev_hash text not null,
          hash text not null
        )`.execute(db);
      await sql`create index audit_log_subject_idx on audit_log (subject_user_id, seq) where subject_user_id is not null`.execute(db);
      await sql`create index audit_log_target_idx on audit_log (target_type, target_id)`.execute(db);
      await sql`create table audit_head (id integer primary key check (id = 1), seq bigint not null, hash text not null)`.execute(db);
      await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
      // Append-only: the application never updates or deletes audit rows; the database refuses it too.
      await sql`
        create function audit_log_refuse_change() returns trigger language plpgsql as $$
        begin
          raise exception 'audit_log is append-only';
        end $$`.execute(db);
      await sql`
        create trigger audit_log_append_only before update or delete on audit_log
        for each row execute function audit_log_refuse_change()`.execute(db);
    },
  },
};
