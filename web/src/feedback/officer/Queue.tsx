import { useState } from 'preact/hooks';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useBilingual } from '../../lib/i18n.js';
import { Link, useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi, usePaged } from '../../lib/use-api.js';
import type { Page } from '../../lib/api.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHead, SelectField } from '../../ui/Field.js';
import { BASE } from '../api.js';
import { useDeskT } from '../i18n/desk.js';
import { useEscalatedT } from '../i18n/escalated.js';
import { useCommunes, useProvinceCode } from '../province.js';
import { StatusChip } from '../status.js';
import type { Category, QueueItem } from '../types.js';
import { ESCALATED_PATH } from './Escalated.js';
import { HANDLER_ROLES, type DeskQueueItem, type QueueCounts, type StaffRef } from './desk-api.js';

const STATUSES = ['new', 'accepted', 'in_progress', 'resolved'] as const;
const collator = new Intl.Collator('vi');

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

interface Filters {
  agencyId: string;
  status: string;
  categoryCode: string;
  communeCode: string;
  assignee: string;
  overdue: boolean;
}

/** The figures above the queue, from the server's count (not from the loaded page). */
function Counts({ counts, handler }: { counts: QueueCounts | undefined; handler: boolean }) {
  const t = useDeskT();
  const stats = [
    { label: t('queue.open'), value: counts?.open },
    { label: t('queue.dueToday'), value: counts?.dueToday, tone: counts?.dueToday ? 'stat--soon' : '' },
    { label: t('queue.overdue'), value: counts?.overdue, tone: counts?.overdue ? 'stat--late' : '' },
    { label: t('queue.unassigned'), value: counts?.unassigned },
    ...(handler ? [{ label: t('queue.mine'), value: counts?.mine }] : []),
  ];
  return (
    <ul class="grid plain-list fb-stats" aria-label={t('queue.summary')}>
      {stats.map((s) => (
        <li key={s.label} class={`card stat ${s.tone ?? ''}`}>
          <span class="stat__value">{s.value === undefined ? '—' : formatNumber(s.value)}</span>
          <span class="stat__label">{s.label}</span>
        </li>
      ))}
    </ul>
  );
}

function FilterBar({ filters, set, user, handler }: { filters: Filters; set(f: Partial<Filters>): void; user: User; handler: boolean }) {
  const t = useDeskT();
  const pick = useBilingual();
  const wide = !handler || user.role === 'system_admin';
  const agencies = useApi<Page<{ id: string; name: string }>>(wide ? '/api/v1/agencies' : null, { limit: 200 });
  const categories = useApi<{ items: Category[] }>(`${BASE}/categories`);
  const communes = useCommunes(useProvinceCode().code);
  const staff = useApi<{ items: StaffRef[] }>(handler && user.agencyId ? `${BASE}/assignees` : null);
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  return (
    <fieldset class="form--inline fb-queue-filters">
      <legend class="visually-hidden">{t('queue.filters')}</legend>
      {wide && (
        <SelectField id="fb-queue-agency" label={t('queue.filterAgency')} value={filters.agencyId} onValue={(agencyId) => set({ agencyId, assignee: '' })} options={[{ value: '', label: t('queue.allAgencies') }, ...[...(agencies.data?.items ?? [])].sort(byName).map((a) => ({ value: a.id, label: a.name }))]} />
      )}
      <SelectField id="fb-queue-status" label={t('queue.filter')} value={filters.status} onValue={(status) => set({ status })} options={[{ value: '', label: t('queue.allOpen') }, ...STATUSES.map((s) => ({ value: s, label: t(`queue.status.${s}`) }))]} />
      <SelectField id="fb-queue-category" label={t('queue.filterCategory')} value={filters.categoryCode} onValue={(categoryCode) => set({ categoryCode })} options={[{ value: '', label: t('queue.allCategories') }, ...(categories.data?.items ?? []).map((c) => ({ value: c.code, label: pick(c.name) }))]} />
      <SelectField id="fb-queue-commune" label={t('queue.filterCommune')} value={filters.communeCode} onValue={(communeCode) => set({ communeCode })} options={[{ value: '', label: t('queue.allCommunes') }, ...communes.map((c) => ({ value: c.code, label: c.name }))]} />
      <SelectField
        id="fb-queue-assignee"
        label={t('queue.filterAssignee')}
        value={filters.assignee}
        onValue={(assignee) => set({ assignee })}
        options={[
          { value: '', label: t('queue.anyone') },
          ...(handler ? [{ value: 'me', label: t('queue.assigneeMe') }] : []),
          { value: 'unassigned', label: t('queue.unassigned') },
          ...(staff.data?.items ?? []).filter((s) => s.id !== user.id).map((s) => ({ value: s.id, label: s.fullName })),
        ]}
      />
      <label class="check fb-queue-overdue">
        <input type="checkbox" checked={filters.overdue} onChange={(e) => set({ overdue: (e.currentTarget as HTMLInputElement).checked })} />
        {t('queue.onlyOverdue')}
      </label>
    </fieldset>
  );
}

/**
 * Open reports, most urgent first (the server's order: class, then deadline), a page at a time.
 * Officers and agency admins see their agency's; leaders read any agency's or the whole province's.
 */
export function FeedbackQueue({ user }: { user: User }) {
  const t = useDeskT();
  const escT = useEscalatedT();
  const pick = useBilingual();
  useTitle(t('queue.title'));
  const handler = HANDLER_ROLES.includes(user.role);
  const [filters, setFilters] = useState<Filters>({ agencyId: '', status: '', categoryCode: '', communeCode: '', assignee: '', overdue: false });
  const set = (f: Partial<Filters>) => setFilters((old) => ({ ...old, ...f }));
  const agency = useApi<{ name: string }>(handler && user.agencyId ? `/api/v1/agencies/${user.agencyId}` : null);
  const scope = filters.agencyId || undefined;
  const counts = useApi<QueueCounts>(`${BASE}/queue/counts`, { agencyId: scope });
  const queue = usePaged<DeskQueueItem>(`${BASE}/queue`, {
    limit: 50,
    agencyId: scope,
    status: filters.status,
    categoryCode: filters.categoryCode,
    communeCode: filters.communeCode,
    assignee: filters.assignee,
    overdue: filters.overdue ? true : undefined,
  });
  const lead = !handler ? t('queue.leadLeader') : agency.data ? t('queue.lead', { agency: agency.data.name }) : user.agencyId ? '' : t('queue.leadNoAgency');

  return (
    <div class="stack">
      <PageHead
        title={t('queue.title')}
        lead={lead}
        actions={
          <>
            <Link href={ESCALATED_PATH} class="btn btn--secondary">
              {escT('esc.link')}
            </Link>
            {(user.role === 'agency_admin' || user.role === 'system_admin') && (
              <Link href="/can-bo/phan-anh/mau-tra-loi" class="btn btn--secondary">
                {t('templates.manage')}
              </Link>
            )}
          </>
        }
      />
      <Counts counts={counts.data} handler={handler} />
      <FilterBar filters={filters} set={set} user={user} handler={handler} />
      <DataTable
        caption={t('queue.caption')}
        rows={queue.items}
        rowKey={(r) => r.id}
        loading={queue.loading}
        error={queue.error}
        onRetry={queue.reload}
        hasMore={queue.hasMore}
        onMore={queue.loadMore}
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
          { label: t('queue.assignee'), render: (r) => (r.assignee ? r.assignee.fullName : <span class="muted">{t('queue.unassigned')}</span>) },
          { label: t('queue.place'), render: (r) => r.communeName },
          ...(handler ? [] : [{ label: t('queue.filterAgency'), render: (r: DeskQueueItem) => r.agencyName }]),
          { label: t('queue.received'), render: (r) => <span class="nowrap">{formatDate(r.createdAt)}</span> },
          { label: t('queue.description'), render: (r) => <span class="fb-clamp">{r.description}</span> },
        ]}
      />
    </div>
  );
}
