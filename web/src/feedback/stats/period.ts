/**
 * Periods of the statistics page. Dates travel as ISO days (yyyy-mm-dd, Vietnam time, inclusive)
 * and are shown and typed as dd/mm/yyyy.
 */
import { isoDateInVietnam } from '../../lib/format.js';

export type PeriodKind = 'month' | 'year' | '12m' | 'custom';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'year', '12m', 'custom'];

export interface Period {
  from: string;
  to: string;
}

/** The preset ending today: this month, this year, or the 12 months up to and including today. */
export function presetPeriod(kind: Exclude<PeriodKind, 'custom'>, today: string = isoDateInVietnam()): Period {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  if (kind === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  if (kind === 'year') return { from: `${y}-01-01`, to: today };
  // A year back, plus a day: 02/12/2026 → from 03/12/2025. Day 29/02 → 01/03 of the year before.
  const start = new Date(Date.UTC(y - 1, m - 1, d + 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}

/** "05/03/2026" or "5/3/2026" → "2026-03-05"; null unless it is a real calendar day. */
export function parseDayMonthYear(text: string): string | null {
  const match = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** "2026-03-05" → "05/03/2026". */
export function toDayMonthYear(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export const isIsoDay = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && parseDayMonthYear(toDayMonthYear(s)) === s;
