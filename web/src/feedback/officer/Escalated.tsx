import { useState } from 'preact/hooks';
import { formatDate } from '../../lib/format.js';
import { useBilingual } from '../../lib/i18n.js';
import { Link, useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi, usePaged } from '../../lib/use-api.js';
import type { Page } from '../../lib/api.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHead, SelectField } from '../../ui/Field.js';
import { BASE } from '../api.js';
import { useEscalatedT } from '../i18n/escalated.js';
import { StatusChip } from '../status.js';
import type { PublicReport } from '../types.js';

export const ESCALATED_PATH = '/can-bo/phan-anh/qua-han';

/** One row of `GET /api/v1/feedback/escalated`: the public report plus its escalation. */
export interface EscalatedItem extends PublicReport {
  deadline: string;
  deadlineKind: 'accept' | 'resolve';
  escalatedAt: string;
  escalatedTo: { id: string; name: string };
}

const DAY_MS = 86_400_000;
const collator = new Intl.Collator('vi');

/** Whole calendar days since the missed deadline (0 while under a day). */
export function daysLate(deadline: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(deadline).getTime()) / DAY_MS));
}

function MissedDeadline({ r }: { r: EscalatedItem }) {
  const t = useEscalatedT();
  const days = daysLate(r.deadline);
  return (
    <span class="fb-due fb-due--late">
      <span class="nowrap">{formatDate(r.deadline)}</span>
      <span class="small"> ({t(r.deadlineKind === 'accept' ? 'esc.kind.accept' : 'esc.kind.resolve')})</span>
      <span class="badge badge--bad">{days === 0 ? t('esc.lateToday') : days === 1 ? t('esc.lateOne') : t('esc.late', { days })}</span>
    </span>
  );
}

/** System admins choose the supervising agency (or all); everyone else sees their own. */
function AgencyPicker({ value, onValue }: { value: string; onValue(id: string): void }) {
  const t = useEscalatedT();
  const agencies = useApi<Page<{ id: string; name: string }>>('/api/v1/agencies', { limit: 200 });
  const sorted = [...(agencies.data?.items ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  return (
    <fieldset class="form--inline fb-queue-filters">
      <legend class="visually-hidden">{t('esc.agency')}</legend>
      <SelectField id="fb-esc-agency" label={t('esc.agency')} value={value} onValue={onValue} options={[{ value: '', label: t('esc.allAgencies') }, ...sorted.map((a) => ({ value: a.id, label: a.name }))]} />
    </fieldset>
  );
}

/**
 * Phản ánh quá hạn được báo lên: open reports whose deadline passed and that the deadline watch
 * escalated to the signed-in person's agency (the supervising agency), the most overdue first.
 */
export function EscalatedReports({ user }: { user: User }) {
  const t = useEscalatedT();
  const pick = useBilingual();
  useTitle(t('esc.title'));
  const admin = user.role === 'system_admin';
  const [agencyId, setAgencyId] = useState('');
  // Without an agency the server answers 403 for everyone but system admins: nothing to ask.
  const canAsk = admin || Boolean(user.agencyId);
  const own = useApi<{ name: string }>(!admin && user.agencyId ? `/api/v1/agencies/${user.agencyId}` : null);
  const list = usePaged<EscalatedItem>(canAsk ? `${BASE}/escalated` : null, { limit: 50, agencyId: admin ? agencyId || undefined : undefined });
  const lead = !canAsk ? t('esc.noAgency') : admin ? t('esc.leadAny') : own.data ? t('esc.lead', { agency: own.data.name }) : '';

  return (
    <div class="stack">
      <PageHead
        title={t('esc.title')}
        lead={lead}
        actions={
          <Link href="/can-bo/phan-anh" class="btn btn--secondary">
            {t('esc.backToQueue')}
          </Link>
        }
      />
      {admin && <AgencyPicker value={agencyId} onValue={setAgencyId} />}
      {canAsk && (
        <DataTable
          caption={t('esc.caption')}
          rows={list.items}
          rowKey={(r) => r.id}
          loading={list.loading}
          error={list.error}
          onRetry={list.reload}
          hasMore={list.hasMore}
          onMore={list.loadMore}
          empty={t('esc.empty')}
          columns={[
            {
              label: t('esc.code'),
              render: (r) => (
                <Link href={`/can-bo/phan-anh/${r.id}`} class="fb-code">
                  {r.trackingCode}
                </Link>
              ),
            },
            { label: t('esc.category'), render: (r) => pick(r.categoryName) },
            { label: t('esc.status'), render: (r) => <StatusChip report={r} /> },
            { label: t('esc.commune'), render: (r) => r.communeName },
            { label: t('esc.handler'), render: (r) => r.agencyName },
            { label: t('esc.deadline'), render: (r) => <MissedDeadline r={r} /> },
            ...(admin && !agencyId ? [{ label: t('esc.escalatedTo'), render: (r: EscalatedItem) => r.escalatedTo.name }] : []),
            { label: t('esc.escalatedAt'), render: (r) => <span class="nowrap">{formatDate(r.escalatedAt)}</span> },
          ]}
        />
      )}
    </div>
  );
}
