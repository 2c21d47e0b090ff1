/** Figures as people read them: Vietnamese number format whatever the language, "—" for none. */
import { formatNumber } from '../../lib/format.js';
import type { Figures, StatsItem } from './types.js';

const percentFmt = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Over 30 working days is counted as 31 (see the published definition). */
const OVER_30 = 30;

export const formatCount = (n: number) => formatNumber(n);
export const formatRate = (rate: number | null) => (rate === null ? null : percentFmt.format(rate));
export const formatDays = (days: number | null): { over30: boolean; text: string } | null =>
  days === null ? null : { over30: days > OVER_30, text: oneDecimal.format(days) };
export const formatStars = (average: number | null) => (average === null ? null : twoDecimals.format(average));

export type SortKey = 'name' | 'received' | 'resolved' | 'onTime' | 'median' | 'satisfaction';
export const SORT_KEYS: readonly SortKey[] = ['name', 'received', 'resolved', 'onTime', 'median', 'satisfaction'];

/** The number a column sorts by; null (no results, no ratings) always goes last. */
export function sortValue(item: Figures, key: Exclude<SortKey, 'name'>): number | null {
  switch (key) {
    case 'received':
      return item.received;
    case 'resolved':
      return item.resolved;
    case 'onTime':
      return item.onTimeRate;
    case 'median':
      return item.medianWorkingDays;
    case 'satisfaction':
      return item.satisfaction.average;
  }
}

const collator = new Intl.Collator('vi');

/** Rows sorted by a column; names in Vietnamese alphabetical order, ties by name. */
export function sortItems(items: readonly StatsItem[], key: SortKey, descending: boolean, nameOf: (item: StatsItem) => string): StatsItem[] {
  const byName = (a: StatsItem, b: StatsItem) => collator.compare(nameOf(a), nameOf(b));
  if (key === 'name') return [...items].sort((a, b) => (descending ? -1 : 1) * byName(a, b));
  return [...items].sort((a, b) => {
    const [x, y] = [sortValue(a, key), sortValue(b, key)];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return (descending ? y - x : x - y) || byName(a, b);
  });
}
