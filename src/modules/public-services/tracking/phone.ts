import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * A Vietnamese phone number in one form: separators dropped, +84 / 0084 / 84 (before nine digits)
 * written as the leading 0. "+84 912 345 678", "0912.345.678" and "0912345678" are one number.
 */
export function normalisePhone(raw: string): string {
  const compact = raw.replace(/[\s.\-()]/g, '');
  if (compact.startsWith('+84')) return `0${compact.slice(3)}`;
  if (compact.startsWith('0084')) return `0${compact.slice(4)}`;
  if (/^84\d{9}$/.test(compact)) return `0${compact.slice(2)}`;
  return compact;
}

/** Whether two numbers are the same once normalised; the comparison takes the same time either way. */
export function samePhone(stored: string | undefined | null, given: string): boolean {
  if (!stored) return false;
  const a = normalisePhone(stored);
  const b = normalisePhone(given);
  if (a.length < 8 || b.length < 8) return false;
  const hash = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(hash(a), hash(b));
}
