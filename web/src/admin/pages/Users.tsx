import { useState } from 'preact/hooks';
import { ROLES, ROLE_LABELS, type Role } from '../../../../src/platform/identity/roles.js';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { useBilingual, useT } from '../../lib/i18n.js';
import { useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { usePaged } from '../../lib/use-api.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHead, SelectField, TextField } from '../../ui/Field.js';
import { ProblemBox } from '../../ui/Problem.js';
import { useAgencies } from '../agencies.js';
import { useAdminT } from '../i18n/index.js';
import { CreateUser } from './CreateUser.js';

export function Users({ user: me }: { user: User }) {
  const t = useAdminT();
  const tc = useT();
  const pick = useBilingual();
  useTitle(t('users.title'));
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const users = usePaged<User>('/api/v1/users', { q: search, role });
  const agencies = useAgencies();
  const [actionError, setActionError] = useState<ApiError | undefined>();

  async function setStatus(target: User, status: 'active' | 'disabled') {
    setActionError(undefined);
    try {
      await api(`/api/v1/users/${target.id}`, { method: 'PATCH', body: { status } });
      users.reload();
    } catch (e) {
      setActionError(asApiError(e));
    }
  }

  const roleOptions = [{ value: '', label: t('users.allRoles') }, ...ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))];
  return (
    <div class="stack">
      <PageHead title={t('users.title')} lead={me.role === 'agency_admin' ? t('users.leadAgency') : t('users.lead')} />
      <CreateUser me={me} agencies={agencies.list} onCreated={users.reload} />
      <form
        class="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <TextField id="users-q" label={t('users.search')} type="search" value={q} onValue={setQ} />
        <SelectField id="users-role" label={tc('user.role')} value={role} onValue={setRole} options={roleOptions} />
        <button class="btn" type="submit">
          {tc('action.search')}
        </button>
      </form>
      <ProblemBox error={actionError} />
      <DataTable<User>
        caption={t('users.caption')}
        rows={users.items}
        rowKey={(u) => u.id}
        loading={users.loading}
        error={users.error}
        onRetry={users.reload}
        hasMore={users.hasMore}
        onMore={users.loadMore}
        columns={[
          {
            label: t('users.person'),
            render: (u) => (
              <>
                <strong>{u.fullName}</strong>
                <br />
                <span class="muted small">{u.email}</span>
              </>
            ),
          },
          { label: tc('user.role'), render: (u) => pick(ROLE_LABELS[u.role as Role]) },
          { label: tc('user.agency'), render: (u) => (u.agencyId ? (agencies.byId.get(u.agencyId)?.name ?? (agencies.loading ? '…' : u.agencyId.slice(0, 8))) : tc('misc.none')) },
          {
            label: tc('user.status'),
            render: (u) => <span class={`badge ${u.status === 'active' ? 'badge--ok' : 'badge--bad'}`}>{u.status === 'active' ? tc('user.status.active') : tc('user.status.disabled')}</span>,
          },
          { label: tc('user.createdAt'), render: (u) => formatDate(u.createdAt) },
          {
            label: t('users.actions'),
            render: (u) =>
              u.id === me.id ? (
                <span class="muted small">{t('users.you')}</span>
              ) : u.status === 'active' ? (
                <button type="button" class="btn btn--secondary btn--small" onClick={() => void setStatus(u, 'disabled')} aria-label={t('users.disableNamed', { name: u.fullName })}>
                  {t('users.disable')}
                </button>
              ) : (
                <button type="button" class="btn btn--secondary btn--small" onClick={() => void setStatus(u, 'active')} aria-label={t('users.enableNamed', { name: u.fullName })}>
                  {t('users.enable')}
                </button>
              ),
          },
        ]}
      />
    </div>
  );
}
