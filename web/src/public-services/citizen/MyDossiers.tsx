import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { Link, navigate, useSearchParam, useTitle } from '../../lib/router.js';
import { signInUrl, type User } from '../../lib/session.js';
import { useApi, usePaged } from '../../lib/use-api.js';
import { PageHead } from '../../ui/Field.js';
import { Loading, ProblemBox } from '../../ui/Problem.js';
import { useCitizenPsT } from '../i18n/citizen.js';
import type { DraftSummary, MyDossierItem } from '../types.js';
import { DRAFTS, MINE, pagePaths } from './api.js';
import { listLocal } from './filing/local-draft.js';
import { Breadcrumbs, StatusChip } from './parts.js';

const TABS = ['all', 'results', 'drafts'] as const;
type Tab = (typeof TABS)[number];

/** Shown instead of a page that needs a signed-in person. */
export function SignInFirst({ user, children }: { user: User | null | undefined; children: (u: User) => ComponentChildren }) {
  const t = useCitizenPsT();
  if (user === undefined) return <Loading />;
  if (user === null) {
    return (
      <section class="card stack">
        <h1>{t('mine.signInTitle')}</h1>
        <p>{t('mine.signInBody')}</p>
        <p>
          <a class="btn" href={signInUrl()}>
            {t('file.signIn')}
          </a>
        </p>
      </section>
    );
  }
  return <>{children(user)}</>;
}

/** Hồ sơ của tôi: what I filed (as applicant or on someone's behalf), my results, my drafts. */
export function MyDossiers({ user }: { user: User }) {
  const t = useCitizenPsT();
  useTitle(t('mine.title'));
  const raw = useSearchParam('tab');
  const tab: Tab = TABS.includes(raw as Tab) ? (raw as Tab) : 'all';
  return (
    <div class="stack ps-mine">
      <Breadcrumbs items={[{ href: pagePaths.catalog, label: t('cat.title') }, { label: t('mine.title') }]} />
      <PageHead title={t('mine.title')} lead={t('mine.lead')} actions={<Link class="btn btn--secondary" href={pagePaths.catalog}>{t('mine.newFiling')}</Link>} />
      <div class="ps-tabs" role="tablist" aria-label={t('mine.tabs')}>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`ps-tab-${k}`}
            aria-selected={tab === k}
            aria-controls="ps-tabpanel"
            class={`ps-tab${tab === k ? ' ps-tab--on' : ''}`}
            onClick={() => navigate(`${pagePaths.mine}?tab=${k}`, { replace: true })}
          >
            {t(`mine.tab.${k}`)}
          </button>
        ))}
      </div>
      <div id="ps-tabpanel" role="tabpanel" aria-labelledby={`ps-tab-${tab}`}>
        {tab === 'drafts' ? <Drafts user={user} /> : <Filed key={tab} view={tab} />}
      </div>
    </div>
  );
}

function Filed({ view }: { view: 'all' | 'results' }) {
  const t = useCitizenPsT();
  const list = usePaged<MyDossierItem>(MINE, { view });
  return (
    <div class="stack">
      <ProblemBox error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && <p class="card card--flat">{view === 'results' ? t('mine.noResults') : t('mine.empty')}</p>}
      <ul class="plain-list stack">
        {list.items.map((d) => (
          <li key={d.id} class="card ps-result">
            <h3>
              <Link href={pagePaths.dossier(d.id)}>{d.procedure.name}</Link>
            </h3>
            <p class="ps-result__meta">
              <StatusChip status={d.status} label={d.statusLabel} /> {d.code && <span class="small ps-code">{d.code}</span>}
              {d.onTime === false && <span class="badge badge--bad">{t('due.late')}</span>}
              {d.feeStatus === 'unpaid' && Number(d.feeTotal) > 0 && <span class="badge badge--warn">{t('fee.unpaid')}</span>}
            </p>
            <p class="small muted">
              {[
                d.submittedAt && t('mine.submitted', { date: formatDate(d.submittedAt) }),
                d.dueAt && t('mine.due', { date: formatDate(d.dueAt) }),
                d.finishedAt && t('mine.finished', { date: formatDate(d.finishedAt) }),
                d.resultNumber && t('mine.resultNumber', { number: d.resultNumber }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {d.onBehalf && <p class="small muted">{t('mine.onBehalfOf', { name: d.applicantName })}</p>}
            {(d.canEvaluate || d.resultAvailable) && (
              <p class="row">
                {d.resultAvailable && <Link href={pagePaths.dossier(d.id)}>{t('mine.getResult')}</Link>}
                {d.canEvaluate && <Link href={`${pagePaths.dossier(d.id)}#ps-eval`}>{t('mine.evaluate')}</Link>}
              </p>
            )}
          </li>
        ))}
      </ul>
      {list.loading && <Loading />}
      {list.hasMore && !list.loading && (
        <button type="button" class="btn btn--secondary" onClick={list.loadMore}>
          {t('cat.more')}
        </button>
      )}
    </div>
  );
}

/** Drafts on the server (and dossiers sent back for completion), and drafts only on this device. */
function Drafts({ user }: { user: User }) {
  const t = useCitizenPsT();
  const server = useApi<{ items: DraftSummary[] }>(DRAFTS);
  const items = server.data?.items ?? [];
  const local = listLocal(user.id).filter((l) => !l.dossierId || !items.some((d) => d.id === l.dossierId));
  return (
    <div class="stack">
      <ProblemBox error={server.error} onRetry={server.reload} />
      {server.loading && <Loading />}
      {!server.loading && items.length === 0 && local.length === 0 && <p class="card card--flat">{t('mine.noDrafts')}</p>}
      <ul class="plain-list stack">
        {items.map((d) => (
          <li key={d.id} class="card ps-result">
            <h3>{d.procedure.name}</h3>
            {d.status !== 0 && <p class="alert alert--warning">{t('dossier.completionRequested')}</p>}
            <p class="small muted">
              {[d.applicantName, t('mine.draftOf', { date: formatDateTime(d.updatedAt) })].filter(Boolean).join(' · ')}
            </p>
            <p class="row">
              <Link class="btn btn--small" href={`${pagePaths.file(d.procedure.code)}?ho-so=${encodeURIComponent(d.id)}`}>
                {d.status === 0 ? t('mine.resume') : t('mine.complete')}
              </Link>
              {d.status !== 0 && <Link href={pagePaths.dossier(d.id)}>{t('file.openDossier')}</Link>}
            </p>
          </li>
        ))}
        {local.map((l) => (
          <li key={l.procedureCode} class="card ps-result">
            <h3>{l.procedureName ?? l.procedureCode}</h3>
            <p class="small muted">{t('mine.localDraft', { date: formatDateTime(l.savedLocallyAt) })}</p>
            <Link class="btn btn--small" href={pagePaths.file(l.procedureCode)}>
              {t('mine.resume')}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
