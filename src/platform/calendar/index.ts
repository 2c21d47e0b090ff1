/**
 * What other modules use from the calendar. Everything takes a database (or a transaction, via the
 * last argument) rather than the AppContext, so jobs, scripts and tests can use it alike.
 *
 *   const { date, calendarVersion } = await computeDeadline(ctx.db, { start: '2025-04-28', workingDays: 5 });
 *   // store both; later, re-evaluate exactly as promised:
 *   await computeDeadline(ctx.db, { start: '2025-04-28', workingDays: 5, calendarVersion });
 */
import type { Kysely } from 'kysely';
import { calendarService, type Deadline, type DeadlineInput, type HourDeadline } from './service.js';

export type { IsoDate } from './civil-date.js';
export { todayInVietnam, vietnamLocal, formatVietnamese, MIN_YEAR, MAX_YEAR } from './civil-date.js';
export { solarToLunar, lunarToSolar, lunarDateOf, leapMonthOf, lunarMonthLength, tetOf, type LunarDate } from './lunar.js';
export { statutoryHolidays, compensationDays, defaultNationalDaySecond, type Holiday, type CompensationDay } from './holidays.js';
export { WorkingCalendar, WORKING_HOURS, CalendarRangeError, type DayOff, type DayOffKind } from './working-calendar.js';
export { CalendarService, calendarService, type Deadline, type DeadlineInput, type HourDeadline } from './service.js';
export { createOverride, removeOverride, type NewOverride } from './overrides.js';
export type { OverlayEntry, OverlayKind } from './overlay.js';

/**
 * A deadline in working days (or calendar days) from `start`, with the calendar version used. Give
 * `calendarVersion` to evaluate on that past version: a later calendar change then never moves the
 * deadline of work already received. Inside a transaction, pass it as `via`.
 */
export function computeDeadline(db: Kysely<any>, input: DeadlineInput, via?: Kysely<any>): Promise<Deadline> {
  return calendarService(db).computeDeadline(input, via);
}

/** The same deadline re-evaluated on a specific (usually past) calendar version. */
export function computeDeadlineAtVersion(db: Kysely<any>, input: DeadlineInput, calendarVersion: number, via?: Kysely<any>): Promise<Deadline> {
  return calendarService(db).computeDeadline({ ...input, calendarVersion }, via);
}

/** A deadline in working hours (08:00–12:00, 13:30–17:00 Vietnam time) from an instant. */
export function computeHourDeadline(
  db: Kysely<any>,
  input: { start: Date; workingHours: number; calendarVersion?: number | undefined },
  via?: Kysely<any>,
): Promise<HourDeadline> {
  return calendarService(db).computeHourDeadline(input, via);
}

/** The working calendar now (or at `calendarVersion`), for many computations in a row. */
export function workingCalendar(db: Kysely<any>, calendarVersion?: number, via?: Kysely<any>) {
  const service = calendarService(db);
  return calendarVersion === undefined ? service.current(via) : service.atVersion(calendarVersion, via);
}
