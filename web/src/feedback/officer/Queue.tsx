import { useMemo, useState } from 'preact/hooks';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useBilingual } from '../../lib/i18n.js';
import { Link, useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHead, SelectField } from '../../ui/Field.js';
import { BASE } from '../api.js';
import { useDeskT } from '../i18n/desk.js';
import { StatusChip } from '../status.js';
import type { QueueItem } from '../types.js';

const STATUSES = ['new', 'accepted', 'in_progress', 'resolved'] as const;

/** The deadline that matters now: acceptance for a new report, resolution after. */
export function deadlineOf(r: QueueItem): string | null {
  return r.status === 'new' ? (r.acceptDueAt ?? r.dueAt) : r.dueAt;
}

function Deadline({ r }: { r: QueueItem }) {
  const t = useDeskT();
  const due = deadlineOf(r);
  const cls = r.overdue ? 'fb-due fb-due--late' : r.dueSoon ? 'fb-due fb-due--soon' : 'fb-due';
  return (
    <span class={cls}>
      <span class="nowrap">{formatDate(due)}</span>
      {r.status === 'new' && <span class="small"> ({t('queue.toAccept')})</span>}
      {r.overdue && <span class="badge badge--bad">{t('queue.overdue')}</span>}
      {!r.overdue && r.dueSoon && <span class="badge badge--warn">{t('queue.dueSoon')}</span>}
    </span>
  );
}

/** The agency's open reports, most urgent first (the server's order: class, then deadline). */
export function FeedbackQueue({ user }: { user: User }) {
  const t = useDeskT();
  const pick = useBilingual();
  useTitle(t('queue.title'));
  const [status, setStatus] = useState('');
  const agency = useApi<{ name: string }>(user.agencyId ? `/api/v1/agencies/${user.agencyId}` : null);
  const queue = useApi<{ items: QueueItem[] }>(`${BASE}/queue`);
  const all = queue.data?.items ?? [];
  const rows = useMemo(() => (status ? all.filter((r) => r.status === status) : all), [all, status]);
  const overdue = all.filter((r) => r.overdue).length;
  const soon = all.filter((r) => !r.overdue && r.dueSoon).length;
  const stats = [
    { label: t('queue.open'), value: all.length },
    { label: t('queue.new'), value: all.filter((r) => r.status === 'new').length },
    { label: t('queue.dueSoon'), value: soon, tone: soon ? 'stat--soon' : '' },
    { label: t('queue.overdue'), value: overdue, tone: overdue ? 'stat--late' : '' },
  ];

  return (
    <div class="stack">
      <PageHead title={t('queue.title')} lead={agency.data ? t('queue.lead', { agency: agency.data.name }) : t('queue.leadNoAgency')} />
      <ul class="grid plain-list fb-stats" aria-label={t('queue.summary')}>
        {stats.map((s) => (
          <li key={s.label} class={`card stat ${s.tone ?? ''}`}>
            <span class="stat__value">{queue.data ? formatNumber(s.value) : '—'}</span>
            <span class="stat__label">{s.label}</span>
          </li>
        ))}
      </ul>
      <div class="form--inline">
        <SelectField id="fb-queue-status" label={t('queue.filter')} value={status} onValue={setStatus} options={[{ value: '', label: t('queue.allOpen') }, ...STATUSES.map((s) => ({ value: s, label: t(`queue.status.${s}`) }))]} />
      </div>
      <DataTable
        caption={t('queue.caption')}
        rows={rows}
        rowKey={(r) => r.id}
        loading={queue.loading}
        error={queue.error}
        onRetry={queue.reload}
        empty={t('queue.empty')}
        columns={[
          {
            label: t('queue.code'),
            render: (r) => (
              <Link href={`/can-bo/phan-anh/${r.id}`} class="fb-code">
                {r.trackingCode}
              </Link>
            ),
          },
          { label: t('queue.category'), render: (r) => pick(r.categoryName) },
          { label: t('queue.status'), render: (r) => <StatusChip report={r} /> },
          { label: t('queue.deadline'), render: (r) => <Deadline r={r} /> },
          { label: t('queue.place'), render: (r) => r.communeName },
          { label: t('queue.received'), render: (r) => <span class="nowrap">{formatDate(r.createdAt)}</span> },
          { label: t('queue.description'), render: (r) => <span class="fb-clamp">{r.description}</span> },
        ]}
      />
    </div>
  );
}
