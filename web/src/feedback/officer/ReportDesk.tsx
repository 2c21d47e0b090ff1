import { useMemo } from 'preact/hooks';
import { formatDateTime } from '../../lib/format.js';
import { useBilingual } from '../../lib/i18n.js';
import { Link, useTitle } from '../../lib/router.js';
import type { User } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import type { Page } from '../../lib/api.js';
import { PageHead } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { BASE } from '../api.js';
import { useDeskT } from '../i18n/desk.js';
import { useFeedbackT } from '../i18n/index.js';
import { DueDate, Photos, StatusChip, Timeline } from '../status.js';
import type { ReportDetail } from '../types.js';
import { Actions, type AgencyOption } from './Actions.js';
import { ModerationPanel } from './ModerationPanel.js';
import { Assignment } from './Assignment.js';
import { HANDLER_ROLES, type Handling, type ResponseTemplate } from './desk-api.js';

/**
 * One report at the desk: what, where, who reported it (the server records this view in the
 * audit trail), the timeline with internal notes, and the actions the state allows.
 */
export function ReportDesk({ id, user }: { id: string; user: User }) {
  const t = useDeskT();
  const tf = useFeedbackT();
  const pick = useBilingual();
  const report = useApi<ReportDetail>(`${BASE}/reports/${encodeURIComponent(id)}`);
  const agencies = useApi<Page<AgencyOption>>('/api/v1/agencies', { limit: 200 });
  const handling = useApi<Handling>(`${BASE}/reports/${encodeURIComponent(id)}/handling`);
  const handler = HANDLER_ROLES.includes(user.role);
  const templates = useApi<{ items: ResponseTemplate[] }>(handler ? `${BASE}/templates` : null);
  const r = report.data;
  useTitle(r ? t('desk.title', { code: r.trackingCode }) : t('queue.title'));
  const names = useMemo(() => new Map((agencies.data?.items ?? []).map((a) => [a.id, a.name])), [agencies.data]);
  const mine = !!r && handler && (user.role === 'system_admin' || r.agencyId === user.agencyId);
  const reload = () => {
    report.reload();
    handling.reload();
  };
  // Assignment entries are internal; the shared timeline does not name them, so the desk does.
  const timeline = useMemo(
    () => (r?.timeline ?? []).map((e) => (e.kind === 'assign' || e.kind === 'unassign' ? { ...e, kind: t(`timeline.${e.kind}`), public: false, text: typeof e.data?.assigneeName === 'string' ? e.data.assigneeName : undefined } : e)),
    [r, t],
  );

  return (
    <div class="stack fb-desk">
      <p>
        <Link href="/can-bo/phan-anh">← {t('desk.back')}</Link>
      </p>
      {report.loading && !r && <Loading />}
      <ProblemBox error={report.error} onRetry={report.reload} />
      {r && (
        <>
          <PageHead title={t('desk.title', { code: r.trackingCode })} lead={pick(r.categoryName)} actions={<StatusChip report={r} />} />
          <div class="fb-desk__grid">
            <div class="stack fb-desk__main">
              <section class="card stack" aria-labelledby="fb-desk-what">
                <h2 id="fb-desk-what">{t('desk.what')}</h2>
                <p class="fb-text">{r.description}</p>
                <Photos urls={r.photoUrls} label={tf('track.photos')} />
                <dl class="fb-details">
                  <div>
                    <dt>{tf('track.place')}</dt>
                    <dd>
                      {[r.address, r.communeName].filter(Boolean).join(', ')}
                      <span class="small muted"> ({r.lat.toFixed(5)}, {r.lng.toFixed(5)})</span>
                    </dd>
                  </div>
                  <div>
                    <dt>{tf('track.sentAt')}</dt>
                    <dd>{formatDateTime(r.createdAt)}</dd>
                  </div>
                  <div>
                    <dt>{tf('track.due')}</dt>
                    <dd>
                      <DueDate report={r} />
                    </dd>
                  </div>
                  <div>
                    <dt>{tf('track.agency')}</dt>
                    <dd>{r.agencyName}</dd>
                  </div>
                </dl>
              </section>
              {r.result && (
                <section class="card stack" aria-labelledby="fb-desk-result">
                  <h2 id="fb-desk-result">{tf('track.result')}</h2>
                  <p class="fb-text">{r.result.text}</p>
                  <Photos urls={r.result.photoUrls} label={tf('track.resultPhotos')} />
                  {r.rating && <p>{tf('rate.value', { stars: r.rating.stars })}{r.rating.comment ? ` — ${r.rating.comment}` : ''}</p>}
                </section>
              )}
            </div>
            <div class="stack fb-desk__side">
              <section class="card stack fb-reporter" aria-labelledby="fb-desk-reporter">
                <h2 id="fb-desk-reporter">{t('desk.reporter')}</h2>
                {r.reporter ? (
                  <dl class="fb-details">
                    <div>
                      <dt>{t('desk.name')}</dt>
                      <dd>{r.reporter.name ?? '—'}</dd>
                    </div>
                    <div>
                      <dt>{t('desk.phone')}</dt>
                      <dd>{r.reporter.phone ? <a href={`tel:${r.reporter.phone.replace(/[^\d+]/g, '')}`}>{r.reporter.phone}</a> : '—'}</dd>
                    </div>
                    <div>
                      <dt>{t('desk.email')}</dt>
                      <dd>{r.reporter.email ? <a href={`mailto:${r.reporter.email}`}>{r.reporter.email}</a> : '—'}</dd>
                    </div>
                  </dl>
                ) : (
                  <p class="muted">{t('desk.noReporter')}</p>
                )}
                <p class="small muted">{r.reporterDisplayName ? t('desk.namePublic', { name: r.reporterDisplayName }) : t('desk.nameHidden')}</p>
                <p class="small muted">{t('desk.audited')}</p>
              </section>
              {handling.data && <Assignment report={r} user={user} handling={handling.data} onChanged={reload} />}
              {mine ? <Actions report={r} agencies={agencies.data?.items ?? []} templates={templates.data?.items ?? []} onDone={reload} /> : <p class="alert alert--info">{handler ? t('desk.notMine') : t('desk.readOnly')}</p>}
              {mine && <ModerationPanel report={r} onDone={reload} />}
            </div>
            <section class="card stack fb-desk__timeline" aria-labelledby="fb-desk-timeline">
              <h2 id="fb-desk-timeline">{tf('track.timeline')}</h2>
              <Timeline entries={timeline} agencyName={(a) => names.get(a)} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
