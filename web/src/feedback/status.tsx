import { formatDate, formatDateTime } from '../lib/format.js';
import { useBilingual } from '../lib/i18n.js';
import { useFeedbackT } from './i18n/index.js';
import type { PointTone } from './map/leaflet-points.js';
import type { PublicReport, ReportOutcome, ReportStatus, TimelineEntry } from './types.js';

type Tr = ReturnType<typeof useFeedbackT>;

/** A closed report is labelled by its outcome: "closed" alone would hide whether it was fixed. */
export function statusLabel(t: Tr, status: ReportStatus, outcome: ReportOutcome | null): string {
  if (status === 'closed' && outcome) return t(`outcome.${outcome}`);
  return t(`status.${status}`);
}

export function statusTone(status: ReportStatus, outcome: ReportOutcome | null): PointTone {
  if (status === 'new') return 'new';
  if (status === 'resolved' || (status === 'closed' && outcome === 'fixed')) return 'done';
  if (status === 'closed') return 'closed';
  return 'open';
}

const BADGE: Record<PointTone, string> = { new: 'badge fb-chip fb-chip--new', open: 'badge badge--warn fb-chip', done: 'badge badge--ok fb-chip', closed: 'badge badge--muted fb-chip' };

export function StatusChip({ report }: { report: Pick<PublicReport, 'status' | 'outcome'> }) {
  const t = useFeedbackT();
  return <span class={BADGE[statusTone(report.status, report.outcome)]}>{statusLabel(t, report.status, report.outcome)}</span>;
}

/** Due date, red when past and the report still open. */
export function DueDate({ report, overdue }: { report: Pick<PublicReport, 'dueAt' | 'status'>; overdue?: boolean }) {
  const t = useFeedbackT();
  if (!report.dueAt) return <span class="muted">{t('track.noDue')}</span>;
  const open = report.status !== 'closed' && report.status !== 'resolved';
  const late = overdue ?? (open && new Date(report.dueAt).getTime() < Date.now());
  return (
    <span class={late ? 'fb-late' : undefined}>
      {formatDate(report.dueAt)}
      {late && ` · ${t('track.overdue')}`}
    </span>
  );
}

/**
 * Timeline kinds the server writes: `received`, one per officer action, `rated`, `reopened`, the
 * deadline watch's `reminder` and `escalated`, moderation and merging, and Open311 clients' updates.
 */
const KNOWN = new Set(['received', 'accept', 'refuse', 'start', 'resolve', 'close', 'transfer', 'note', 'assign', 'unassign', 'rated', 'reopened', 'reminder', 'escalated', 'moderation', 'merged_in', 'external_update']);

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

/**
 * What happened to a report, oldest first. Internal notes (only staff receive them) are marked.
 * `agencyName` turns a transfer's agency id into a name where the page knows the agencies.
 */
export function Timeline({ entries, agencyName }: { entries: TimelineEntry[]; agencyName?: (id: string) => string | undefined }) {
  const t = useFeedbackT();
  const pick = useBilingual();
  if (entries.length === 0) return <p class="muted">{t('track.noEvents')}</p>;
  return (
    <ol class="fb-timeline">
      {entries.map((e, i) => {
        const data = e.data ?? {};
        const internal = e.public === false || e.kind === 'note';
        const title = KNOWN.has(e.kind) ? t(`event.${e.kind}` as 'event.received') : e.kind;
        const outcome = text(data.outcome) as ReportOutcome | null;
        const to = text(data.toAgencyId) ? (agencyName?.(String(data.toAgencyId)) ?? text(data.toAgencyName) ?? undefined) : undefined;
        const details = [
          typeof e.text === 'string' ? e.text : e.text ? pick(e.text) : null,
          outcome ? t(`outcome.${outcome}`) : null,
          to ? t('event.toAgency', { agency: to }) : null,
          typeof data.stars === 'number' ? t('rate.value', { stars: data.stars }) : null,
          text(data.duplicateOf) ? t('event.duplicateOf', { code: String(data.duplicateOf) }) : null,
          text(data.mergedFrom) ? t('event.mergedFrom', { code: String(data.mergedFrom) }) : null,
          text(data.reason),
          text(data.note),
          text(data.resultText),
          text(data.comment),
        ].filter((d): d is string => !!d);
        return (
          <li key={`${e.at}-${i}`} class={internal ? 'fb-timeline__item fb-timeline__item--internal' : 'fb-timeline__item'}>
            <p class="fb-timeline__head">
              <strong>{title}</strong>
              {internal && <span class="badge badge--muted">{t('event.internal')}</span>}
            </p>
            <p class="small muted">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {actor(t, e.actorLabel)}
            </p>
            {details.map((d, j) => (
              <p key={j} class="fb-timeline__text">
                {d}
              </p>
            ))}
          </li>
        );
      })}
    </ol>
  );
}

function actor(t: Tr, label: string): string {
  if (label === 'reporter') return t('actor.reporter');
  if (label === 'system' || label.startsWith('system:')) return t('actor.system');
  return label;
}

/** Only photos this platform serves: the CSP blocks others (e.g. a media URL given by an Open311 client). */
export const ownPhotos = (urls: string[]) => urls.filter((u) => u.startsWith('/') && !u.startsWith('//'));

/** Photo thumbnails opening the full picture. */
export function Photos({ urls: all, label }: { urls: string[]; label: string }) {
  const urls = ownPhotos(all);
  if (urls.length === 0) return null;
  return (
    <ul class="fb-photos" aria-label={label}>
      {urls.map((url, i) => (
        <li key={url}>
          <a href={url} target="_blank" rel="noopener">
            <img src={url} alt={`${label} ${i + 1}`} loading="lazy" decoding="async" />
          </a>
        </li>
      ))}
    </ul>
  );
}
