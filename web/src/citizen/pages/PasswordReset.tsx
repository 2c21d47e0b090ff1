import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { useLang } from '../../lib/i18n.js';
import { useSearchParam, useTitle } from '../../lib/router.js';
import { TextField } from '../../ui/Field.js';
import { fieldError, ProblemBox } from '../../ui/Problem.js';
import { useCitizenT } from '../i18n/index.js';

/** /quen-mat-khau: asks for a reset link (the server always answers the same, to not reveal accounts). */
export function ForgotPassword() {
  const t = useCitizenT();
  useTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = useState<ApiError | undefined>();

  async function submit(event: Event) {
    event.preventDefault();
    setState('busy');
    setError(undefined);
    try {
      await api('/api/v1/auth/password-reset/request', { method: 'POST', body: { email: email.trim() } });
      setState('sent');
    } catch (e) {
      setError(asApiError(e));
      setState('idle');
    }
  }

  return (
    <div class="auth">
      <section class="card auth__card" aria-labelledby="forgot-title">
        <h1 id="forgot-title">{t('forgot.title')}</h1>
        {state === 'sent' ? (
          <div class="alert alert--success" role="status">
            <p>{t('forgot.sent')}</p>
          </div>
        ) : (
          <>
            <p class="muted">{t('forgot.lead')}</p>
            <form class="form" onSubmit={submit}>
              <ProblemBox error={error} />
              <TextField id="forgot-email" label={t('forgot.email')} type="email" autoComplete="email" required value={email} onValue={setEmail} />
              <div class="row">
                <button class="btn" type="submit" disabled={state === 'busy'}>
                  {t('forgot.submit')}
                </button>
              </div>
            </form>
          </>
        )}
        <p class="auth__alt">
          <a href="/dang-nhap">{t('forgot.back')}</a>
        </p>
      </section>
    </div>
  );
}

/** /dat-lai-mat-khau?token=…: sets a new password with the token from the e-mail. */
export function ResetPassword() {
  const t = useCitizenT();
  const { lang } = useLang();
  useTitle(t('reset.title'));
  const token = useSearchParam('token');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<ApiError | undefined>();
  const mismatch = confirm.length > 0 && confirm !== password;

  async function submit(event: Event) {
    event.preventDefault();
    if (mismatch) return;
    setState('busy');
    setError(undefined);
    try {
      await api('/api/v1/auth/password-reset/confirm', { method: 'POST', body: { token, password } });
      setState('done');
    } catch (e) {
      setError(asApiError(e));
      setState('idle');
    }
  }

  return (
    <div class="auth">
      <section class="card auth__card" aria-labelledby="reset-title">
        <h1 id="reset-title">{t('reset.title')}</h1>
        {!token ? (
          <div class="alert alert--warning">
            <p>{t('reset.noToken')}</p>
            <p>
              <a href="/quen-mat-khau">{t('reset.requestNew')}</a>
            </p>
          </div>
        ) : state === 'done' ? (
          <div class="alert alert--success" role="status">
            <p>{t('reset.done')}</p>
            <p>
              <a class="btn btn--small" href="/dang-nhap">
                {t('nav.signIn')}
              </a>
            </p>
          </div>
        ) : (
          <>
            <p class="muted">{t('reset.lead')}</p>
            <form class="form" onSubmit={submit}>
              <ProblemBox error={error} />
              <TextField id="reset-password" label={t('reset.password')} type="password" autoComplete="new-password" required minLength={10} value={password} onValue={setPassword} error={fieldError(error, 'password', lang)} />
              <TextField id="reset-confirm" label={t('reset.confirm')} type="password" autoComplete="new-password" required value={confirm} onValue={setConfirm} error={mismatch ? t('reset.mismatch') : undefined} />
              <div class="row">
                <button class="btn" type="submit" disabled={state === 'busy' || mismatch}>
                  {t('reset.submit')}
                </button>
              </div>
            </form>
            {error?.status === 400 && (
              <p>
                <a href="/quen-mat-khau">{t('reset.requestNew')}</a>
              </p>
            )}
          </>
        )}
      </section>
    </div>
  );
}
