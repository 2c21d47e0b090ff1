/**
 * Deadline engine for dossiers (CONTRACT — implemented by the deadlines folder).
 * Working days or hours from valid receipt, the same-day cutoff, pauses subtracted, each due date with
 * the calendar version and an explanation a citizen can read.
 */
import type { Kysely } from 'kysely';
import type { Bilingual, TimeUnit } from '../tables.js';

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

export async function computeDue(_db: Kysely<any>, _input: DueInput, _via?: Kysely<any>): Promise<DueDate> {
  throw new Error('not implemented');
}

/** Working minutes between two instants on a calendar version (for paused time). */
export async function workingMinutesBetween(_db: Kysely<any>, _from: Date, _to: Date, _calendarVersion: number, _via?: Kysely<any>): Promise<number> {
  throw new Error('not implemented');
}

/** Moves a due instant later by a number of working minutes (a pause that ended). */
export async function extendByWorkingMinutes(_db: Kysely<any>, _dueAt: Date, _minutes: number, _calendarVersion: number, _via?: Kysely<any>): Promise<Date> {
  throw new Error('not implemented');
}

/** Per-step due time: `hours` working hours from `from`. */
export async function addWorkingHours(_db: Kysely<any>, _from: Date, _hours: number, _calendarVersion?: number, _via?: Kysely<any>): Promise<Date> {
  throw new Error('not implemented');
}

export { deadlineMigrations } from './migrations.js';

/** Registers the deadline watch (reminders before due, escalation of overdue dossiers). */
export async function registerDeadlineJobs(_ctx: import('../../../platform/http/module.js').AppContext): Promise<void> {}
