import type { FastifyRequest } from 'fastify';
import type { Role } from '../identity/roles.js';
import { AppError, errors } from './errors.js';

/** The code of a refusal by the route's access rule (as opposed to a rule inside a handler). */
export const ACCESS_REFUSED = 'access_refused';

/**
 * Who may call a route. Every route declares one in `config.access`; the app refuses to start
 * with a route that doesn't, so no route is reachable by accident.
 * - `public`: anyone, signed in or not.
 * - `roles`: a signed-in user with one of these roles ('*' = any signed-in user).
 * - `scopes`: an API key carrying one of these scopes may call it too ('*': any valid key).
 */
export type Access =
  | {
      public: true;
      scopes?: readonly string[];
      /** The handler checks its own credential in the Authorization header (an IoT device token), so no session or API key is resolved. */
      ownCredentials?: true;
    }
  | { roles: readonly Role[] | '*'; scopes?: readonly string[] }
  | { scopes: readonly string[]; roles?: undefined };

export interface UserPrincipal {
  kind: 'user';
  id: string;
  email: string;
  fullName: string;
  role: Role;
  agencyId: string | null;
  sessionId: string;
  csrfToken: string;
}

export interface ApiKeyPrincipal {
  kind: 'api_key';
  id: string;
  name: string;
  scopes: string[];
  agencyId: string | null;
}

export type Principal = UserPrincipal | ApiKeyPrincipal | { kind: 'anonymous' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal;
  }
}

/** Throws 401/403 unless the request's principal satisfies the route's access rule. */
export function checkAccess(access: Access, principal: Principal): void {
  if ('public' in access) return;
  if (principal.kind === 'anonymous') throw errors.unauthenticated();
  if (principal.kind === 'api_key') {
    const allowed = access.scopes?.some((s) => s === '*' || principal.scopes.includes(s)) ?? false;
    if (!allowed) throw new AppError(403, ACCESS_REFUSED, { vi: 'Khóa API không có phạm vi cho thao tác này.', en: 'The API key lacks a scope for this operation.' });
    return;
  }
  const roles = access.roles;
  if (roles === undefined || (roles !== '*' && !roles.includes(principal.role))) {
    throw new AppError(403, ACCESS_REFUSED, { vi: 'Vai trò của bạn không được phép thực hiện thao tác này.', en: 'Your role is not allowed to do this.' });
  }
}

export function requireUser(request: FastifyRequest): UserPrincipal {
  if (request.principal.kind !== 'user') throw errors.unauthenticated();
  return request.principal;
}

/** Actor fields for the audit trail, whoever is calling. */
export function actorOf(request: FastifyRequest): { userId: string | null; apiKeyId: string | null; label: string; agencyId: string | null } {
  const p = request.principal;
  if (p.kind === 'user') return { userId: p.id, apiKeyId: null, label: p.email, agencyId: p.agencyId };
  if (p.kind === 'api_key') return { userId: null, apiKeyId: p.id, label: `api-key:${p.name}`, agencyId: p.agencyId };
  return { userId: null, apiKeyId: null, label: 'anonymous', agencyId: null };
}
