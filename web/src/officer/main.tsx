import { useCatalog, type Catalog } from '../lib/i18n.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { mount } from '../lib/mount.js';
import { Link, usePath, useTitle } from '../lib/router.js';
import { OFFICER_ROLES, type User } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { NotFound, RequireRole, useSession } from '../ui/Guard.js';
import type { QueueCounts } from '../feedback/officer/desk-api.js';
import { PageHead } from '../ui/Field.js';
import { Shell } from '../ui/Shell.js';
import { vi, type OfficerMessages } from './i18n/vi.js';
import { en } from './i18n/en.js';
import { isOfficerFeedbackPath, OfficerFeedback } from '../feedback/officer/Desk.js';
import { DossierHomeCard } from '../public-services/officer/HomeCard.js';
import { isOfficerDossierPath, OfficerDossiers } from '../public-services/officer/Routes.js';
import { IotPages, isIotPath } from '../iot/lazy.js';

const catalog: Catalog<OfficerMessages> = { vi, en };
const useOfficerT = () => useCatalog(catalog);
const PAGES = { '/can-bo': 'queue', '/can-bo/phan-anh': 'feedback' } as const;
type PagePath = keyof typeof PAGES;
const isPage = (path: string): path is PagePath => path in PAGES;

function Queue({ user }: { user: User }) {
  const t = useOfficerT();
  useTitle(t('queue.title'));
  const agency = useApi<{ name: string }>(user.agencyId ? `/api/v1/agencies/${user.agencyId}` : null);
  // Officers count their agency's reports; leaders and system admins the whole province's.
  const counts = useApi<QueueCounts>(user.agencyId || user.role === 'leader' || user.role === 'system_admin' ? '/api/v1/feedback/queue/counts' : null);
  const c = counts.data;
  const stats = [
    { label: t('queue.open'), value: c?.open },
    { label: t('queue.dueToday'), value: c?.dueToday },
    { label: t('queue.overdue'), value: c?.overdue, tone: c?.overdue ? 'stat--late' : '' },
  ];
  return (
    <div class="stack">
      <PageHead title={t('queue.title')} lead={t('queue.lead', { name: user.fullName })} />
      <p class="muted">
        {user.agencyId ? (agency.data ? t('queue.agency', { agency: agency.data.name }) : null) : t('queue.noAgency')}
        {(agency.data || !user.agencyId) && ' · '}
        {t('queue.today', { date: formatDate(new Date()) })}
      </p>
      <section aria-labelledby="stats-title">
        <h2 id="stats-title" class="visually-hidden">
          {t('queue.stats')}
        </h2>
        <ul class="grid plain-list">
          {stats.map((s) => (
            <li key={s.label} class={`card stat ${s.tone ?? ''}`}>
              <span class="stat__value">{s.value === undefined ? '—' : formatNumber(s.value)}</span>
              <span class="stat__label">{s.label}</span>
            </li>
          ))}
        </ul>
      </section>
      <section class="card stack" aria-labelledby="queue-feedback">
        <h2 id="queue-feedback">{t('queue.feedbackTitle')}</h2>
        <p>{c && c.open === 0 ? t('queue.empty') : t('queue.feedbackLead')}</p>
        <p>
          <Link href="/can-bo/phan-anh">{t('queue.feedbackLink')}</Link>
        </p>
        <p>
          <Link href="/can-bo/phan-anh/qua-han">{t('queue.escalatedLink')}</Link>
        </p>
      </section>
      <DossierHomeCard user={user} />
    </div>
  );
}

function App() {
  const t = useOfficerT();
  const path = usePath();
  const session = useSession();
  const nav = [
    { href: '/can-bo', label: t('nav.queue') },
    { href: '/can-bo/phan-anh', label: t('nav.feedback') },
    { href: '/can-bo/ho-so', label: t('nav.dossiers') },
    { href: '/can-bo/thiet-bi', label: t('nav.devices') },
    { href: '/can-bo/canh-bao', label: t('nav.alarms') },
  ];
  const page = isPage(path) ? PAGES[path] : null;
  return (
    <Shell area="officer" user={session.user} nav={nav}>
      <RequireRole session={session} roles={OFFICER_ROLES}>
        {(user) =>
          page === 'queue' ? (
            <Queue user={user} />
          ) : isOfficerFeedbackPath(path) ? (
            <OfficerFeedback path={path} user={user} />
          ) : isOfficerDossierPath(path) ? (
            <OfficerDossiers path={path} user={user} />
          ) : isIotPath(path) ? (
            <IotPages path={path} user={user} />
          ) : (
            <NotFound />
          )
        }
      </RequireRole>
    </Shell>
  );
}

mount((path) => path === '/can-bo' || path.startsWith('/can-bo/'), () => <App />);
