/**
 * Dates are always shown dd/mm/yyyy and times 24-hour, in Vietnam's time zone, whatever the UI
 * language; numbers use Vietnamese grouping (1.234.567).
 */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const dateFmt = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE });
const timeFmt = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });
const numberFmt = new Intl.NumberFormat('vi-VN');

function toDate(value: string | number | Date): Date | null {
  const d = value instanceof Date ? value : new Date(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+07:00` : value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function parts(fmt: Intl.DateTimeFormat, d: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** 05/03/2025 */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = toDate(value);
  if (!d) return String(value);
  const p = parts(dateFmt, d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** 05/03/2025 14:07 */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = toDate(value);
  if (!d) return String(value);
  const p = parts(timeFmt, d);
  return `${formatDate(d)} ${p.hour}:${p.minute}`;
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : numberFmt.format(value);
}

/** The ISO date (yyyy-mm-dd) of a moment in Vietnam's time zone. */
export function isoDateInVietnam(d: Date = new Date()): string {
  const p = parts(dateFmt, d);
  return `${p.year}-${p.month}-${p.day}`;
}
