/**
 * Office-hour arithmetic on one working calendar (pure): when a receipt counts, working minutes
 * between two instants, Vietnam wall-clock text. The calendar itself stays the platform's.
 */
import { WORKING_HOURS, type WorkingCalendar } from '../../../platform/calendar/index.js';
import { fromDayNumber, vietnamInstant, vietnamLocal } from '../../../platform/calendar/civil-date.js';

const MINUTE_MS = 60_000;

function clockMs(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return (h * 60 + m) * MINUTE_MS;
}

const WINDOWS = WORKING_HOURS.map((w) => ({ from: clockMs(w.from), to: clockMs(w.to) }));
export const OPENING_MS = WINDOWS[0]!.from;
export const CLOSING_MS = WINDOWS[WINDOWS.length - 1]!.to;
/** 7.5 hours with the default office hours: the length of one working day in hours. */
export const WORKING_HOURS_PER_DAY = WINDOWS.reduce((sum, w) => sum + (w.to - w.from), 0) / 3_600_000;

const CLOCK_TEXT = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "15:00" → milliseconds after local midnight; null for null; a RangeError for anything else. */
export function parseClock(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text === '') return null;
  if (!CLOCK_TEXT.test(text)) throw new RangeError(`Not a time of day (HH:mm): ${text}`);
  return clockMs(text);
}

/** The Vietnam calendar day (day number) of an instant. */
export function vietnamLocalDay(instant: Date): number {
  return vietnamLocal(instant).dayNumber;
}

export function isWorkingDayNumber(calendar: WorkingCalendar, dayNumber: number): boolean {
  return calendar.isWorkingDay(fromDayNumber(dayNumber));
}

export function nextWorkingDayNumber(calendar: WorkingCalendar, after: number): number {
  let n = after + 1;
  while (!isWorkingDayNumber(calendar, n)) n++;
  return n;
}

/** Why a receipt counts from a later instant than it happened. */
export type ReceiptShift = 'none' | 'day_off' | 'after_cutoff' | 'before_hours' | 'lunch_break' | 'after_hours';

export interface EffectiveReceipt {
  at: Date;
  dayNumber: number;
  msOfDay: number;
  shift: ReceiptShift;
}

/**
 * The instant a receipt counts from. Inside office hours (window ends included) it is the receipt
 * itself. On a day off, after the same-day cutoff or after closing it is the next working day's
 * opening; before opening, that day's opening; in the lunch break, the afternoon opening. The
 * result is therefore always inside office hours.
 */
export function effectiveReceipt(calendar: WorkingCalendar, receivedAt: Date, cutoffMs: number | null): EffectiveReceipt {
  const { dayNumber, msOfDay } = vietnamLocal(receivedAt);
  const at = (day: number, ms: number, shift: ReceiptShift): EffectiveReceipt => ({ at: vietnamInstant(day, ms), dayNumber: day, msOfDay: ms, shift });
  if (!isWorkingDayNumber(calendar, dayNumber)) return at(nextWorkingDayNumber(calendar, dayNumber), OPENING_MS, 'day_off');
  if (cutoffMs !== null && msOfDay > cutoffMs) return at(nextWorkingDayNumber(calendar, dayNumber), OPENING_MS, 'after_cutoff');
  if (msOfDay > CLOSING_MS) return at(nextWorkingDayNumber(calendar, dayNumber), OPENING_MS, 'after_hours');
  if (msOfDay < OPENING_MS) return at(dayNumber, OPENING_MS, 'before_hours');
  const inside = WINDOWS.some((w) => msOfDay >= w.from && msOfDay <= w.to);
  if (inside) return { at: receivedAt, dayNumber, msOfDay, shift: 'none' };
  const nextWindow = WINDOWS.find((w) => w.from > msOfDay)!;
  return at(dayNumber, nextWindow.from, 'lunch_break');
}

/**
 * Working minutes in [from, to) on the calendar (whole minutes, rounded down: a pause never gives
 * back more than it took). Zero when `to` is not after `from`.
 */
export function workingMinutes(calendar: WorkingCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  const start = vietnamLocal(from).dayNumber;
  const end = vietnamLocal(to).dayNumber;
  let ms = 0;
  for (let day = start; day <= end; day++) {
    if (!isWorkingDayNumber(calendar, day)) continue;
    for (const w of WINDOWS) {
      const a = Math.max(from.getTime(), vietnamInstant(day, w.from).getTime());
      const b = Math.min(to.getTime(), vietnamInstant(day, w.to).getTime());
      if (b > a) ms += b - a;
    }
  }
  return Math.floor(ms / MINUTE_MS);
}

/**
 * `due` moved later by `minutes` working minutes. Zero (or less) changes nothing, even for a due
 * instant at closing time, which the calendar would otherwise carry to the next opening.
 */
export function addWorkingMinutes(calendar: WorkingCalendar, due: Date, minutes: number): Date {
  if (!(minutes > 0)) return due;
  return calendar.addWorkingHours(due, minutes / 60);
}

const two = (n: number) => String(n).padStart(2, '0');

/** "14:10 27/02/2026": the wall clock in Vietnam, as people there read a deadline. */
export function vietnamDateTime(instant: Date): string {
  const { dayNumber, msOfDay } = vietnamLocal(instant);
  const minutes = Math.floor(msOfDay / MINUTE_MS);
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)} ${vietnamDate(dayNumber)}`;
}

/** "27/02/2026" for a day number. */
export function vietnamDate(dayNumber: number): string {
  const [y, m, d] = fromDayNumber(dayNumber).split('-');
  return `${d}/${m}/${y}`;
}
