import type { Config } from '../../../platform/config/config.js';

export const DEFAULT_REMIND_BEFORE_WORKING_HOURS = 4;
/** A week of working hours: a longer warning would no longer be a reminder. */
const MAX_REMIND_BEFORE_WORKING_HOURS = 40;

/**
 * FEEDBACK_REMIND_BEFORE_WORKING_HOURS: how many working hours before a report's deadline its
 * handlers are reminded (0 turns reminders off). Read once at start; a bad value stops the start
 * with a message rather than silently reminding at the wrong time.
 */
export function remindBeforeWorkingHours(config: Pick<Config, 'env'>): number {
  const raw = config.env.FEEDBACK_REMIND_BEFORE_WORKING_HOURS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_REMIND_BEFORE_WORKING_HOURS;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_REMIND_BEFORE_WORKING_HOURS) {
    throw new Error(`FEEDBACK_REMIND_BEFORE_WORKING_HOURS must be a number of working hours from 0 to ${MAX_REMIND_BEFORE_WORKING_HOURS}, got "${raw}"`);
  }
  return hours;
}
