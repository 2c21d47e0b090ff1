/**
 * W3C datetimes (the ISO 8601 profile Open311 uses). We always write Vietnam time with its offset,
 * `2026-11-23T09:30:00+07:00`: the offset is part of what citizens and agencies read, Vietnam has
 * no daylight saving, and whole seconds match the strictest validator (open311-adapter's regex).
 */

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Anything a database driver or a caller may hand us for an instant. */
export type Instant = Date | string | number;

function toDate(value: Instant): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(value)}`);
  return date;
}

/** `2026-11-23T09:30:00+07:00` for an instant (seconds truncated, never rounded up). */
export function w3cDatetime(value: Instant): string {
  const local = new Date(Math.floor(toDate(value).getTime() / 1000) * 1000 + VIETNAM_OFFSET_MS);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}

/** The same, passing `null`/`undefined` through (for optional fields). */
export function w3cDatetimeOrNull(value: Instant | null | undefined): string | null {
  return value === null || value === undefined ? null : w3cDatetime(value);
}

/** What a W3C datetime looks like in every response: the checklist's regular expression. */
export const W3C_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/;

// Date-only (YYYY-MM-DD) or a full time with a mandatory zone; seconds and fractions optional, as
// W3C-DTF allows. The zone sign may arrive as a space: an unencoded `+` in a query string is
// decoded to a space, and clients get this wrong often enough that refusing it helps nobody.
const W3C_INPUT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+\- ])(\d{2}):?(\d{2})))?$/;

export interface ParsedDatetime {
  instant: Date;
  /** True when only a date was given: the caller decides whether it means the start or the end of that day. */
  dateOnly: boolean;
}

/**
 * Parses a W3C datetime. A date alone is read as midnight Vietnam time. Returns null for anything
 * else — including a time without a zone, whose instant would be a guess.
 */
export function parseW3cDatetime(text: string): ParsedDatetime | null {
  const m = W3C_INPUT.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zulu, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const dayStart = Date.UTC(year, month - 1, day);
  const check = new Date(dayStart);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (h === undefined) return { instant: new Date(dayStart - VIETNAM_OFFSET_MS), dateOnly: true };
  if (!zulu && sign === undefined) return null;
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMs = 0;
  if (!zulu) {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 14 || offM > 59) return null;
    offsetMs = (sign === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000;
  }
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const instant = new Date(dayStart + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offsetMs);
  return { instant, dateOnly: false };
}

/** The last millisecond of the Vietnam day that starts at `dayStart` (an inclusive end bound). */
export function endOfVietnamDay(dayStart: Date): Date {
  return new Date(dayStart.getTime() + DAY_MS - 1);
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}
