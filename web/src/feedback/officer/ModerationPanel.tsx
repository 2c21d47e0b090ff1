import { useState } from 'preact/hooks';
import { api, asApiError, type ApiError } from '../../lib/api.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { useLang } from '../../lib/i18n.js';
import { useApi } from '../../lib/use-api.js';
import { TextField } from '../../ui/Field.js';
import { fieldError, ProblemBox } from '../../ui/Problem.js';
import { BASE } from '../api.js';
import { useModerationT } from '../i18n/moderation.js';
import { ReasonForm } from '../ReasonForm.js';
import type { NearbyReport, ReportDetail } from '../types.js';

type Target = 'description' | 'photo' | 'result_text' | 'rating_comment' | 'event';
interface Mark {
  hidden: boolean;
  reason: string | null;
}
/** What the server adds to a report for the handling agency and the reporter (absent for the public). */
interface Moderation {
  description: Mark;
  resultText: Mark;
  ratingComment: Mark;
  photos: Array<Mark & { fileId: string; url: string; kind: string }>;
  /** Public timeline entries with free text (reasons, results, clients' updates). */
  events?: Array<Mark & { id: string; kind: string; at: string; text: string }>;
}
type Moderated = ReportDetail & { moderation?: Moderation };
interface Item {
  key: string;
  label: string;
  target: Target;
  fileId?: string;
  eventId?: string;
  mark: Mark;
  url?: string;
  /** The text in question, for timeline entries (the officer sees which one). */
  text?: string;
}

/**
 * Moderation (kiểm duyệt) and merging at the officer desk: hide or show again the text, the result,
 * the reporter's comment, each photo and each public timeline text, with a reason; merge the report into a nearby open one.
 * Shown only when the server sent moderation marks, i.e. to the handling agency.
 */
export function ModerationPanel({ report, onDone }: { report: ReportDetail; onDone(): void }) {
  const moderation = (report as Moderated).moderation;
  if (!moderation) return null;
  return (
    <>
      <HidePanel report={report} moderation={moderation} onDone={onDone} />
      <MergePanel report={report} onDone={onDone} />
    </>
  );
}

function itemsOf(report: ReportDetail, m: Moderation, t: ReturnType<typeof useModerationT>): Item[] {
  const items: Item[] = [{ key: 'description', label: t('mod.description'), target: 'description', mark: m.description }];
  if (report.result) items.push({ key: 'result', label: t('mod.resultText'), target: 'result_text', mark: m.resultText });
  if (report.rating?.comment) items.push({ key: 'comment', label: t('mod.ratingComment'), target: 'rating_comment', mark: m.ratingComment });
  let own = 0;
  let result = 0;
  for (const p of m.photos) {
    const label = p.kind === 'result' ? t('mod.resultPhoto', { n: ++result }) : t('mod.photo', { n: ++own });
    items.push({ key: p.fileId, label, target: 'photo', fileId: p.fileId, mark: p, url: p.url });
  }
  for (const e of m.events ?? []) items.push({ key: `event-${e.id}`, label: t('mod.event', { date: formatDateTime(e.at) }), target: 'event', eventId: e.id, mark: e, text: e.text });
  return items;
}

function HidePanel({ report, moderation, onDone }: { report: ReportDetail; moderation: Moderation; onDone(): void }) {
  const t = useModerationT();
  const { lang } = useLang();
  const [editing, setEditing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const items = itemsOf(report, moderation, t);

  async function send(item: Item, hidden: boolean) {
    setBusy(true);
    setError(undefined);
    setDone(null);
    try {
      const body = { target: item.target, hidden, ...(item.fileId ? { fileId: item.fileId } : {}), ...(item.eventId ? { eventId: item.eventId } : {}), ...(hidden ? { reason: reason.trim() } : {}) };
      const res = await api<{ changed: boolean }>(`${BASE}/reports/${report.id}/moderation`, { method: 'POST', body });
      setDone(res.changed ? t(hidden ? 'mod.doneHide' : 'mod.doneShow') : t('mod.unchanged'));
      setEditing(null);
      setReason('');
      onDone();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card stack fb-moderation" aria-labelledby="fb-moderation">
      <h2 id="fb-moderation">{t('mod.title')}</h2>
      <p class="small muted">{t('mod.lead')}</p>
      {done && (
        <p class="alert alert--success" role="status">
          {done}
        </p>
      )}
      <ProblemBox error={error} />
      <ul class="plain-list stack">
        {items.map((item) => (
          <li key={item.key} class="stack fb-moderation__item">
            <div class="row">
              {item.url && <img src={item.url} alt="" width={96} height={72} loading="lazy" decoding="async" class="fb-moderation__thumb" />}
              <strong>{item.label}</strong>
              <span class={`badge ${item.mark.hidden ? 'badge--warn' : 'badge--ok'}`}>{item.mark.hidden ? t('mod.hidden') : t('mod.public')}</span>
              {item.mark.hidden ? (
                <button type="button" class="btn btn--secondary btn--small" disabled={busy} onClick={() => void send(item, false)}>
                  {t('mod.show')}
                </button>
              ) : (
                <button type="button" class="btn btn--secondary btn--small" aria-pressed={editing === item.key} onClick={() => setEditing(editing === item.key ? null : item.key)}>
                  {t('mod.hide')}
                </button>
              )}
            </div>
            {item.text && <p class="small muted fb-clamp">{item.text}</p>}
            {item.mark.hidden && <p class="small">{t('mod.hiddenBecause', { reason: item.mark.reason ?? '—' })}</p>}
            {editing === item.key && (
              <ReasonForm
                id={`fb-mod-${item.key}`}
                label={t('mod.reason')}
                hint={t('mod.reasonHint')}
                value={reason}
                onValue={setReason}
                rows={2}
                maxLength={1000}
                error={fieldError(error, 'body.reason', lang)}
                busy={busy}
                submitLabel={t('mod.confirmHide')}
                submitClass="btn btn--danger"
                cancelLabel={t('mod.cancel')}
                onSubmit={() => void send(item, true)}
                onCancel={() => setEditing(null)}
                formClass="form stack"
                ariaLabel={`${t('mod.hide')}: ${item.label}`}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MergePanel({ report, onDone }: { report: ReportDetail; onDone(): void }) {
  const t = useModerationT();
  const { lang } = useLang();
  const open = report.status !== 'closed';
  const nearby = useApi<{ items: NearbyReport[] }>(open ? `${BASE}/reports/nearby` : null, open ? { categoryCode: report.categoryCode, lat: report.lat, lng: report.lng } : undefined);
  const candidates = (nearby.data?.items ?? []).filter((r) => r.id !== report.id);
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const into = code.trim().toUpperCase();

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const res = await api<{ duplicateOf: string; followersMoved: number; photosAdded: number }>(`${BASE}/reports/${report.id}/merge`, { method: 'POST', body: { intoTrackingCode: into, ...(reason.trim() ? { reason: reason.trim() } : {}) } });
      setDone(t('merge.done', { code: res.duplicateOf, followers: res.followersMoved, photos: res.photosAdded }));
      onDone();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card stack fb-merge" aria-labelledby="fb-merge">
      <h2 id="fb-merge">{t('merge.title')}</h2>
      {done && (
        <p class="alert alert--success" role="status">
          {done}
        </p>
      )}
      {!open ? (
        !done && <p class="muted">{t('merge.closed')}</p>
      ) : (
        <>
          <p class="small muted">{t('merge.lead')}</p>
          <ProblemBox error={error} />
          <h3>{t('merge.candidates')}</h3>
          {candidates.length === 0 ? (
            <p class="small muted">{t('merge.noCandidates')}</p>
          ) : (
            <ul class="plain-list stack">
              {candidates.map((c) => (
                <li key={c.id} class="row">
                  <span>
                    <strong>{c.trackingCode}</strong> <span class="small muted">{t('merge.distance', { m: formatNumber(c.distanceMetres), date: formatDate(c.createdAt) })}</span>
                    {c.description && <span class="fb-clamp small"> — {c.description}</span>}
                  </span>
                  <button type="button" class="btn btn--secondary btn--small" aria-pressed={into === c.trackingCode} onClick={() => setCode(c.trackingCode)}>
                    {t('merge.choose')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form class="form stack" onSubmit={submit}>
            <TextField id="fb-merge-code" label={t('merge.code')} value={code} onValue={setCode} required placeholder="PA-26-000123" error={fieldError(error, 'body.intoTrackingCode', lang)} />
            <TextField id="fb-merge-reason" label={t('merge.reason')} value={reason} onValue={setReason} maxLength={2000} />
            <div class="row">
              <button class="btn" type="submit" disabled={busy || !/^PA-\d{2}-\d{6,}$/.test(into)}>
                {t('merge.confirm', { code: into || '…' })}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
