/**
 * The working-day calendar (lịch làm việc) of one calendar version: weekends, the statutory holidays
 * and compensation days computed for each year, then the official overlay of that version applied on
 * top. Pure and synchronous: the service (service.ts) builds one per version from the database.
 */
import type { Bilingual } from '../http/errors.js';
import {
  MAX_YEAR,
  MIN_YEAR,
  fromDayNumber,
  isWeekend,
  toDayNumber,
  vietnamInstant,
  vietnamLocal,
  yearOf,
  type IsoDate,
} from './civil-date.js';
import { compensationDays, statutoryHolidays } from './holidays.js';
import type { OverlayEntry } from './overlay.js';

/** How a day off arises: a statutory holiday, its compensation day, or the official overlay. */
export type DayOffKind = 'holiday' | 'compensation' | 'overlay';

export interface DayOff {
  date: IsoDate;
  name: Bilingual;
  kind: DayOffKind;
}

export interface WorkingWeekendDay {
  date: IsoDate;
  name: Bilingual;
  source: string;
}

/**
 * Office hours of state agencies used for deadlines counted in hours: 08:00–12:00 and 13:30–17:00
 * Vietnam time (7.5 hours a day). Provinces that keep other hours change this one constant.
 */
export const WORKING_HOURS: ReadonlyArray<{ from: string; to: string }> = [
  { from: '08:00', to: '12:00' },
  { from: '13:30', to: '17:00' },
];

const WINDOWS_MS = WORKING_HOURS.map((w) => ({ from: clockMs(w.from), to: clockMs(w.to) }));

/** Largest count accepted by the day arithmetic (about 270 years of working days): guards loops. */
const MAX_COUNT = 100_000;

function clockMs(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return (h * 60 + m) * 60_000;
}

/** Thrown for dates outside the years the calendar covers; routes turn it into a 400. */
export class CalendarRangeError extends RangeError {}

interface YearPlan {
  off: Map<number, DayOff>;
  /** Weekend or otherwise-off dates the overlay makes working days. */
  working: Map<number, WorkingWeekendDay>;
}

export class WorkingCalendar {
  private readonly overlayByYear = new Map<number, OverlayEntry[]>();
  private readonly plans = new Map<number, YearPlan>();

  /**
   * @param version the calendar version this snapshot represents
   * @param overlay the overlay entries in force at that version
   */
  constructor(
    readonly version: number,
    readonly overlay: readonly OverlayEntry[],
  ) {
    for (const entry of overlay) {
      const year = Number(entry.date.slice(0, 4));
      const list = this.overlayByYear.get(year) ?? [];
      list.push(entry);
      this.overlayByYear.set(year, list);
    }
  }

  /** Whether the year has entries of the official overlay (otherwise it is computed defaults only). */
  hasOverlayFor(year: number): boolean {
    return (this.overlayByYear.get(year)?.length ?? 0) > 0;
  }

  /** The days off of a year that are not plain weekends, in date order. */
  daysOff(year: number): DayOff[] {
    return [...this.plan(year).off.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /** Dates of a year the overlay turned into working days (swapped Saturdays, moved compensation). */
  workingOverrides(year: number): WorkingWeekendDay[] {
    return [...this.plan(year).working.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /** Why a date is off (null for a working day or a plain weekend). */
  dayOff(date: IsoDate): DayOff | null {
    const n = toDayNumber(date);
    return this.plan(yearOf(n)).off.get(n) ?? null;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /** The first working day on or after `date`. */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    let n = toDayNumber(date);
    while (!this.isWorkingDayNumber(n)) n++;
    return fromDayNumber(n);
  }

  /**
   * The date `days` working days after `start`. Civil Code 2015 Art. 147(2): counting starts on the
   * day after `start`, so receipt on Monday with 1 working day is due Tuesday. With 0 days the answer
   * is `start` when it is a working day, else the next working day (a same-day procedure).
   */
  addWorkingDays(start: IsoDate, days: number): IsoDate {
    checkCount(days);
    let n = toDayNumber(start);
    if (days === 0) return this.workingDayOnOrAfter(start);
    let left = days;
    while (left > 0) {
      n++;
      if (this.isWorkingDayNumber(n)) left--;
    }
    return fromDayNumber(n);
  }

  /**
   * Working days in (from, to]: the day after `from` through `to`, so that
   * `workingDaysBetween(a, addWorkingDays(a, n)) === n` for n ≥ 1. Negative when `to` is before `from`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    if (b < a) return -this.workingDaysBetween(to, from);
    if (b - a > MAX_COUNT * 2) throw new CalendarRangeError('The period is too long.');
    let count = 0;
    for (let n = a + 1; n <= b; n++) if (this.isWorkingDayNumber(n)) count++;
    return count;
  }

  /**
   * A period in calendar days (Civil Code Art. 147–148): it starts the day after `start` and ends at
   * the end of its last day, moved to the next working day when that day is a rest day or holiday.
   */
  addCalendarDays(start: IsoDate, days: number): IsoDate {
    checkCount(days);
    return this.workingDayOnOrAfter(fromDayNumber(toDayNumber(start) + days));
  }

  /**
   * The instant `hours` working hours (see WORKING_HOURS) after `start`, counted in Vietnam time.
   * Time outside office hours or on days off does not count; a start outside office hours begins at
   * the next opening. Fractions of an hour are allowed.
   */
  addWorkingHours(start: Date, hours: number): Date {
    if (!Number.isFinite(hours) || hours < 0 || hours > MAX_COUNT * 8) throw new CalendarRangeError(`Hours out of range: ${hours}`);
    let { dayNumber, msOfDay } = vietnamLocal(start);
    let left = Math.round(hours * 3_600_000);
    for (;;) {
      if (this.isWorkingDayNumber(dayNumber)) {
        for (const w of WINDOWS_MS) {
          if (msOfDay >= w.to) continue;
          const from = Math.max(msOfDay, w.from);
          if (left <= w.to - from) return vietnamInstant(dayNumber, from + left);
          left -= w.to - from;
          msOfDay = w.to;
        }
      }
      dayNumber++;
      msOfDay = 0;
    }
  }

  private isWorkingDayNumber(n: number): boolean {
    const plan = this.plan(yearOf(n));
    if (plan.off.has(n)) return false;
    return !isWeekend(n) || plan.working.has(n);
  }

  private plan(year: number): YearPlan {
    const cached = this.plans.get(year);
    if (cached) return cached;
    if (year < MIN_YEAR || year > MAX_YEAR) throw new CalendarRangeError(`The calendar covers ${MIN_YEAR}–${MAX_YEAR}, not ${year}.`);
    const overlay = this.overlayByYear.get(year) ?? [];
    const chosenSecond = overlay.find((e) => e.kind === 'national_day_second')?.date ?? null;
    const holidays = statutoryHolidays(year, chosenSecond);
    const off = new Map<number, DayOff>();
    for (const h of holidays) off.set(toDayNumber(h.date), { date: h.date, name: h.name, kind: 'holiday' });
    for (const c of compensationDays(holidays)) off.set(toDayNumber(c.date), { date: c.date, name: c.name, kind: 'compensation' });
    const working = new Map<number, WorkingWeekendDay>();
    for (const entry of overlay) {
      const n = toDayNumber(entry.date);
      if (entry.kind === 'day_off' && !off.has(n)) off.set(n, { date: entry.date, name: entry.name, kind: 'overlay' });
      if (entry.kind === 'working_day') {
        off.delete(n);
        working.set(n, { date: entry.date, name: entry.name, source: entry.source });
      }
    }
    const plan = { off, working };
    this.plans.set(year, plan);
    return plan;
  }
}

function checkCount(days: number): void {
  if (!Number.isInteger(days) || days < 0 || days > MAX_COUNT) throw new CalendarRangeError(`Day count out of range: ${days}`);
}
