import { formatNumber } from '../lib/format.js';
import type { Lang } from '../lib/i18n.js';
import type { DeviceStatus, MetricDefinition } from './api.js';

/** Alarm levels as the flood warnings name them (cấp I, II, III), with their colours. */
export const LEVELS = [1, 2, 3] as const;
export const ROMAN: Record<number, string> = { 1: 'I', 2: 'II', 3: 'III' };
/** Fill colours on the map (with a dark outline, so yellow is visible on the pale outlines). */
export const LEVEL_COLOUR: Record<number, string> = { 1: '#facc15', 2: '#f97316', 3: '#dc2626' };
export const STATUS_COLOUR: Record<DeviceStatus, string> = { active: '#16a34a', maintenance: '#64748b', disabled: '#cbd5e1' };

export function markerColour(status: DeviceStatus, level: number | undefined): string {
  return level ? (LEVEL_COLOUR[level] ?? LEVEL_COLOUR[3]!) : STATUS_COLOUR[status];
}

/** A value with the metric's decimals, Vietnamese separators and its unit: "1.234,5 cm". */
export function formatValue(value: number | null | undefined, metric?: Pick<MetricDefinition, 'precision' | 'unit'>): string {
  if (value === null || value === undefined) return '—';
  const digits = metric ? Math.max(0, Math.min(6, metric.precision)) : 2;
  const text = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
  return metric?.unit ? `${text} ${metric.unit}` : text;
}

export function metricName(metric: MetricDefinition | undefined, key: string, lang: Lang): string {
  return metric ? metric.name[lang] || metric.name.vi : key;
}

export { formatNumber };

/** Parses dd/mm/yyyy (Vietnam's day) to the start of that day, or null. */
export function parseDmy(text: string): Date | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(`${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00+07:00`);
  if (Number.isNaN(date.getTime())) return null;
  // 31/02 rolls over to March in Date; refuse it.
  const check = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).formatToParts(date);
  const day = Number(check.find((p) => p.type === 'day')?.value);
  const month = Number(check.find((p) => p.type === 'month')?.value);
  return day === d && month === mo ? date : null;
}
