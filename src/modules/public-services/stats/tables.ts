import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import type { PublicServicesTables } from '../tables.js';

/**
 * The counters of `dossier_stats_daily`, grouped by the fact that adds to them (see README.md):
 * - receipt (day of valid receipt): received, received_e_result, reused, store_linked, fee_dossiers, paid_online;
 * - end of handling (day the dossier finished, was withdrawn or stopped): finished…handling_minutes;
 * - returned (day the result was handed over), refused (day of refusal at receipt);
 * - evaluation (day the applicant rated it): evaluations, rating_sum, satisfied, dissatisfied.
 */
export const COUNTER_COLUMNS = [
  'received',
  'received_e_result',
  'reused',
  'store_linked',
  'fee_dossiers',
  'paid_online',
  'finished',
  'finished_early',
  'finished_on_time',
  'finished_late',
  'withdrawn',
  'stopped',
  'with_supplement',
  'apology',
  'resolved',
  'digitised',
  'digitised_e_result',
  'e_result',
  'handling_minutes',
  'returned',
  'refused',
  'evaluations',
  'rating_sum',
  'satisfied',
  'dissatisfied',
] as const;

export type CounterColumn = (typeof COUNTER_COLUMNS)[number];

/** Counters kept by database triggers on other tables, never by `recordStatsChange`. */
export const TRIGGER_COLUMNS: readonly CounterColumn[] = ['paid_online', 'evaluations', 'rating_sum', 'satisfied', 'dissatisfied'];

export type Counts = Partial<Record<CounterColumn, number>>;

/** The dimensions of one row; `agency_id` is the handling agency, else the receiving one. */
export interface StatsKey {
  /** YYYY-MM-DD, Vietnam time. */
  day: string;
  agency_id: string | null;
  receiving_agency_id: string | null;
  /** '' when the dossier names no commune. */
  commune_code: string;
  procedure_code: string;
  channel: string;
}

export const KEY_COLUMNS = ['day', 'agency_id', 'receiving_agency_id', 'commune_code', 'procedure_code', 'channel'] as const;
/** `dossier_stats_monthly`: the same rows summed per month (`month` is the month's first day). */
export const MONTH_KEY_COLUMNS = ['month', ...KEY_COLUMNS.slice(1)] as const;

export type DossierStatsDailyTable = {
  /** A `date` column; read it through `to_char(day, 'YYYY-MM-DD')`. */
  day: ColumnType<string, string, never>;
  agency_id: string | null;
  receiving_agency_id: string | null;
  commune_code: string;
  procedure_code: string;
  channel: string;
} & { [K in CounterColumn]: ColumnType<number, number | undefined, number> };

export type StatsTables = PublicServicesTables & { dossier_stats_daily: DossierStatsDailyTable };
export type StatsDb = Kysely<Database & StatsTables>;
export type StatsTrx = Transaction<Database & StatsTables>;

export function statsDb(db: Kysely<any>): StatsDb {
  return db as StatsDb;
}
