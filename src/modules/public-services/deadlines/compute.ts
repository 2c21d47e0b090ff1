/**
 * The due date of a dossier on one working calendar (pure). See README.md for the rules in full.
 */
import type { WorkingCalendar } from '../../../platform/calendar/index.js';
import { dayNumberOf, fromDayNumber, partsOf, toDayNumber, vietnamInstant } from '../../../platform/calendar/civil-date.js';
import type { Bilingual, TimeUnit } from '../tables.js';
import { CLOSING_MS, WORKING_HOURS_PER_DAY, effectiveReceipt, parseClock, vietnamLocalDay, type EffectiveReceipt } from './clock.js';
import { explain, skippedRanges, type SkippedRange } from './explain.js';

/** Same-day procedures without a cutoff of their own: received after 15:00 → the next working day. */
export const DEFAULT_SAME_DAY_CUTOFF = '15:00';

export interface DueRule {
  receivedAt: Date;
  amount: number;
  unit: TimeUnit;
  cutoff: string | null;
}

export interface ComputedDue {
  dueAt: Date;
  explanation: Bilingual;
  effective: EffectiveReceipt;
}

interface Period {
  dueAt: Date;
  skipped: SkippedRange[];
  movedFrom: number | null;
}

/**
 * Due instant and explanation for a time limit counted from valid receipt.
 * - amount 0 (any unit): same day; due at closing of the day the receipt counts from;
 * - working days: counted from the day after the receipt counts, due at the same clock time;
 *   a fraction of a day adds that share of a working day in working hours;
 * - working hours: on the office hours of the calendar;
 * - calendar days and months (Civil Code Art. 147–148): due at closing of the last day, moved to
 *   the next working day when that day is off.
 */
export function dueOn(calendar: WorkingCalendar, rule: DueRule): ComputedDue {
  const { amount, unit } = rule;
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`Time limit out of range: ${amount}`);
  if ((unit === 'calendar_days' || unit === 'months') && !Number.isInteger(amount)) throw new RangeError(`A time limit in ${unit} must be whole: ${amount}`);
  const cutoff = rule.cutoff ?? (amount === 0 ? DEFAULT_SAME_DAY_CUTOFF : null);
  const effective = effectiveReceipt(calendar, rule.receivedAt, parseClock(cutoff));
  const period = periodOf(calendar, effective, amount, unit);
  const explanation = explain({ amount, unit, cutoff, receivedAt: rule.receivedAt, effective, ...period, calendarVersion: calendar.version });
  return { dueAt: period.dueAt, explanation, effective };
}

function periodOf(calendar: WorkingCalendar, eff: EffectiveReceipt, amount: number, unit: TimeUnit): Period {
  if (amount === 0) return { dueAt: vietnamInstant(eff.dayNumber, CLOSING_MS), skipped: [], movedFrom: null };
  switch (unit) {
    case 'working_days':
      return workingDays(calendar, eff, amount);
    case 'working_hours': {
      const dueAt = calendar.addWorkingHours(eff.at, amount);
      return { dueAt, skipped: skippedRanges(calendar, eff.dayNumber + 1, vietnamLocalDay(dueAt)), movedFrom: null };
    }
    case 'calendar_days':
      return endOfPeriod(calendar, eff.dayNumber + amount);
    case 'months':
      return endOfPeriod(calendar, addMonths(eff.dayNumber, amount));
  }
}

function workingDays(calendar: WorkingCalendar, eff: EffectiveReceipt, amount: number): Period {
  const whole = Math.floor(amount);
  const dueDay = toDayNumber(calendar.addWorkingDays(fromDayNumber(eff.dayNumber), whole));
  let dueAt = vietnamInstant(dueDay, eff.msOfDay);
  const fraction = amount - whole;
  if (fraction > 0) dueAt = calendar.addWorkingHours(dueAt, fraction * WORKING_HOURS_PER_DAY);
  return { dueAt, skipped: skippedRanges(calendar, eff.dayNumber + 1, vietnamLocalDay(dueAt)), movedFrom: null };
}

function endOfPeriod(calendar: WorkingCalendar, lastDay: number): Period {
  const dueDay = toDayNumber(calendar.workingDayOnOrAfter(fromDayNumber(lastDay)));
  const moved = dueDay !== lastDay;
  return {
    dueAt: vietnamInstant(dueDay, CLOSING_MS),
    skipped: moved ? skippedRanges(calendar, lastDay, dueDay - 1) : [],
    movedFrom: moved ? lastDay : null,
  };
}

/** The same day number `months` months later; a day the month lacks becomes its last day (31/01 + 1 → 28/02). */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = partsOf(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const lastOfMonth = partsOf(dayNumberOf(y, m + 1, 1) - 1).day;
  return dayNumberOf(y, m, Math.min(day, lastOfMonth));
}
