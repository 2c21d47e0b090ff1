import type { Config } from '../../../platform/config/config.js';

export const RETENTION_SETTING = 'IOT_RAW_RETENTION_DAYS';
export const DEFAULT_RAW_RETENTION_DAYS = 90;

/** Days raw readings are kept (0 = forever). A bad value stops the start rather than deleting the wrong data. */
export function rawRetentionDays(config: Pick<Config, 'env'>): number {
  const raw = config.env[RETENTION_SETTING];
  if (raw === undefined || raw.trim() === '') return DEFAULT_RAW_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 0) throw new Error(`${RETENTION_SETTING} must be a whole number of days (0 keeps raw readings forever), got "${raw}"`);
  return days;
}
