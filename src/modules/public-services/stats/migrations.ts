import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { COUNTER_COLUMNS, KEY_COLUMNS, MONTH_KEY_COLUMNS } from './tables.js';

const KEY = sql.raw(KEY_COLUMNS.join(', '));
const vietnamDay = (instant: string) => sql.raw(`((${instant} at time zone 'UTC') + interval '7 hours')::date`);

/** A counters table keyed by a date column and the dimensions (see tables.ts), with its key and lookup indexes. */
async function createCounterTable(db: Kysely<any>, table: string, dateColumn: 'day' | 'month'): Promise<void> {
  const counters = COUNTER_COLUMNS.map((c) => `${c} ${c === 'handling_minutes' ? 'bigint' : 'integer'} not null default 0`).join(',\n  ');
  const key = [dateColumn, ...KEY_COLUMNS.slice(1)].join(', ');
  await sql.raw(`
    create table ${table} (
      ${dateColumn} date not null,
      agency_id uuid references agencies(id),
      receiving_agency_id uuid references agencies(id),
      commune_code text not null default '',
      procedure_code text not null,
      channel text not null,
      ${counters}
    )`).execute(db);
  await sql.raw(`create unique index ${table}_key_idx on ${table} (${key}) nulls not distinct`).execute(db);
  await sql.raw(`create index ${table}_agency_idx on ${table} (agency_id, ${dateColumn})`).execute(db);
  await sql.raw(`create index ${table}_procedure_idx on ${table} (procedure_code, ${dateColumn})`).execute(db);
}

/**
 * `dossier_stats_daily`: maintained counters behind the statistics, the 766 indicators and the monthly
 * report (see README.md). Dossier changes are counted by `recordStatsChange` in the command's
 * transaction; evaluations and online payments, inserted by other folders, by the triggers below.
 */
export const statsMigrations: Record<string, Migration> = {
  '202612020410_dossier_stats_daily': {
    async up(db: Kysely<any>) {
      // One row per key; the agencies may be absent, and two absent agencies are the same key.
      await createCounterTable(db, 'dossier_stats_daily', 'day');

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
  '202612040110_dossier_stats_monthly': {
    async up(db: Kysely<any>) {
      // A year of daily rows is close to one row per dossier at provincial volumes (day × agency ×
      // commune × procedure × channel rarely repeats); whole months are read from this rollup, about a
      // twelfth of the rows. It is kept by statement triggers on the daily table, so every writer of
      // the daily rows (recordStatsChange, the evaluation and payment triggers, the rebuild) keeps it too.
      await createCounterTable(db, 'dossier_stats_monthly', 'month');
      // Transition tables allow one event per trigger: inserted rows add, deleted rows subtract, an
      // update adds the new counters and subtracts the old (the key columns never change).
      const addFrom = (rows: string, sign: string) =>
        `select date_trunc('month', day)::date, ${KEY_COLUMNS.slice(1).join(', ')}, ${COUNTER_COLUMNS.map((c) => `${sign}${c}`).join(', ')} from ${rows}`;
      const upsert = (source: string) => `
        insert into dossier_stats_monthly as m (${MONTH_KEY_COLUMNS.join(', ')}, ${COUNTER_COLUMNS.join(', ')})
        select ${MONTH_KEY_COLUMNS.join(', ')}, ${COUNTER_COLUMNS.map((c) => `sum(${c})`).join(', ')}
        from (${source}) as x (${MONTH_KEY_COLUMNS.join(', ')}, ${COUNTER_COLUMNS.join(', ')})
        group by ${MONTH_KEY_COLUMNS.join(', ')}
        on conflict (${MONTH_KEY_COLUMNS.join(', ')}) do update set
          ${COUNTER_COLUMNS.map((c) => `${c} = m.${c} + excluded.${c}`).join(',\n          ')}`;
      const fn = (name: string, source: string) =>
        sql.raw(`create function ${name}() returns trigger language plpgsql as $$
        begin
          ${upsert(source)};
          return null;
        end $$`);
      await sql`${fn('dossier_stats_monthly_add', addFrom('new_rows', ''))}`.execute(db);
      await sql`${fn('dossier_stats_monthly_subtract', addFrom('old_rows', '-'))}`.execute(db);
      await sql`${fn('dossier_stats_monthly_change', `${addFrom('new_rows', '')} union all ${addFrom('old_rows', '-')}`)}`.execute(db);
      await sql`create trigger dossier_stats_monthly_on_insert after insert on dossier_stats_daily referencing new table as new_rows for each statement execute function dossier_stats_monthly_add()`.execute(db);
      await sql`create trigger dossier_stats_monthly_on_delete after delete on dossier_stats_daily referencing old table as old_rows for each statement execute function dossier_stats_monthly_subtract()`.execute(db);
      await sql`create trigger dossier_stats_monthly_on_update after update on dossier_stats_daily referencing old table as old_rows new table as new_rows for each statement execute function dossier_stats_monthly_change()`.execute(db);
      await sql.raw(upsert(addFrom('dossier_stats_daily', ''))).execute(db);
    },
  },
};

