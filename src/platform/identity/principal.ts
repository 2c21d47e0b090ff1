import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../http/module.js';
import type { Principal } from '../http/access.js';
import { AppError, errors } from '../http/errors.js';
import { findActiveApiKey } from './api-keys.js';

export const SESSION_COOKIE = 'ts_session';
export const CSRF_HEADER = 'x-csrf-token';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Who is calling: a bearer API key, else a session cookie, else nobody. */
export async function resolvePrincipal(ctx: AppContext, request: FastifyRequest): Promise<Principal> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw errors.unauthenticated();
    const key = await findActiveApiKey(ctx.db, match[1]!);
    if (!key) {
      throw new AppError(401, 'invalid_api_key', {
        vi: 'Khóa API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.',
        en: 'The API key is invalid, expired or revoked.',
      });
    }
    return { kind: 'api_key', id: key.id, name: key.name, scopes: key.scopes, agencyId: key.agency_id };
  }
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return { kind: 'anonymous' };
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return { kind: 'anonymous' };
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id_hash', 'sessions.csrf_token', 'users.id', 'users.email', 'users.full_name', 'users.role', 'users.agency_id'])
    .where('sessions.id_hash', '=', sha256(unsigned.value))
    .where('sessions.expires_at', '>', new Date())
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return { kind: 'anonymous' };
  return {
    kind: 'user',
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    role: row.role,
    agencyId: row.agency_id,
    sessionId: row.id_hash,
    csrfToken: row.csrf_token,
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must echo the session's CSRF token in a header (synchronizer token);
 * a cross-site form can't read it. API-key calls carry no ambient credentials and are exempt.
 */
export function enforceCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const p = request.principal;
  if (p.kind !== 'user') return;
  if (request.headers[CSRF_HEADER] !== p.csrfToken) {
    throw new AppError(403, 'csrf_token_invalid', {
      vi: 'Phiên làm việc không hợp lệ. Vui lòng tải lại trang và thử lại.',
      en: 'Missing or invalid CSRF token. Reload the page and try again.',
    });
  }
}
