import { formatDate, formatDateTime } from '../../lib/format.js';
import { useBilingual } from '../../lib/i18n.js';
import { Link, useSearchParam, useTitle } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { PageHead } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { trackUrl } from '../api.js';
import { useFeedbackT } from '../i18n/index.js';
import { DueDate, Photos, StatusChip, Timeline } from '../status.js';
import type { ReportDetail } from '../types.js';
import { RateReport, ReopenReport } from './RateReopen.js';
import { FollowReport } from './FollowReport.js';
import type { User } from '../../lib/session.js';

/** Following one report by its tracking code: where it is, who handles it, by when, and the result. */
export function TrackReport({ code, user }: { code: string; user?: User | null | undefined }) {
  const t = useFeedbackT();
  const pick = useBilingual();
  useTitle(t('track.title', { code }));
  const report = useApi<ReportDetail>(trackUrl(code));
  const fresh = useSearchParam('moi') === '1';
  const r = report.data;

  return (
    <div class="stack fb-track">
      <nav class="breadcrumbs" aria-label={t('track.breadcrumbs')}>
        <ol>
          <li>
            <Link href="/phan-anh">{t('list.title')}</Link>
          </li>
          <li aria-current="page">{code}</li>
        </ol>
      </nav>
      <PageHead title={t('track.title', { code })} lead={r ? pick(r.categoryName) : undefined} actions={r ? <StatusChip report={r} /> : undefined} />
      {fresh && (
        <div class="alert alert--success" role="status">
          <p>
            <strong>{t('track.sent')}</strong>
          </p>
          <p>
            {t('track.sentCode')} <strong class="fb-code" id="fb-tracking-code">{code}</strong> <CopyButton text={code} targetId="fb-tracking-code" />
          </p>
          <p class="small">{t('track.sentKeep')}</p>
        </div>
      )}
      {report.loading && !r && <Loading />}
      <ProblemBox error={report.error} onRetry={report.reload} />
      {r && (
        <>
          <section class="card" aria-labelledby="fb-facts">
            <h2 id="fb-facts" class="visually-hidden">
              {t('track.facts')}
            </h2>
            <dl class="fb-details">
              <div>
                <dt>{t('track.status')}</dt>
                <dd>
                  <StatusChip report={r} />
                </dd>
              </div>
              <div>
                <dt>{t('track.agency')}</dt>
                <dd>{r.agencyName}</dd>
              </div>
              <div>
                <dt>{t('track.sentAt')}</dt>
                <dd>{formatDateTime(r.createdAt)}</dd>
              </div>
              <div>
                <dt>{t('track.due')}</dt>
                <dd>
                  <DueDate report={r} />
                </dd>
              </div>
              <div>
                <dt>{t('track.place')}</dt>
                <dd>{[r.address, r.communeName].filter(Boolean).join(', ')}</dd>
              </div>
              {r.reporterDisplayName && (
                <div>
                  <dt>{t('track.by')}</dt>
                  <dd>{r.reporterDisplayName}</dd>
                </div>
              )}
            </dl>
          </section>
          <section class="card stack" aria-labelledby="fb-what">
            <h2 id="fb-what">{t('track.what')}</h2>
            <p class="fb-text">{r.description}</p>
            <Photos urls={r.photoUrls} label={t('track.photos')} />
          </section>
          {r.result && (
            <section class="card stack fb-result" aria-labelledby="fb-result">
              <h2 id="fb-result">{t('track.result')}</h2>
              <p class="fb-text">{r.result.text}</p>
              <Photos urls={r.result.photoUrls} label={t('track.resultPhotos')} />
            </section>
          )}
          {r.rating && (
            <p class="card card--flat">
              {t('rate.value', { stars: r.rating.stars })}
              {r.rating.comment && ` — ${r.rating.comment}`}
            </p>
          )}
          {r.canRate && <RateReport id={r.id} onDone={report.reload} />}
          {r.canReopen && <ReopenReport id={r.id} onDone={report.reload} />}
          {r.reporter && (
            <section class="card card--flat stack" aria-labelledby="fb-reporter">
              <h2 id="fb-reporter">{t('track.reporter')}</h2>
              <p class="small muted">{t('track.reporterNote')}</p>
              <p>{[r.reporter.name, r.reporter.phone, r.reporter.email].filter(Boolean).join(' · ') || '—'}</p>
            </section>
          )}
          <FollowReport reportId={r.id} user={user} />
          <section class="card stack" aria-labelledby="fb-timeline">
            <h2 id="fb-timeline">{t('track.timeline')}</h2>
            <Timeline entries={r.timeline} />
          </section>
          <p class="small muted">{t('track.updated', { date: formatDate(r.updatedAt ?? r.createdAt) })}</p>
        </>
      )}
    </div>
  );
}
