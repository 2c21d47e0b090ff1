import type { UserView } from '../../../src/platform/identity/schemas.js';
import type { Role } from '../../../src/platform/identity/roles.js';
import { api, ApiError, setCsrfToken } from './api.js';

export type User = UserView;
export type { Role };

interface MeResponse {
  user: User | null;
  csrfToken: string | null;
}

let current: Promise<User | null> | null = null;

/** The signed-in user (null when signed out), fetched once per page load. */
export function loadSession(): Promise<User | null> {
  current ??= api<MeResponse>('/api/v1/me').then(
    (me) => {
      setCsrfToken(me.csrfToken);
      return me.user;
    },
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    },
  );
  return current;
}

/** After signing in or registering: remember the session without asking again. */
export function rememberSession(user: User, csrfToken: string): void {
  setCsrfToken(csrfToken);
  current = Promise.resolve(user);
}

export async function signOut(): Promise<void> {
  try {
    await api('/api/v1/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(null);
    current = Promise.resolve(null);
    window.location.assign('/');
  }
}

export const CITIZEN_ROLES: readonly Role[] = ['citizen', 'business'];
export const OFFICER_ROLES: readonly Role[] = ['officer', 'agency_admin', 'leader', 'system_admin'];
export const IOC_ROLES: readonly Role[] = ['leader', 'system_admin'];
export const ADMIN_ROLES: readonly Role[] = ['agency_admin', 'system_admin'];

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'citizen':
    case 'business':
      return '/ca-nhan';
    case 'officer':
    case 'agency_admin':
      return '/can-bo';
    case 'leader':
      return '/ioc';
    case 'system_admin':
      return '/quan-tri';
  }
}

/** A `next=` target is followed only when it is a path on this site. */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

export function signInUrl(next = window.location.pathname + window.location.search): string {
  return `/dang-nhap?next=${encodeURIComponent(next)}`;
}
