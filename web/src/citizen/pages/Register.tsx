import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { useLang } from '../../lib/i18n.js';
import { useTitle } from '../../lib/router.js';
import { rememberSession, type User } from '../../lib/session.js';
import { TextField } from '../../ui/Field.js';
import { fieldError, ProblemBox } from '../../ui/Problem.js';
import { useCitizenT } from '../i18n/index.js';

export function Register() {
  const t = useCitizenT();
  const { lang } = useLang();
  useTitle(t('register.title'));
  const [accountType, setAccountType] = useState<'citizen' | 'business'>('citizen');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const err = (field: string) => fieldError(error, field, lang);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = { accountType, fullName: fullName.trim(), email: email.trim(), password, ...(phone.trim() ? { phone: phone.trim() } : {}) };
      const session = await api<{ user: User; csrfToken: string }>('/api/v1/auth/register', { method: 'POST', body });
      rememberSession(session.user, session.csrfToken);
      window.location.replace('/ca-nhan');
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  }

  return (
    <div class="auth">
      <section class="card auth__card" aria-labelledby="register-title">
        <h1 id="register-title">{t('register.title')}</h1>
        <p class="muted">{t('register.lead')}</p>
        <form class="form" onSubmit={submit}>
          <ProblemBox error={error} />
          <fieldset>
            <legend>{t('register.accountType')}</legend>
            {(['citizen', 'business'] as const).map((type) => (
              <label key={type} class="check">
                <input type="radio" name="accountType" value={type} checked={accountType === type} onChange={() => setAccountType(type)} />
                {t(`register.${type}`)}
              </label>
            ))}
          </fieldset>
          <TextField id="reg-name" label={t('register.fullName')} autoComplete="name" required minLength={2} maxLength={120} value={fullName} onValue={setFullName} error={err('fullName')} />
          <TextField id="reg-email" label={t('register.email')} type="email" autoComplete="email" required value={email} onValue={setEmail} error={err('email')} />
          <TextField id="reg-phone" label={t('register.phone')} type="tel" autoComplete="tel" inputMode="tel" value={phone} onValue={setPhone} error={err('phone')} />
          <TextField
            id="reg-password"
            label={t('register.password')}
            hint={t('register.passwordHint')}
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={password}
            onValue={setPassword}
            error={err('password')}
          />
          <div class="row">
            <button class="btn" type="submit" disabled={busy}>
              {busy ? t('register.submitting') : t('register.submit')}
            </button>
          </div>
        </form>
        <p class="auth__alt">
          {t('register.haveAccount')} <a href="/dang-nhap">{t('nav.signIn')}</a>
        </p>
      </section>
    </div>
  );
}
