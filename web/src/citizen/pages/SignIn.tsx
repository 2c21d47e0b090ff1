import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { useLang } from '../../lib/i18n.js';
import { useSearchParam, useTitle } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { homeFor, rememberSession, safeNext, type User } from '../../lib/session.js';
import { TextField } from '../../ui/Field.js';
import { fieldError, ProblemBox } from '../../ui/Problem.js';
import { useCitizenT } from '../i18n/index.js';

interface SessionView {
  user: User;
  csrfToken: string;
}

export function SignIn({ user }: { user: User | null | undefined }) {
  const t = useCitizenT();
  const { lang } = useLang();
  useTitle(t('signIn.title'));
  const next = safeNext(useSearchParam('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  // National-ID style sign-in (OpenID Connect) is offered only when the server has it configured.
  const oidc = useApi<{ enabled: boolean; displayName: string | null }>('/api/v1/auth/oidc').data;

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const session = await api<SessionView>('/api/v1/auth/login', { method: 'POST', body: { email: email.trim(), password } });
      rememberSession(session.user, session.csrfToken);
      // A full load, so every part of the page starts from the new session.
      window.location.replace(next ?? homeFor(session.user.role));
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  }

  return (
    <div class="auth">
      <section class="card auth__card" aria-labelledby="signin-title">
        <h1 id="signin-title">{t('signIn.title')}</h1>
        <p class="muted">{t('signIn.lead')}</p>
        {user && (
          <div class="alert alert--info">
            <p>{t('signIn.already', { name: user.fullName })}</p>
            <p>
              <a class="btn btn--small" href={next ?? homeFor(user.role)}>
                {t('signIn.continue')}
              </a>
            </p>
          </div>
        )}
        <form class="form" onSubmit={submit} noValidate={false}>
          <ProblemBox error={error} />
          <TextField
            id="signin-email"
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            onValue={setEmail}
            error={fieldError(error, 'email', lang)}
          />
          <TextField
            id="signin-password"
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onValue={setPassword}
            error={fieldError(error, 'password', lang)}
          />
          <div class="row">
            <button class="btn" type="submit" disabled={busy}>
              {busy ? t('signIn.submitting') : t('signIn.submit')}
            </button>
            <a href="/quen-mat-khau">{t('signIn.forgot')}</a>
          </div>
        </form>
        {oidc?.enabled && (
          <p class="auth__alt">
            <a class="btn btn--secondary" href={`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(next ?? '/')}`}>
              {t('signIn.oidc', { name: oidc.displayName ?? 'OpenID Connect' })}
            </a>
          </p>
        )}
        <p class="auth__alt">
          {t('signIn.noAccount')} <a href="/dang-ky">{t('signIn.register')}</a>
        </p>
      </section>
    </div>
  );
}
