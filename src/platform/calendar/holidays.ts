/**
 * The statutory public holidays (ngày nghỉ lễ, tết) of Labour Code 2019 Art. 112 and the
 * compensation days (nghỉ bù) of its Art. 111(3), computed for any year. The Government's yearly
 * decisions (longer Tết breaks, swapped working Saturdays, the day joining 2/9) are not here: they
 * are the official overlay (see working-calendar.ts), because they cannot be computed.
 */
import type { Bilingual } from '../http/errors.js';
import { dayNumberOf, formatVietnamese, fromDayNumber, isWeekend, toDayNumber, weekdayOf, type IsoDate } from './civil-date.js';
import { lunarToSolar, tetOf } from './lunar.js';

export type HolidayKey = 'new_year' | 'tet' | 'hung_kings' | 'reunification' | 'labour_day' | 'national_day' | 'national_day_second';

export interface Holiday {
  date: IsoDate;
  key: HolidayKey;
  name: Bilingual;
}

export interface CompensationDay {
  date: IsoDate;
  /** The holiday that fell on a weekend. */
  forDate: IsoDate;
  name: Bilingual;
}

/** Labour Code 2019 took effect on 01/01/2021 and added the second National Day. */
export const SECOND_NATIONAL_DAY_FROM_YEAR = 2021;

const TET_DAY_NAMES: Bilingual[] = [
  { vi: 'Tết Nguyên đán (ngày cuối năm âm lịch)', en: 'Lunar New Year (last day of the lunar year)' },
  { vi: 'Tết Nguyên đán (mùng 1)', en: 'Lunar New Year (day 1)' },
  { vi: 'Tết Nguyên đán (mùng 2)', en: 'Lunar New Year (day 2)' },
  { vi: 'Tết Nguyên đán (mùng 3)', en: 'Lunar New Year (day 3)' },
  { vi: 'Tết Nguyên đán (mùng 4)', en: 'Lunar New Year (day 4)' },
];

export const NATIONAL_DAY_SECOND_NAME: Bilingual = {
  vi: 'Quốc khánh (ngày liền kề 2/9)',
  en: 'National Day (day joining 2 September)',
};

/**
 * The day joining 2/9 when the Government has not (yet) chosen one: the adjacent day that makes one
 * block with the weekend — 1/9 when 2/9 is a Tuesday, Friday or Saturday, otherwise 3/9. This
 * reproduces the decisions of 2021–2025 (Thu→3/9, Fri→1/9, Sat→1/9, Mon→3/9, Tue→1/9); for a
 * Wednesday or Sunday neither choice is favoured and 3/9 is only a placeholder until the decision.
 * Null before 2021, when 2/9 was a single day.
 */
export function defaultNationalDaySecond(year: number): IsoDate | null {
  if (year < SECOND_NATIONAL_DAY_FROM_YEAR) return null;
  const weekday = weekdayOf(dayNumberOf(year, 9, 2));
  const before = weekday === 2 || weekday === 5 || weekday === 6;
  return fromDayNumber(dayNumberOf(year, 9, before ? 1 : 3));
}

/** Whether a date may be the day joining 2/9 (1/9 or 3/9 of a year with two National Days). */
export function isNationalDaySecondCandidate(date: IsoDate): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y >= SECOND_NATIONAL_DAY_FROM_YEAR && m === 9 && (d === 1 || d === 3);
}

/**
 * The statutory holidays of a Gregorian year, in date order. `nationalDaySecond` is the Government's
 * choice of 1/9 or 3/9 for that year; without one the computed default is used.
 */
export function statutoryHolidays(year: number, nationalDaySecond?: IsoDate | null): Holiday[] {
  const at = (month: number, day: number) => fromDayNumber(dayNumberOf(year, month, day));
  const list: Holiday[] = [{ date: at(1, 1), key: 'new_year', name: { vi: 'Tết Dương lịch', en: "New Year's Day" } }];
  // Tết: the last day of the old lunar year and days 1–4 of month 1 (Art. 112(1)(b)).
  const tet = toDayNumber(tetOf(year));
  for (let i = -1; i <= 3; i++) list.push({ date: fromDayNumber(tet + i), key: 'tet', name: TET_DAY_NAMES[i + 1]! });
  const hung = lunarToSolar({ day: 10, month: 3, year, leap: false });
  if (hung) {
    list.push({ date: hung, key: 'hung_kings', name: { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: "Hung Kings' Commemoration Day (10th day of the 3rd lunar month)" } });
  }
  list.push({ date: at(4, 30), key: 'reunification', name: { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day (30 April)' } });
  list.push({ date: at(5, 1), key: 'labour_day', name: { vi: 'Ngày Quốc tế Lao động (1/5)', en: 'International Labour Day (1 May)' } });
  list.push({ date: at(9, 2), key: 'national_day', name: { vi: 'Quốc khánh (2/9)', en: 'National Day (2 September)' } });
  const second = year >= SECOND_NATIONAL_DAY_FROM_YEAR ? (nationalDaySecond ?? defaultNationalDaySecond(year)) : null;
  if (second) list.push({ date: second, key: 'national_day_second', name: NATIONAL_DAY_SECOND_NAME });
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Art. 111(3): a holiday on the weekly rest day is taken on the next working day. Each weekend
 * holiday, in date order, gets the first following weekday that is neither a holiday nor already a
 * compensation day (so the Saturday and Sunday of a Tết falling on a weekend give two days after it).
 */
export function compensationDays(holidays: readonly Holiday[]): CompensationDay[] {
  const holidayDays = new Set(holidays.map((h) => toDayNumber(h.date)));
  const taken = new Set<number>();
  const result: CompensationDay[] = [];
  for (const holiday of holidays) {
    const day = toDayNumber(holiday.date);
    if (!isWeekend(day)) continue;
    let candidate = day + 1;
    while (isWeekend(candidate) || holidayDays.has(candidate) || taken.has(candidate)) candidate++;
    taken.add(candidate);
    const weekday = weekdayOf(day);
    result.push({
      date: fromDayNumber(candidate),
      forDate: holiday.date,
      name: {
        vi: `Nghỉ bù: ${holiday.name.vi} trùng ${weekday === 6 ? 'thứ Bảy' : 'Chủ nhật'} ${formatVietnamese(holiday.date)}`,
        en: `Compensation day off: ${holiday.name.en} fell on ${weekday === 6 ? 'Saturday' : 'Sunday'} ${formatVietnamese(holiday.date)}`,
      },
    });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
