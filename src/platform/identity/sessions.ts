import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../db/tables.js';
import type { Config } from '../config/config.js';
import { SESSION_COOKIE, sha256 } from './principal.js';

/** Creates a server-side session; only the hash of its id is stored. Returns the CSRF token. */
export async function createSession(
  trx: Transaction<Database>,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + config.sessionTtlHours * 3600_000);
  await trx
    .insertInto('sessions')
    .values({
      id_hash: sha256(id),
      user_id: userId,
      csrf_token: csrfToken,
      ip: request.ip,
      user_agent: String(request.headers['user-agent'] ?? '').slice(0, 300),
      expires_at: expiresAt,
    })
    .execute();
  reply.setCookie(SESSION_COOKIE, id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isTls(config, request),
    signed: true,
    expires: expiresAt,
  });
  return csrfToken;
}

export function clearSessionCookie(config: Config, request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: isTls(config, request), signed: true });
}

/** Secure cookies whenever the site is reached over TLS, directly or behind a proxy. */
function isTls(config: Config, request: FastifyRequest): boolean {
  return config.publicUrl.startsWith('https://') || request.protocol === 'https';
}
