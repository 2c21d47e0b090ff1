import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useBilingual } from '../../lib/i18n.js';
import { Link } from '../../lib/router.js';
import { useCitizenPsT } from '../i18n/citizen.js';
import type { Bi, Decimal, TimeUnit } from '../types.js';
import { formatAmount } from './format.js';

type Tr = ReturnType<typeof useCitizenPsT>;

/** "15 ngày làm việc". */
export function timeLimit(t: Tr, amount: Decimal, unit: TimeUnit): string {
  // A limit of zero means the result is given on the day of receipt (trả kết quả trong ngày).
  if (Number(amount) === 0) return t('unit.sameDay');
  return t(`unit.${unit}`, { n: formatAmount(amount) });
}

/** The national status's name in the UI language (the server's label when the code is unknown). */
export function statusText(t: Tr, status: number, label?: Bi | null, pick?: (b: Bi) => string): string {
  if (status >= 0 && status <= 10) return t(`status.${status}` as 'status.0');
  return label && pick ? pick(label) : String(status);
}

const TONE: Record<number, string> = { 0: 'badge--muted', 1: '', 2: '', 3: 'badge--bad', 4: 'badge--warn', 5: 'badge--bad', 6: 'badge--bad', 7: 'badge--muted', 8: 'badge--muted', 9: 'badge--ok', 10: 'badge--ok' };

export function StatusChip({ status, label }: { status: number; label?: Bi | null }) {
  const t = useCitizenPsT();
  const pick = useBilingual();
  return <span class={`badge ps-chip ${TONE[status] ?? ''}`}>{statusText(t, status, label, pick)}</span>;
}

export function Breadcrumbs({ items }: { items: Array<{ href?: string; label: string }> }) {
  const t = useCitizenPsT();
  return (
    <nav class="breadcrumbs" aria-label={t('common.breadcrumbs')}>
      <ol>
        {items.map((item, i) => (
          <li key={i} aria-current={item.href ? undefined : 'page'}>
            {item.href ? <Link href={item.href}>{item.label}</Link> : item.label}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A list of label/value pairs that wraps into one column on phones. */
export function Facts({ items }: { items: Array<[string, ComponentChildren] | null | false | '' | undefined> }) {
  return (
    <dl class="ps-facts">
      {items
        .filter((x): x is [string, ComponentChildren] => !!x)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export interface DueFacts {
  status: number;
  dueAt: string | null;
  dueExplanation: Bi | null;
  extendedDueAt: string | null;
  finishedAt: string | null;
  paused: boolean;
  onTime?: boolean | null;
}

const OPEN = new Set([2, 4, 5, 6]);

/** Whether an open dossier is past its legal due date right now. */
export function isLate(d: Pick<DueFacts, 'status' | 'dueAt' | 'paused' | 'onTime'>): boolean {
  if (d.onTime === false) return true;
  return OPEN.has(d.status) && !d.paused && !!d.dueAt && new Date(d.dueAt).getTime() < Date.now();
}

/** The due date (ngày hẹn trả), how it was counted, and the paused / late / on-time flags. */
export function DueDate({ facts }: { facts: DueFacts }) {
  const t = useCitizenPsT();
  const pick = useBilingual();
  if (!facts.dueAt) return <span class="muted">{t('due.none')}</span>;
  const late = isLate(facts);
  return (
    <span class="ps-due">
      <span class={late ? 'ps-late' : undefined}>{formatDateTime(facts.dueAt)}</span>
      {facts.paused && <span class="badge badge--warn">{t('due.paused')}</span>}
      {late && <span class="badge badge--bad">{t('due.late')}</span>}
      {facts.onTime === true && <span class="badge badge--ok">{t('due.onTime')}</span>}
      {facts.extendedDueAt && <span class="small ps-due__note">{t('due.extended', { date: formatDate(facts.extendedDueAt) })}</span>}
      {facts.dueExplanation && <span class="small muted ps-due__note">{pick(facts.dueExplanation)}</span>}
    </span>
  );
}

export interface TimelineItem {
  at: string;
  status: number;
  label?: Bi | null;
  note?: Bi | string | null;
}

/** What happened to a dossier, oldest first, in the national statuses' words. */
export function Timeline({ items }: { items: TimelineItem[] }) {
  const t = useCitizenPsT();
  const pick = useBilingual();
  if (items.length === 0) return <p class="muted">{t('timeline.empty')}</p>;
  return (
    <ol class="ps-timeline">
      {items.map((e, i) => (
        <li key={`${e.at}-${i}`}>
          <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          <strong>{statusText(t, e.status, e.label, pick)}</strong>
          {e.note && <span class="ps-text">{typeof e.note === 'string' ? e.note : pick(e.note)}</span>}
        </li>
      ))}
    </ol>
  );
}
