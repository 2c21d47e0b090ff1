/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for a given time zone.
 *
 * Rules (the same as the Chinese calendar, but with the day boundary of the local time zone — which
 * is why Vietnam (UTC+7) and China (UTC+8) sometimes start a month, or Tết, on different days):
 * - a lunar month starts on the local day of a new moon;
 * - month 11 is the month that contains the winter solstice;
 * - when 13 new moons start between two month-11s, the first month after month 11 that contains no
 *   principal solar term (the sun crossing a multiple of 30° of longitude) is a leap month and takes
 *   the number of the month before it.
 *
 * The method follows the algorithm published by Hồ Ngọc Đức, with new moons and solar longitude from
 * the abridged series in Jean Meeus, "Astronomical Algorithms". Day numbers here are Julian day
 * numbers (JDN), whose integer value names a whole civil day.
 */
import { JDN_OF_DAY_ZERO, VIETNAM_UTC_OFFSET_HOURS, dayNumberOf, fromDayNumber, type IsoDate } from './civil-date.js';

export interface LunarDate {
  day: number;
  month: number;
  /** The lunar year; it starts at Tết, so January dates often belong to the previous lunar year. */
  year: number;
  /** True in a leap month (tháng nhuận), which repeats the number of the month before it. */
  leap: boolean;
}

const SYNODIC_MONTH = 29.530588853;
/** Julian date of the new moon of 1900-01-01, lunation k = 0 of the series below. */
const NEW_MOON_EPOCH = 2415021.076998695;
const RAD = Math.PI / 180;

/** Julian date (fractional, universal time) of the k-th new moon after 1900-01-01. */
function newMoonJd(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const latitudeArg = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * latitudeArg) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * latitudeArg + sunAnomaly) -
    0.0004 * Math.sin(2 * latitudeArg - sunAnomaly) -
    0.0006 * Math.sin(2 * latitudeArg + moonAnomaly) +
    0.001 * Math.sin(2 * latitudeArg - moonAnomaly) +
    0.0005 * Math.sin(sunAnomaly + 2 * moonAnomaly);
  // ΔT: the series gives dynamical time; bring it back to universal time.
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + correction - deltaT;
}

/** The local civil day (JDN) on which the k-th new moon falls. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + tz / 24);
}

/** The sun's apparent longitude, in radians within [0, 2π), at a Julian date. */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525; // Julian centuries since J2000
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = (meanLongitude + centre) * RAD;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}

/** Which 30° sector (0–11) the sun is in at the start (local midnight) of a civil day. */
function sunSectorAtStartOf(jdn: number, tz: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - tz / 24) / Math.PI) * 6);
}

/** The first day of lunar month 11 around the end of Gregorian year `year` (it holds the solstice). */
function month11Start(year: number, tz: number): number {
  const lastDayJdn = dayNumberOf(year, 12, 31) + JDN_OF_DAY_ZERO;
  // The lunation whose mean start is last before 31 December (counted from the 1900 epoch day).
  const k = Math.floor((lastDayJdn - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k, tz);
  // Sector 9 starts at 270°, the winter solstice: if the sun is already past it when this month
  // begins, the solstice fell in the month before.
  return sunSectorAtStartOf(start, tz) >= 9 ? newMoonDay(k - 1, tz) : start;
}

interface MonthStart {
  month: number;
  leap: boolean;
  /** JDN of the first day. */
  start: number;
}

/**
 * The lunar months from month 11 of Gregorian `year` up to (not including) the next month 11, with
 * their numbers and the leap month if the span has one. Cached: each span is computed once.
 */
interface Span {
  months: MonthStart[];
  /** JDN of the next month 11, where the span ends. */
  end: number;
  /** Index of the (non-leap) month 1 in `months`: months before it belong to lunar year `year`. */
  firstMonthIndex: number;
}

const spans = new Map<string, Span>();

function spanFrom(year: number, tz: number): Span {
  const key = `${tz}:${year}`;
  const cached = spans.get(key);
  if (cached) return cached;
  const from = month11Start(year, tz);
  const end = month11Start(year + 1, tz);
  const k0 = Math.floor((from - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  const count = Math.round((end - from) / SYNODIC_MONTH); // 12, or 13 in a leap span
  const starts: number[] = [];
  for (let i = 0; i < count; i++) starts.push(newMoonDay(k0 + i, tz));
  starts.push(end);
  let leapIndex = -1;
  if (count === 13) {
    // The leap month is the first after month 11 in which the sun crosses no 30° boundary, i.e.
    // it is in the same sector when the month starts and when the next one starts.
    for (let i = 1; i < 13; i++) {
      if (sunSectorAtStartOf(starts[i]!, tz) === sunSectorAtStartOf(starts[i + 1]!, tz)) {
        leapIndex = i;
        break;
      }
    }
  }
  const months: MonthStart[] = [];
  for (let i = 0; i < count; i++) {
    const ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i; // months counted from month 11
    months.push({ month: ((10 + ordinal) % 12) + 1, leap: i === leapIndex, start: starts[i]! });
  }
  const firstMonthIndex = months.findIndex((m) => m.month === 1 && !m.leap);
  const span = { months, end, firstMonthIndex };
  spans.set(key, span);
  return span;
}

/** The lunar date of a Gregorian date, for a time zone in hours (default: Vietnam, UTC+7). */
export function solarToLunar(year: number, month: number, day: number, tz: number = VIETNAM_UTC_OFFSET_HOURS): LunarDate {
  const jdn = dayNumberOf(year, month, day) + JDN_OF_DAY_ZERO;
  const spanYear = jdn >= month11Start(year, tz) ? year : year - 1;
  const span = spanFrom(spanYear, tz);
  let index = span.months.length - 1;
  while (index > 0 && span.months[index]!.start > jdn) index--;
  const m = span.months[index]!;
  return {
    day: jdn - m.start + 1,
    month: m.month,
    year: index < span.firstMonthIndex ? spanYear : spanYear + 1,
    leap: m.leap,
  };
}

/** The lunar date of a YYYY-MM-DD date in Vietnam. */
export function lunarDateOf(date: IsoDate, tz: number = VIETNAM_UTC_OFFSET_HOURS): LunarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return solarToLunar(y, m, d, tz);
}

/**
 * The Gregorian date (YYYY-MM-DD) of a lunar date, or null when it does not exist: a leap month the
 * year does not have, or day 30 of a 29-day month.
 */
export function lunarToSolar(lunar: LunarDate, tz: number = VIETNAM_UTC_OFFSET_HOURS): IsoDate | null {
  if (!Number.isInteger(lunar.month) || lunar.month < 1 || lunar.month > 12 || !Number.isInteger(lunar.day) || lunar.day < 1 || lunar.day > 30) {
    return null;
  }
  // Months 11 and 12 of lunar year Y begin in the span from month 11 of Gregorian Y; months 1–10
  // in the span from month 11 of Gregorian Y − 1.
  const lateInYear = lunar.month >= 11;
  const span = spanFrom(lateInYear ? lunar.year : lunar.year - 1, tz);
  for (let i = 0; i < span.months.length; i++) {
    const m = span.months[i]!;
    if (lateInYear !== i < span.firstMonthIndex) continue;
    if (m.month !== lunar.month || m.leap !== lunar.leap) continue;
    const next = span.months[i + 1]?.start ?? span.end;
    if (lunar.day > next - m.start) return null;
    return fromDayNumber(m.start + lunar.day - 1 - JDN_OF_DAY_ZERO);
  }
  return null;
}

/** The number of days (29 or 30) of a lunar month, or null if the month does not exist. */
export function lunarMonthLength(year: number, month: number, leap = false, tz: number = VIETNAM_UTC_OFFSET_HOURS): number | null {
  if (lunarToSolar({ day: 1, month, year, leap }, tz) === null) return null;
  return lunarToSolar({ day: 30, month, year, leap }, tz) === null ? 29 : 30;
}

/** The leap month of a lunar year (1–12), or null when the year has none. */
export function leapMonthOf(year: number, tz: number = VIETNAM_UTC_OFFSET_HOURS): number | null {
  for (let month = 1; month <= 12; month++) {
    if (lunarToSolar({ day: 1, month, year, leap: true }, tz) !== null) return month;
  }
  return null;
}

/** The Gregorian date of Tết (mùng 1 tháng Giêng) of lunar year `year` in a time zone. */
export function tetOf(year: number, tz: number = VIETNAM_UTC_OFFSET_HOURS): IsoDate {
  const date = lunarToSolar({ day: 1, month: 1, year, leap: false }, tz);
  if (!date) throw new Error(`No lunar new year found for ${year}`);
  return date;
}
