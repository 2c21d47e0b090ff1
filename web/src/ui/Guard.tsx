import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ROLE_LABELS } from '../../../src/platform/identity/roles.js';
import { asApiError, type ApiError } from '../lib/api.js';
import { useBilingual, useT } from '../lib/i18n.js';
import { useTitle } from '../lib/router.js';
import { homeFor, loadSession, signInUrl, type Role, type User } from '../lib/session.js';
import { Loading, ProblemBox } from './Problem.js';

export interface SessionState {
  /** undefined while loading, null when signed out. */
  user: User | null | undefined;
  error: ApiError | undefined;
}

export function useSession(): SessionState {
  const [state, setState] = useState<SessionState>({ user: undefined, error: undefined });
  useEffect(() => {
    loadSession().then(
      (user) => setState({ user, error: undefined }),
      (error: unknown) => setState({ user: null, error: asApiError(error) }),
    );
  }, []);
  return state;
}

/**
 * Shows `children` only to a signed-in user with one of `roles`; sends others to sign in.
 * The server enforces the real rules; this only keeps people out of screens they can't use.
 */
export function RequireRole({ session, roles, children }: { session: SessionState; roles: readonly Role[] | '*'; children: (user: User) => ComponentChildren }) {
  const t = useT();
  const { user, error } = session;
  const anonymous = user === null && !error;
  useEffect(() => {
    if (anonymous) window.location.replace(signInUrl());
  }, [anonymous]);
  if (error) return <ProblemBox error={error} onRetry={() => window.location.reload()} />;
  if (user === undefined) return <Loading />;
  if (user === null) return <Loading label={t('guard.redirecting')} />;
  if (roles !== '*' && !roles.includes(user.role)) return <Forbidden user={user} />;
  return <>{children(user)}</>;
}

export function Forbidden({ user }: { user: User }) {
  const t = useT();
  const pick = useBilingual();
  useTitle(t('guard.forbiddenTitle'));
  return (
    <section class="card stack">
      <h1>{t('guard.forbiddenTitle')}</h1>
      <p>{t('guard.forbiddenBody', { name: user.fullName, role: pick(ROLE_LABELS[user.role]) })}</p>
      <p>
        <a class="btn" href={homeFor(user.role)}>
          {t('guard.goHome')}
        </a>
      </p>
    </section>
  );
}

export function NotFound() {
  const t = useT();
  useTitle(t('notFound.title'));
  return (
    <section class="card stack">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </section>
  );
}
