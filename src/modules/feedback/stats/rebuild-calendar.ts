/**
 * The working-day calendar as a table the statistics rebuild can join: for each calendar version,
 * each day of a span gets an ordinal (working days after the first day of the span, up to and
 * including that day), so `workingDaysBetween(a, b)` is `ordinal(b) - ordinal(a)` in SQL.
 */
import { sql, type RawBuilder } from 'kysely';
import type { WorkingCalendar } from '../../../platform/calendar/index.js';

export interface DayOrdinal {
  version: number;
  day: string;
  ordinal: number;
}

/** One row per (version, day) from `first` to `last` (YYYY-MM-DD, inclusive). */
export function workingDayOrdinals(calendars: readonly WorkingCalendar[], first: string, last: string): DayOrdinal[] {
  const rows: DayOrdinal[] = [];
  for (const calendar of calendars) {
    let ordinal = 0;
    for (let day = first; day <= last; day = nextDay(day)) {
      if (day !== first && calendar.isWorkingDay(day)) ordinal++;
      rows.push({ version: calendar.version, day, ordinal });
    }
  }
  return rows;
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The day in Vietnam (UTC+7, no daylight saving) of a timestamptz expression, as todayInVietnam gives it. */
export function vietnamDay(instant: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`((${instant} at time zone 'UTC') + interval '7 hours')::date`;
}
