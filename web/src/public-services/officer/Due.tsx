import { formatDate } from '../../lib/format.js';
import { useBilingual } from '../../lib/i18n.js';
import type { Bi, DueState } from './api.js';
import { useDossierT } from './i18n/index.js';

/** The due date coloured by the server's judgement (overdue, due soon, paused), with a word as well as a colour. */
export function Due({ dueAt, state, stepDueAt }: { dueAt: string | null; state: DueState | null; stepDueAt?: string | null }) {
  const t = useDossierT();
  const cls = state === 'overdue' ? 'ps-due ps-due--late' : state === 'soon' ? 'ps-due ps-due--soon' : state === 'paused' ? 'ps-due ps-due--paused' : 'ps-due';
  return (
    <span class={cls}>
      <span class="nowrap">{formatDate(dueAt)}</span>
      {state === 'overdue' && <span class="badge badge--bad">{t('due.overdue')}</span>}
      {state === 'soon' && <span class="badge badge--warn">{t('due.soon')}</span>}
      {state === 'paused' && <span class="badge badge--muted">{t('due.paused')}</span>}
      {stepDueAt && <span class="small muted nowrap">{t('queue.stepDue', { date: formatDate(stepDueAt) })}</span>}
    </span>
  );
}

/** The national status (TrangThaiHoSo) as a chip, in the page's language. */
export function StatusBadge({ label, status }: { label: Bi; status: number }) {
  const pick = useBilingual();
  const tone = status === 3 || status === 7 || status === 8 ? 'badge--bad' : status === 5 || status === 6 ? 'badge--warn' : status >= 9 ? 'badge--ok' : 'badge--muted';
  return <span class={`badge ${tone}`}>{pick(label)}</span>;
}
