import { useState } from 'preact/hooks';
import { NATIONAL_STATUSES } from '../../../../src/modules/public-services/statuses.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useBilingual } from '../../lib/i18n.js';
import { Link, navigate, useSearchParam, useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi, usePaged } from '../../lib/use-api.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHead, SelectField, TextField } from '../../ui/Field.js';
import { COUNTER_PATH, DESK_PATH, DOSSIERS, REPORT_PATH, type QueueCounts, type QueueItem, type Scope } from './api.js';
import { AssignBar } from './AssignBar.js';
import { Due, StatusBadge } from './Due.js';
import { useDossierT } from './i18n/index.js';

const STAFF_SCOPES: Scope[] = ['receiving', 'mine', 'agency', 'transferred', 'consulted'];
// Leaders and system admins read the whole province; nothing is "theirs" to handle.
const READER_SCOPES: Scope[] = ['receiving', 'agency', 'transferred'];
const STATUS_FILTER = [1, 2, 4, 5, 6, 9, 10, 3, 7, 8] as const;
const DUE_STATES = ['overdue', 'soon', 'ok'] as const;

export const isReader = (user: User) => user.role === 'leader' || user.role === 'system_admin';
/** The head of unit (agency admin) assigns and reassigns; the bulk assign bar is theirs. */
const isLead = (user: User) => user.role === 'agency_admin';

/** The figures above the queue, from the server's counts (not from the loaded page). */
export function CountTiles({ counts }: { counts: QueueCounts | undefined }) {
  const t = useDossierT();
  const tiles = [
    { key: 'receiving', value: counts?.receiving },
    { key: 'open', value: counts?.open },
    { key: 'mine', value: counts?.mine },
    { key: 'dueSoon', value: counts?.dueSoon, tone: counts?.dueSoon ? 'stat--soon' : '' },
    { key: 'overdue', value: counts?.overdue, tone: counts?.overdue ? 'stat--late' : '' },
    { key: 'paused', value: counts?.paused },
    { key: 'consultations', value: counts?.consultations, tone: counts?.consultationsOverdue ? 'stat--late' : '' },
  ] as const;
  return (
    <ul class="grid plain-list ps-stats" aria-label={t('queue.summary')}>
      {tiles.map((s) => (
        <li key={s.key} class={`card stat ${'tone' in s ? s.tone : ''}`}>
          <span class="stat__value">{s.value === undefined ? '—' : formatNumber(s.value)}</span>
          <span class="stat__label">{t(`count.${s.key}`)}</span>
        </li>
      ))}
    </ul>
  );
}

function Tabs({ scopes, scope, onScope }: { scopes: Scope[]; scope: Scope; onScope(s: Scope): void }) {
  const t = useDossierT();
  return (
    <nav class="ps-tabs" aria-label={t('queue.tabs')}>
      {scopes.map((s) => (
        <button key={s} type="button" class="ps-tab" aria-pressed={s === scope} onClick={() => onScope(s)}>
          {t(`queue.tab.${s}`)}
        </button>
      ))}
    </nav>
  );
}

interface Filters {
  status: string;
  due: string;
  procedureCode: string;
  q: string;
}

function FilterBar({ filters, set }: { filters: Filters; set(f: Partial<Filters>): void }) {
  const t = useDossierT();
  const pick = useBilingual();
  return (
    <fieldset class="form--inline ps-filters">
      <legend class="visually-hidden">{t('queue.filters')}</legend>
      <SelectField
        id="ps-queue-status"
        label={t('queue.filterStatus')}
        value={filters.status}
        onValue={(status) => set({ status })}
        options={[{ value: '', label: t('queue.anyStatus') }, ...STATUS_FILTER.map((s) => ({ value: String(s), label: pick(NATIONAL_STATUSES[s]) }))]}
      />
      <SelectField id="ps-queue-due" label={t('queue.filterDue')} value={filters.due} onValue={(due) => set({ due })} options={[{ value: '', label: t('queue.anyDue') }, ...DUE_STATES.map((d) => ({ value: d, label: t(`due.${d}`) }))]} />
      <TextField id="ps-queue-procedure" label={t('queue.filterProcedure')} value={filters.procedureCode} onValue={(procedureCode) => set({ procedureCode: procedureCode.trim() })} autoComplete="off" />
      <TextField id="ps-queue-q" type="search" label={t('queue.search')} value={filters.q} onValue={(q) => set({ q })} autoComplete="off" />
    </fieldset>
  );
}

/**
 * `/can-bo/ho-so`: the one-stop work queue. Tabs pick the server's scope (to receive, mine, the
 * agency's, transferred in); the server orders by urgency and judges each due date.
 */
export function DossierQueue({ user }: { user: User }) {
  const t = useDossierT();
  useTitle(t('queue.title'));
  const reader = isReader(user);
  const scopes = reader ? READER_SCOPES : STAFF_SCOPES;
  const tab = useSearchParam('tab');
  const scope: Scope = scopes.includes(tab as Scope) ? (tab as Scope) : reader ? 'agency' : 'receiving';
  const [filters, setFilters] = useState<Filters>({ status: '', due: '', procedureCode: '', q: '' });
  const set = (f: Partial<Filters>) => setFilters((old) => ({ ...old, ...f }));
  const counts = useApi<QueueCounts>(`${DOSSIERS}/queue/counts`);
  const queue = usePaged<QueueItem>(`${DOSSIERS}/queue`, { scope, limit: 50, status: filters.status, due: filters.due, procedureCode: filters.procedureCode, q: filters.q.trim() });
  const lead = isLead(user);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const selected = queue.items.filter((r) => ticked.has(r.id));
  const tick = (id: string, on: boolean) =>
    setTicked((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const assigned = (ids: string[]) => {
    // Refused dossiers stay ticked, so the lead can fix the reason or the choice and send them again.
    setTicked((old) => new Set([...old].filter((id) => !ids.includes(id))));
    if (ids.length > 0) {
      queue.reload();
      counts.reload();
    }
  };
  const selectColumn = {
    label: t('bulk.select'),
    render: (r: QueueItem) => <input type="checkbox" aria-label={t('bulk.selectRow', { code: r.code ?? t('queue.noCode') })} checked={ticked.has(r.id)} onChange={(e) => tick(r.id, (e.currentTarget as HTMLInputElement).checked)} />,
  };
  return (
    <div class="stack ps-queue">
      <PageHead
        title={t('queue.title')}
        lead={reader ? t('queue.leadLeader') : t('queue.lead')}
        actions={
          <>
            {!reader && (
              <Link href={COUNTER_PATH} class="btn">
                {t('home.counter')}
              </Link>
            )}
            <Link href={REPORT_PATH} class="btn btn--secondary">
              {t('home.report')}
            </Link>
          </>
        }
      />
      <CountTiles counts={counts.data} />
      <Tabs scopes={scopes} scope={scope} onScope={(s) => navigate(`${DESK_PATH}?tab=${s}`, { replace: true })} />
      <FilterBar filters={filters} set={set} />
      {lead && <AssignBar user={user} selected={selected} total={queue.items.length} onSelectAll={(all) => setTicked(new Set(all ? queue.items.map((r) => r.id) : []))} onDone={assigned} />}
      <DataTable
        caption={`${t('queue.caption')} — ${t(`queue.tab.${scope}`)}`}
        rows={queue.items}
        rowKey={(r) => r.id}
        loading={queue.loading}
        error={queue.error}
        onRetry={queue.reload}
        hasMore={queue.hasMore}
        onMore={queue.loadMore}
        empty={t('queue.empty')}
        columns={[
          ...(lead ? [selectColumn] : []),
          {
            label: t('queue.code'),
            render: (r) => (
              <Link href={`${DESK_PATH}/${r.id}`} class="ps-code">
                {r.code ?? t('queue.noCode')}
              </Link>
            ),
          },
          { label: t('queue.procedure'), render: (r) => <span class="ps-clamp">{r.procedureName}</span> },
          { label: t('queue.applicant'), render: (r) => r.applicantName ?? '—' },
          { label: t('queue.status'), render: (r) => <StatusBadge label={r.statusLabel} status={r.status} /> },
          { label: t('queue.due'), render: (r) => (r.dueAt ? <Due dueAt={r.dueAt} state={r.dueState} stepDueAt={r.stepDueAt} /> : '—') },
          { label: t('queue.assignee'), render: (r) => (r.assignee ? r.assignee.name : <span class="muted">{t('queue.unassigned')}</span>) },
          { label: t('queue.channel'), render: (r) => t(`channel.${r.channel}` as 'channel.online') },
          { label: t('queue.received'), render: (r) => <span class="nowrap">{formatDate(r.receivedAt)}</span> },
        ]}
      />
      <p class="small muted">{t('queue.legend')}</p>
    </div>
  );
}
