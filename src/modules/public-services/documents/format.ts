import { VIETNAM_UTC_OFFSET_HOURS } from '../../../platform/calendar/civil-date.js';

const OFFSET_MS = VIETNAM_UTC_OFFSET_HOURS * 3_600_000;
const two = (n: number) => String(n).padStart(2, '0');

/** The wall-clock parts of an instant in Vietnam (UTC+7, no daylight saving). */
function vietnamParts(at: Date) {
  const d = new Date(at.getTime() + OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** dd/mm/yyyy in Vietnam time. */
export function vnDate(at: Date): string {
  const p = vietnamParts(at);
  return `${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** dd/mm/yyyy HH:mm in Vietnam time. */
export function vnDateTime(at: Date): string {
  const p = vietnamParts(at);
  return `${vnDate(at)} ${two(p.hour)}:${two(p.minute)}`;
}

/** "ngày 02 tháng 12 năm 2025", the way a Vietnamese administrative document dates itself. */
export function vnLongDate(at: Date): string {
  const p = vietnamParts(at);
  return `ngày ${two(p.day)} tháng ${two(p.month)} năm ${p.year}`;
}

export function vietnamYear(at: Date): number {
  return vietnamParts(at).year;
}

/** The instant a Vietnam calendar year starts. */
export function vietnamYearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - OFFSET_MS);
}

/** 1.250.000 đồng (dots group thousands in Vietnamese). */
export function vnd(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

/** The public tracking page of a dossier, where the QR code on its documents leads. */
export function trackingUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/dich-vu-cong/tra-cuu/${encodeURIComponent(code)}`;
}
