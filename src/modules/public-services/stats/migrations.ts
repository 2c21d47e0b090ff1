import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { COUNTER_COLUMNS, KEY_COLUMNS } from './tables.js';

const KEY = sql.raw(KEY_COLUMNS.join(', '));
const vietnamDay = (instant: string) => sql.raw(`((${instant} at time zone 'UTC') + interval '7 hours')::date`);

/**
 * `dossier_stats_daily`: maintained counters behind the statistics, the 766 indicators and the monthly
 * report (see README.md). Dossier changes are counted by `recordStatsChange` in the command's
 * transaction; evaluations and online payments, inserted by other folders, by the triggers below.
 */
export const statsMigrations: Record<string, Migration> = {
  '202612020410_dossier_stats_daily': {
    async up(db: Kysely<any>) {
      const counters = COUNTER_COLUMNS.map((c) => `${c} ${c === 'handling_minutes' ? 'bigint' : 'integer'} not null default 0`).join(',\n          ');
      await sql`
        create table dossier_stats_daily (
          day date not null,
          agency_id uuid references agencies(id),
          receiving_agency_id uuid references agencies(id),
          commune_code text not null default '',
          procedure_code text not null,
          channel text not null,
          ${sql.raw(counters)}
        )`.execute(db);
      // One row per key; the agencies may be absent, and two absent agencies are the same key.
      await sql`create unique index dossier_stats_daily_key_idx on dossier_stats_daily (${KEY}) nulls not distinct`.execute(db);
      await sql`create index dossier_stats_daily_agency_idx on dossier_stats_daily (agency_id, day)`.execute(db);
      await sql`create index dossier_stats_daily_procedure_idx on dossier_stats_daily (procedure_code, day)`.execute(db);

      // An evaluation (đánh giá) counts on its own day, for the dossier's agency, commune, procedure and channel.
      await sql`
        create function dossier_stats_count_evaluation() returns trigger language plpgsql as $$
        begin
          insert into dossier_stats_daily as s (${KEY}, evaluations, rating_sum, satisfied, dissatisfied)
          select ${vietnamDay('new.created_at')}, coalesce(d.handling_agency_id, d.receiving_agency_id), d.receiving_agency_id,
            coalesce(d.commune_code, ''), d.procedure_code, d.channel,
            1, new.rating, (new.rating >= 4)::int, (new.rating <= 2)::int
          from dossiers d where d.id = new.dossier_id
          on conflict (${KEY}) do update set
            evaluations = s.evaluations + excluded.evaluations,
            rating_sum = s.rating_sum + excluded.rating_sum,
            satisfied = s.satisfied + excluded.satisfied,
            dissatisfied = s.dissatisfied + excluded.dissatisfied;
          return null;
        end $$`.execute(db);
      await sql`create trigger dossier_evaluations_stats after insert on dossier_evaluations for each row execute function dossier_stats_count_evaluation()`.execute(db);

      // The first online payment (gateway or bank transfer) of a dossier counts once, with its receipt day.
      await sql`
        create function dossier_stats_count_online_payment() returns trigger language plpgsql as $$
        begin
          if new.method not in ('gateway', 'bank_transfer') then return null; end if;
          if exists (select 1 from dossier_payments p where p.dossier_id = new.dossier_id and p.id <> new.id and p.method in ('gateway', 'bank_transfer')) then
            return null;
          end if;
          insert into dossier_stats_daily as s (${KEY}, paid_online)
          select ${vietnamDay('coalesce(d.received_at, new.paid_at)')}, coalesce(d.handling_agency_id, d.receiving_agency_id), d.receiving_agency_id,
            coalesce(d.commune_code, ''), d.procedure_code, d.channel, 1
          from dossiers d where d.id = new.dossier_id
          on conflict (${KEY}) do update set paid_online = s.paid_online + excluded.paid_online;
          return null;
        end $$`.execute(db);
      await sql`create trigger dossier_payments_stats after insert on dossier_payments for each row execute function dossier_stats_count_online_payment()`.execute(db);
    },
  },
};
