import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Config } from '../../../platform/config/config.js';

/**
 * The link token of a subscription (confirm and unsubscribe). It is derived from the row's random
 * id with a key only the server holds, so every mail — the confirmation and each digest — can carry
 * the same working link, while the table keeps only the token's SHA-256: reading the database alone
 * gives nobody a working link. Changing SESSION_SECRET retires every outstanding link; the next
 * digest carries a fresh one (see `ensureTokenHash`).
 */
export function subscriptionToken(config: Pick<Config, 'sessionSecret'>, subscriptionId: string): string {
  const key = createHmac('sha256', config.sessionSecret).update('feedback.subscription-token.v1').digest();
  return createHmac('sha256', key).update(subscriptionId).digest('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new subscription's id (random, made here so its token hash can go in the same insert) and token. */
export function newSubscriptionKey(config: Pick<Config, 'sessionSecret'>): { id: string; token: string; tokenHash: string } {
  const id = randomUUID();
  const token = subscriptionToken(config, id);
  return { id, token, tokenHash: hashToken(token) };
}

/** Tokens are 43 base64url characters; anything else is refused before touching the database. */
export const TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';
