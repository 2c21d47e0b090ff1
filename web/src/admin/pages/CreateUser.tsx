import { useState } from 'preact/hooks';
import { AGENCY_ROLES, ROLES, ROLE_LABELS, type Role } from '../../../../src/platform/identity/roles.js';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { useBilingual, useLang, useT } from '../../lib/i18n.js';
import type { User } from '../../lib/session.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { fieldError, ProblemBox } from '../../ui/Problem.js';
import type { Agency } from '../agencies.js';
import { useAdminT } from '../i18n/index.js';

/** The "new account" form; agency admins may only create staff of their own agency. */
export function CreateUser({ me, agencies, onCreated }: { me: User; agencies: Agency[]; onCreated(): void }) {
  const t = useAdminT();
  const tc = useT();
  const pick = useBilingual();
  const { lang } = useLang();
  const roles: readonly Role[] = me.role === 'system_admin' ? ROLES : AGENCY_ROLES;
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<string>(roles.includes('officer') ? 'officer' : roles[0]!);
  const [agencyId, setAgencyId] = useState(me.role === 'agency_admin' ? (me.agencyId ?? '') : '');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [created, setCreated] = useState<string | null>(null);
  const err = (f: string) => fieldError(error, f, lang);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setCreated(null);
    try {
      const body = {
        email: email.trim(),
        fullName: fullName.trim(),
        role,
        agencyId: agencyId || null,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(password ? { password } : {}),
      };
      const user = await api<User>('/api/v1/users', { method: 'POST', body });
      setCreated(user.fullName);
      setEmail('');
      setFullName('');
      setPhone('');
      setPassword('');
      onCreated();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const agencyOptions = [{ value: '', label: t('users.noAgency') }, ...agencies.map((a) => ({ value: a.id, label: a.name }))];
  return (
    <details class="panel-form">
      <summary>{t('users.create')}</summary>
      <form class="form form--wide" onSubmit={submit}>
        <ProblemBox error={error} />
        {created && (
          <div class="alert alert--success" role="status">
            <p>{t('users.created', { name: created })}</p>
          </div>
        )}
        <div class="form-grid">
          <TextField id="nu-name" label={tc('user.fullName')} required minLength={2} value={fullName} onValue={setFullName} error={err('fullName')} />
          <TextField id="nu-email" label={tc('user.email')} type="email" required value={email} onValue={setEmail} error={err('email')} />
          <SelectField id="nu-role" label={tc('user.role')} value={role} onValue={setRole} options={roles.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))} />
          <SelectField id="nu-agency" label={tc('user.agency')} value={agencyId} onValue={setAgencyId} options={agencyOptions} disabled={me.role === 'agency_admin'} />
          <TextField id="nu-phone" label={tc('user.phone')} type="tel" value={phone} onValue={setPhone} error={err('phone')} />
          <TextField id="nu-password" label={t('users.password')} hint={t('users.passwordHint')} type="password" autoComplete="new-password" value={password} onValue={setPassword} error={err('password')} />
        </div>
        <div class="row">
          <button class="btn" type="submit" disabled={busy}>
            {busy ? tc('state.saving') : t('users.createSubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}
