import type { Config } from '../../../platform/config/config.js';

export const REMIND_SETTING = 'PUBLIC_SERVICES_REMIND_BEFORE_WORKING_HOURS';
export const DEFAULT_REMIND_BEFORE_WORKING_HOURS = 8;
/** A week of working hours: an earlier warning would no longer be a reminder. */
const MAX_REMIND_BEFORE_WORKING_HOURS = 37.5;

/**
 * How many working hours before a dossier's due date its handlers are reminded (0 turns reminders
 * off). A bad value stops the start rather than reminding at the wrong time.
 */
export function remindBeforeWorkingHours(config: Pick<Config, 'env'>): number {
  const raw = config.env[REMIND_SETTING];
  if (raw === undefined || raw.trim() === '') return DEFAULT_REMIND_BEFORE_WORKING_HOURS;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_REMIND_BEFORE_WORKING_HOURS) {
    throw new Error(`${REMIND_SETTING} must be a number of working hours from 0 to ${MAX_REMIND_BEFORE_WORKING_HOURS}, got "${raw}"`);
  }
  return hours;
}
