/**
 * Calendar dates without a time of day ("civil dates"), written YYYY-MM-DD, and the day numbers the
 * calendar computes with. A day number counts days from 1970-01-01, so date arithmetic is integer
 * arithmetic and never meets a time zone or a daylight-saving jump.
 */

/** A civil date written YYYY-MM-DD (always a real date when produced by this module). */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
/** Vietnam (Asia/Ho_Chi_Minh) has kept UTC+7 without daylight saving since 1975. */
export const VIETNAM_UTC_OFFSET_HOURS = 7;
const VIETNAM_OFFSET_MS = VIETNAM_UTC_OFFSET_HOURS * 3_600_000;
/** The Julian day number of 1970-01-01, linking day numbers to the astronomy in lunar.ts. */
export const JDN_OF_DAY_ZERO = 2_440_588;

/** The years the calendar answers for: the lunar formulas are accurate well inside this range. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a real date, or null when the text is not one (2025-02-30, 2025-2-3, …). */
export function tryParseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const n = dayNumberOf(year, month, day);
  const back = partsOf(n);
  return back.year === year && back.month === month && back.day === day ? n : null;
}

/** The day number of a date known to be valid (throws otherwise: a programming error). */
export function toDayNumber(date: IsoDate): number {
  const n = tryParseIsoDate(date);
  if (n === null) throw new RangeError(`Not a date: ${date}`);
  return n;
}

export function dayNumberOf(year: number, month: number, day: number): number {
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC maps years 0–99 to 1900–1999; the calendar never goes there, but be exact anyway.
  return Math.round(ms / MS_PER_DAY);
}

export function partsOf(dayNumber: number): { year: number; month: number; day: number } {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = partsOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return fromDayNumber(dayNumberOf(year, month, day));
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: number): boolean {
  const w = weekdayOf(dayNumber);
  return w === 0 || w === 6;
}

export function yearOf(dayNumber: number): number {
  return partsOf(dayNumber).year;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** "26/04/2026": how Vietnamese documents write a date. */
export function formatVietnamese(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** The day number and milliseconds since local midnight of an instant, read in Vietnam time. */
export function vietnamLocal(instant: Date): { dayNumber: number; msOfDay: number } {
  const local = instant.getTime() + VIETNAM_OFFSET_MS;
  const dayNumber = Math.floor(local / MS_PER_DAY);
  return { dayNumber, msOfDay: local - dayNumber * MS_PER_DAY };
}

/** The instant of a Vietnam-time wall clock reading. */
export function vietnamInstant(dayNumber: number, msOfDay: number): Date {
  return new Date(dayNumber * MS_PER_DAY + msOfDay - VIETNAM_OFFSET_MS);
}

/** Today's date in Vietnam (a server running on UTC would otherwise be a day behind until 07:00). */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return fromDayNumber(vietnamLocal(now).dayNumber);
}
