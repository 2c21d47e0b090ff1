/**
 * Keeping `feedback_stats_daily` up to date: each use case that changes a counted fact calls one of
 * these inside its own transaction, so the statistics commit (or roll back) with the change itself.
 * Every write is `insert … on conflict (key) do update set x = x + excluded.x`.
 */
import { sql } from 'kysely';
import { todayInVietnam, workingCalendar, type IsoDate, type WorkingCalendar } from '../../../platform/calendar/index.js';
import type { FeedbackTrx, HandlingDaysColumn, ReportOutcome, ReportStatus, StatsCounterColumn } from '../tables.js';

/** The largest handling time with its own bucket; longer ones share `days_over_30`. */
export const HISTOGRAM_MAX_DAYS = 30;

/** Bucket columns in order: index i holds results given after i working days (the last: more). */
export const HISTOGRAM_COLUMNS: readonly HandlingDaysColumn[] = [
  ...Array.from({ length: HISTOGRAM_MAX_DAYS + 1 }, (_, i) => `days_${i}` as HandlingDaysColumn),
  'days_over_30',
];

export const COUNTER_COLUMNS: readonly StatsCounterColumn[] = [
  'received',
  'accepted',
  'resolved',
  'resolved_on_time',
  'closed_fixed',
  'closed_not_fixed',
  'closed_not_ours',
  'closed_duplicate',
  'closed_refused',
  'rated_count',
  'rating_sum',
  'reopened',
  ...HISTOGRAM_COLUMNS,
];

/** Which row a counted fact lands in. `day` is the day of the fact, in Vietnam time. */
export interface StatsKey {
  day: IsoDate;
  agency_id: string;
  commune_code: string;
  category_code: string;
}

export type Counts = Partial<Record<StatsCounterColumn, number>>;

/** What the counters need to know about a report (a row of feedback_reports has all of it). */
export interface StatsReport {
  agency_id: string;
  commune_code: string;
  category_code: string;
  status: ReportStatus;
  outcome: ReportOutcome | null;
  created_at: Date | string;
  due_at: Date | string | null;
  calendar_version: number;
}

export function keyOf(report: Pick<StatsReport, 'agency_id' | 'commune_code' | 'category_code'>, at: Date | string): StatsKey {
  return { day: todayInVietnam(new Date(at)), agency_id: report.agency_id, commune_code: report.commune_code, category_code: report.category_code };
}

export const CLOSED_COLUMN: Record<ReportOutcome, StatsCounterColumn> = {
  fixed: 'closed_fixed',
  not_fixed: 'closed_not_fixed',
  not_ours: 'closed_not_ours',
  duplicate: 'closed_duplicate',
  refused: 'closed_refused',
};

/** The histogram column of a handling time in working days. */
export function bucketOf(workingDays: number): HandlingDaysColumn {
  return HISTOGRAM_COLUMNS[Math.min(Math.max(workingDays, 0), HISTOGRAM_MAX_DAYS + 1)]!;
}

/**
 * The counts of one result given at `at`: resolved, on time when `at` is not after the due date,
 * and the bucket of working days from the day received to the day of the result (the day after
 * receipt is the first, as deadlines count), on the report's own calendar version.
 */
export function resolutionCounts(calendar: WorkingCalendar, report: Pick<StatsReport, 'created_at' | 'due_at'>, at: Date | string): Counts {
  const resolvedAt = new Date(at);
  const onTime = report.due_at !== null && resolvedAt.getTime() <= new Date(report.due_at).getTime();
  const days = calendar.workingDaysBetween(todayInVietnam(new Date(report.created_at)), todayInVietnam(resolvedAt));
  return { resolved: 1, resolved_on_time: onTime ? 1 : 0, [bucketOf(days)]: 1 };
}

/** Adds counts to a row, creating it when it is the first fact of its key. */
export async function addCounts(trx: FeedbackTrx, key: StatsKey, counts: Counts): Promise<void> {
  const columns = (Object.keys(counts) as StatsCounterColumn[]).filter((c) => counts[c]);
  if (columns.length === 0) return;
  await trx
    .insertInto('feedback_stats_daily')
    .values({ ...key, ...Object.fromEntries(columns.map((c) => [c, counts[c]])) })
    .onConflict((oc) =>
      oc.columns(['day', 'agency_id', 'commune_code', 'category_code']).doUpdateSet(
        Object.fromEntries(columns.map((c) => [c, sql<number>`${sql.ref(`feedback_stats_daily.${c}`)} + ${sql.ref(`excluded.${c}`)}`])),
      ),
    )
    .execute();
}

/** A new report: `received` on the day it arrived, for the agency it was routed to. */
export async function countReceived(trx: FeedbackTrx, report: Pick<StatsReport, 'agency_id' | 'commune_code' | 'category_code' | 'created_at'>): Promise<void> {
  await addCounts(trx, keyOf(report, report.created_at), { received: 1 });
}

/**
 * The counts of a change of state at `at`, from `before` to `after` (the report as written):
 * new → accepted: accepted; → resolved: a result (see resolutionCounts); → closed: its outcome;
 * resolved or closed → in_progress: reopened. Other changes (start, transfer, note) count nothing.
 */
export async function transitionCounts(trx: FeedbackTrx, before: Pick<StatsReport, 'status'>, after: StatsReport, at: Date | string): Promise<Counts> {
  if (before.status === after.status) return {};
  switch (after.status) {
    case 'accepted':
      return before.status === 'new' ? { accepted: 1 } : {};
    case 'resolved':
      return resolutionCounts(await workingCalendar(trx, after.calendar_version, trx), after, at);
    case 'closed':
      return after.outcome ? { [CLOSED_COLUMN[after.outcome]]: 1 } : {};
    case 'in_progress':
      return before.status === 'resolved' || before.status === 'closed' ? { reopened: 1 } : {};
    default:
      return {};
  }
}

/** Counts a change of state (accept, resolve, close, refuse, reopen) made at `at`, for the agency holding the report. */
export async function countTransition(trx: FeedbackTrx, before: Pick<StatsReport, 'status'>, after: StatsReport, at: Date | string): Promise<void> {
  await addCounts(trx, keyOf(after, at), await transitionCounts(trx, before, after, at));
}

/** The reporter's rating (1–5 stars) given at `at`. */
export async function countRating(trx: FeedbackTrx, report: Pick<StatsReport, 'agency_id' | 'commune_code' | 'category_code'>, stars: number, at: Date | string): Promise<void> {
  await addCounts(trx, keyOf(report, at), { rated_count: 1, rating_sum: stars });
}
