import type { Config } from '../../../platform/config/config.js';

export const URL_SETTING = 'NATIONAL_PORTAL_URL';
export const TOKEN_SETTING = 'NATIONAL_PORTAL_TOKEN';
export const MAX_ATTEMPTS_SETTING = 'NATIONAL_SYNC_MAX_ATTEMPTS';
export const ALLOWED_DELAY_SETTING = 'NATIONAL_SYNC_ALLOWED_DELAY_MINUTES';
export const RECONCILE_DAYS_SETTING = 'NATIONAL_SYNC_RECONCILE_DAYS';

export const DEFAULT_MAX_ATTEMPTS = 20;
export const DEFAULT_ALLOWED_DELAY_MINUTES = 15;
export const DEFAULT_RECONCILE_DAYS = 7;

/** Where and how to reach the national portal; null when either setting is unset (sync off, nothing queued). */
export interface PortalSettings {
  url: string;
  token: string;
}

type Env = Pick<Config, 'env'>;

export function portalSettings(config: Env): PortalSettings | null {
  const url = config.env[URL_SETTING]?.trim();
  const token = config.env[TOKEN_SETTING]?.trim();
  if (!url || !token) return null;
  try {
    new URL(url);
  } catch {
    throw new Error(`${URL_SETTING} must be an absolute URL, got "${url}"`);
  }
  return { url: url.replace(/\/+$/, ''), token };
}

/** Whether changes are queued: both settings present (checked on every change, so it does not throw). */
export function syncEnabled(config: Env): boolean {
  return !!config.env[URL_SETTING]?.trim() && !!config.env[TOKEN_SETTING]?.trim();
}

/** Attempts before an update is marked dead (then an administrator looks at it). */
export function maxAttempts(config: Env): number {
  return wholeNumber(config, MAX_ATTEMPTS_SETTING, DEFAULT_MAX_ATTEMPTS, 1, 1000);
}

/** How late a delivery may be and still count as "real time" for indicator 1.4. */
export function allowedDelayMinutes(config: Env): number {
  return wholeNumber(config, ALLOWED_DELAY_SETTING, DEFAULT_ALLOWED_DELAY_MINUTES, 1, 24 * 60);
}

/** How far back the daily reconciliation asks the portal about changed dossiers. */
export function reconcileDays(config: Env): number {
  return wholeNumber(config, RECONCILE_DAYS_SETTING, DEFAULT_RECONCILE_DAYS, 1, 366);
}

function wholeNumber(config: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = config.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}
