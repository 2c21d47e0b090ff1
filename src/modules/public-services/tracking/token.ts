import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../../platform/config/config.js';

/** How long a download link from a verified lookup works. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;

const keys = new WeakMap<object, Buffer>();

/**
 * A key of its own derived from the session secret, so a tracking token can never pass for a
 * session value or the other way round (the secret itself is never logged or sent).
 */
function keyOf(config: Pick<Config, 'sessionSecret'>): Buffer {
  let key = keys.get(config);
  if (!key) {
    key = createHmac('sha256', config.sessionSecret).update('public-services.tracking-token.v1').digest();
    keys.set(config, key);
  }
  return key;
}

function sign(config: Pick<Config, 'sessionSecret'>, dossierId: string, expires: number): string {
  return createHmac('sha256', keyOf(config)).update(`${dossierId}.${expires}`).digest('base64url');
}

/** `<expiry in unix seconds>.<HMAC>`: lets its holder download this dossier's documents until it expires. */
export function issueAccessToken(config: Pick<Config, 'sessionSecret'>, dossierId: string, now = new Date()): { token: string; expiresAt: Date } {
  const expires = Math.floor(now.getTime() / 1000) + ACCESS_TOKEN_SECONDS;
  return { token: `${expires}.${sign(config, dossierId, expires)}`, expiresAt: new Date(expires * 1000) };
}

export function checkAccessToken(config: Pick<Config, 'sessionSecret'>, dossierId: string, token: string, now = new Date()): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(sign(config, dossierId, expires));
  const given = Buffer.from(match[2]!);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
