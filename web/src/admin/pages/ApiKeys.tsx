import { useState } from 'preact/hooks';
import { API_SCOPES } from '../../../../src/platform/identity/roles.js';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useT } from '../../lib/i18n.js';
import { useTitle } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHead, TextField } from '../../ui/Field.js';
import { ProblemBox } from '../../ui/Problem.js';
import { useAdminT } from '../i18n/index.js';

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  agencyId: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export function ApiKeys() {
  const t = useAdminT();
  const tc = useT();
  useTitle(t('keys.title'));
  const keys = useApi<{ items: ApiKey[] }>('/api/v1/api-keys');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expires, setExpires] = useState('');
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | undefined>();

  async function create(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      // An expiry date means "valid through that day" in Vietnam's time.
      const body = { name: name.trim(), scopes, ...(expires ? { expiresAt: new Date(`${expires}T23:59:59+07:00`).toISOString() } : {}) };
      const result = await api<{ id: string; key: string; prefix: string }>('/api/v1/api-keys', { method: 'POST', body });
      setIssued({ name: body.name, key: result.key });
      setName('');
      setScopes([]);
      setExpires('');
      keys.reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(key: ApiKey) {
    if (!window.confirm(t('keys.revokeConfirm', { name: key.name }))) return;
    setActionError(undefined);
    try {
      await api(`/api/v1/api-keys/${key.id}/revoke`, { method: 'POST' });
      keys.reload();
    } catch (e) {
      setActionError(asApiError(e));
    }
  }

  const status = (k: ApiKey) =>
    k.revokedAt ? <span class="badge badge--bad">{t('keys.revoked')}</span> : k.expiresAt && new Date(k.expiresAt) < new Date() ? <span class="badge badge--warn">{t('keys.expired')}</span> : <span class="badge badge--ok">{t('keys.active')}</span>;

  return (
    <div class="stack">
      <PageHead title={t('keys.title')} lead={t('keys.lead')} />
      {issued && (
        <section class="alert alert--success stack" aria-labelledby="issued-title">
          <h2 id="issued-title">{t('keys.issuedTitle', { name: issued.name })}</h2>
          <p>
            <strong>{t('keys.issuedOnce')}</strong>
          </p>
          <code id="issued-key" class="secret">
            {issued.key}
          </code>
          <div class="row">
            <CopyButton text={issued.key} targetId="issued-key" />
            <button type="button" class="btn btn--secondary btn--small" onClick={() => setIssued(null)}>
              {t('keys.issuedDone')}
            </button>
          </div>
        </section>
      )}
      <details class="panel-form">
        <summary>{t('keys.create')}</summary>
        <form class="form form--wide" onSubmit={create}>
          <ProblemBox error={error} />
          <div class="form-grid">
            <TextField id="key-name" label={t('keys.name')} hint={t('keys.nameHint')} required minLength={2} maxLength={100} value={name} onValue={setName} />
            <TextField id="key-expires" label={t('keys.expires')} hint={t('keys.expiresHint')} type="date" value={expires} onValue={setExpires} />
          </div>
          <fieldset>
            <legend>{t('keys.scopes')}</legend>
            <div class="scopes">
              {API_SCOPES.map((scope) => (
                <label key={scope} class="check">
                  <input
                    type="checkbox"
                    checked={scopes.includes(scope)}
                    onChange={(e) => {
                      const on = (e.currentTarget as HTMLInputElement).checked;
                      setScopes((s) => (on ? [...s, scope] : s.filter((x) => x !== scope)));
                    }}
                  />
                  <code>{scope}</code>
                </label>
              ))}
            </div>
          </fieldset>
          <div class="row">
            <button class="btn" type="submit" disabled={busy || scopes.length === 0}>
              {t('keys.createSubmit')}
            </button>
          </div>
        </form>
      </details>
      <ProblemBox error={actionError} />
      <DataTable<ApiKey>
        caption={t('keys.caption')}
        rows={keys.data?.items ?? []}
        rowKey={(k) => k.id}
        loading={keys.loading}
        error={keys.error}
        onRetry={keys.reload}
        columns={[
          { label: t('keys.name'), render: (k) => <strong>{k.name}</strong> },
          { label: t('keys.prefix'), render: (k) => <code>{k.prefix}…</code> },
          { label: t('keys.scopes'), render: (k) => k.scopes.join(', ') },
          { label: tc('user.status'), render: status },
          { label: tc('user.createdAt'), render: (k) => formatDate(k.createdAt) },
          { label: t('keys.expires'), render: (k) => formatDate(k.expiresAt) },
          { label: t('keys.lastUsed'), render: (k) => formatDateTime(k.lastUsedAt) },
          {
            label: t('keys.actions'),
            render: (k) =>
              k.revokedAt ? null : (
                <button type="button" class="btn btn--danger btn--small" onClick={() => void revoke(k)} aria-label={t('keys.revokeNamed', { name: k.name })}>
                  {t('keys.revoke')}
                </button>
              ),
          },
        ]}
      />
    </div>
  );
}
