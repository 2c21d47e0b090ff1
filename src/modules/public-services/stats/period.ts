/**
 * Periods of the statistics: whole days in Vietnam time (UTC+7), `from` and `to` inclusive, and the
 * month / quarter / year helpers of the 766 evaluation.
 */
import { tryParseIsoDate } from '../../../platform/calendar/civil-date.js';
import { errors } from '../../../platform/http/errors.js';

export interface Period {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthPeriod(year: number, month: number): Period {
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}` };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const first = (quarter - 1) * 3 + 1;
  return { from: monthPeriod(year, first).from, to: monthPeriod(year, first + 2).to };
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** "2026-11", "2026-Q4" or "2026" → the period; null when the text is none of them. */
export function parsePeriod(text: string): Period | null {
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return monthPeriod(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (m) return quarterPeriod(Number(m[1]), Number(m[2]) as 1 | 2 | 3 | 4);
  m = /^(\d{4})$/.exec(text);
  if (m) return yearPeriod(Number(m[1]));
  return null;
}

/** The instant a Vietnam day begins (00:00 at UTC+7). */
export function startOfVietnamDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The instant a period ends (the start of the day after `to`). */
export function endOfPeriod(period: Period): Date {
  return startOfVietnamDay(addDays(period.to, 1));
}

/** dd/mm/yyyy, as people read dates. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** Checks query dates (400 with a field error when wrong or reversed). */
export function checkPeriod(period: Period): Period {
  for (const field of ['from', 'to'] as const) {
    if (tryParseIsoDate(period[field]) === null) {
      throw errors.badRequest('invalid_period', `"${field}" không phải ngày hợp lệ (YYYY-MM-DD).`, `"${field}" is not a valid date (YYYY-MM-DD).`, [
        { field: `querystring.${field}`, message: { vi: 'Ngày không hợp lệ.', en: 'Not a valid date.' } },
      ]);
    }
  }
  if (period.from > period.to) {
    throw errors.badRequest('invalid_period', '"from" phải trước hoặc bằng "to".', '"from" must not be after "to".', [
      { field: 'querystring.from', message: { vi: 'Ngày bắt đầu sau ngày kết thúc.', en: 'The start is after the end.' } },
    ]);
  }
  return period;
}
