/**
 * Deadline engine for dossiers: working days or hours from valid receipt, the same-day cutoff, pauses
 * subtracted, each due date with the calendar version and an explanation a citizen can read.
 * Every function takes the database and, inside a transaction, the transaction as `via`.
 */
import type { Kysely } from 'kysely';
import { workingCalendar } from '../../../platform/calendar/index.js';
import type { AppContext } from '../../../platform/http/module.js';
import type { Bilingual, TimeUnit } from '../tables.js';
import { addWorkingMinutes, workingMinutes } from './clock.js';
import { dueOn } from './compute.js';
import { registerDeadlineWatchJob } from './watch.js';

export { DEFAULT_SAME_DAY_CUTOFF, dueOn, addMonths, type DueRule, type ComputedDue } from './compute.js';
export { effectiveReceipt, vietnamDateTime, WORKING_HOURS_PER_DAY } from './clock.js';
export { deadlineMigrations } from './migrations.js';
export { runDeadlineWatch, DEADLINE_WATCH_JOB, type DeadlineWatchResult } from './watch.js';
export { recomputeDeadlines, type RecomputeOptions, type RecomputeResult } from './recompute.js';
export { registerDeadlineRoutes } from './routes.js';

export interface DueDate {
  dueAt: Date;
  calendarVersion: number;
  explanation: Bilingual;
}

export interface DueInput {
  receivedAt: Date;
  amount: number;
  unit: TimeUnit;
  /** "15:00" or null. */
  cutoff: string | null;
  calendarVersion?: number | undefined;
}

/** The due date of a dossier received at `receivedAt`, on the current calendar or on `calendarVersion`. */
export async function computeDue(db: Kysely<any>, input: DueInput, via?: Kysely<any>): Promise<DueDate> {
  const calendar = await workingCalendar(db, input.calendarVersion, via);
  const { dueAt, explanation } = dueOn(calendar, input);
  return { dueAt, calendarVersion: calendar.version, explanation };
}

/** Working minutes between two instants on a calendar version (for paused time). */
export async function workingMinutesBetween(db: Kysely<any>, from: Date, to: Date, calendarVersion: number, via?: Kysely<any>): Promise<number> {
  return workingMinutes(await workingCalendar(db, calendarVersion, via), from, to);
}

/** Moves a due instant later by a number of working minutes (a pause that ended). */
export async function extendByWorkingMinutes(db: Kysely<any>, dueAt: Date, minutes: number, calendarVersion: number, via?: Kysely<any>): Promise<Date> {
  return addWorkingMinutes(await workingCalendar(db, calendarVersion, via), dueAt, minutes);
}

/** Per-step due time: `hours` working hours from `from`. */
export async function addWorkingHours(db: Kysely<any>, from: Date, hours: number, calendarVersion?: number, via?: Kysely<any>): Promise<Date> {
  return (await workingCalendar(db, calendarVersion, via)).addWorkingHours(from, hours);
}

/** Registers the deadline watch (reminders before due, escalation of overdue dossiers). */
export async function registerDeadlineJobs(ctx: AppContext): Promise<void> {
  registerDeadlineWatchJob(ctx);
}
