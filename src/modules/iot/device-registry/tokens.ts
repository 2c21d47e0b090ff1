import { pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * PBKDF2 rounds. Modest on purpose: a device token is 256 random bits, so no amount of key
 * stretching changes how hard it is to guess; stretching only protects low-entropy passwords. What
 * matters here is that a fleet of thousands reconnecting after a broker restart can be checked
 * quickly (about 0.1 ms each). 101 is also what `mosquitto_passwd` writes by default.
 */
const ITERATIONS = 101;
const SALT_BYTES = 12;
const HASH_BYTES = 64;

/** A new device token: 32 random bytes, base64url (43 characters, safe in URLs and MQTT passwords). */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The token's hash in Mosquitto's password-file format, `$7$<iterations>$<base64 salt>$<base64 hash>`
 * (PBKDF2-SHA512), so the same stored value can be written to a Mosquitto `password_file` line
 * `<code>:<hash>` and the external broker checks devices without asking the platform.
 */
export function hashDeviceToken(token: string, iterations = ITERATIONS): string {
  const salt = randomBytes(SALT_BYTES);
  const hash = pbkdf2Sync(token, salt, iterations, HASH_BYTES, 'sha512');
  return `$7$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

interface ParsedHash {
  iterations: number;
  salt: Buffer;
  hash: Buffer;
}

/** Parses a `$7$` hash; null for anything else (so a malformed row never authenticates). */
export function parseDeviceTokenHash(stored: string): ParsedHash | null {
  const m = /^\$7\$(\d{1,7})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/.exec(stored);
  if (!m) return null;
  const iterations = Number(m[1]);
  const salt = Buffer.from(m[2]!, 'base64');
  const hash = Buffer.from(m[3]!, 'base64');
  if (iterations < 1 || salt.length === 0 || hash.length === 0) return null;
  return { iterations, salt, hash };
}

/** Constant-time check of a token against its stored hash. */
export function verifyDeviceToken(token: string, stored: string): boolean {
  const parsed = parseDeviceTokenHash(stored);
  if (!parsed) return false;
  const candidate = pbkdf2Sync(token, parsed.salt, parsed.iterations, parsed.hash.length, 'sha512');
  return timingSafeEqual(candidate, parsed.hash);
}
