import { ROLE_LABELS } from '../../../../src/platform/identity/roles.js';
import { useBilingual, useT } from '../../lib/i18n.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { usePaged } from '../../lib/use-api.js';
import { DataTable } from '../../ui/DataTable.js';
import { DetailsCard, PageHead } from '../../ui/Field.js';
import { useCitizenT } from '../i18n/index.js';

/** One access to the user's personal data, from the audit trail. */
export interface DataAccess {
  at: string;
  actorLabel: string;
  agencyName: string | null;
  action: string;
  purpose: string | null;
}

export function Profile({ user }: { user: User }) {
  const t = useCitizenT();
  const tc = useT();
  const pick = useBilingual();
  useTitle(t('profile.title'));
  const access = usePaged<DataAccess>('/api/v1/me/data-access');
  const details: Array<[string, string]> = [
    [tc('user.fullName'), user.fullName],
    [tc('user.email'), user.email],
    [tc('user.phone'), user.phone ?? tc('misc.none')],
    [tc('user.role'), pick(ROLE_LABELS[user.role])],
    [tc('user.createdAt'), formatDate(user.createdAt)],
  ];
  return (
    <div class="stack">
      <PageHead title={t('profile.title')} lead={user.fullName} actions={user.isDemo ? <span class="badge badge--warn">{t('profile.demo')}</span> : undefined} />
      <DetailsCard id="details-title" title={t('profile.details')} rows={details} listClass="details" />
      <section class="stack" aria-labelledby="access-title">
        <div>
          <h2 id="access-title">{t('profile.access')}</h2>
          <p class="muted">{t('profile.accessLead')}</p>
        </div>
        <DataTable
          caption={t('profile.accessCaption')}
          rows={access.items}
          rowKey={(r) => `${r.at}-${r.actorLabel}-${r.action}`}
          loading={access.loading}
          error={access.error}
          onRetry={access.reload}
          hasMore={access.hasMore}
          onMore={access.loadMore}
          empty={t('profile.accessEmpty')}
          columns={[
            { label: t('profile.at'), render: (r) => <span class="nowrap">{formatDateTime(r.at)}</span> },
            { label: t('profile.who'), render: (r) => r.actorLabel },
            { label: t('profile.agency'), render: (r) => r.agencyName ?? tc('misc.none') },
            { label: t('profile.action'), render: (r) => <code>{r.action}</code> },
            { label: t('profile.purpose'), render: (r) => r.purpose ?? tc('misc.none') },
          ]}
        />
      </section>
    </div>
  );
}
