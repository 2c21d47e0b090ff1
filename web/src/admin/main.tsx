import type { ComponentChildren } from 'preact';
import { mount } from '../lib/mount.js';
import { Link, usePath, useTitle } from '../lib/router.js';
import { ADMIN_ROLES, type User } from '../lib/session.js';
import { Forbidden, NotFound, RequireRole, useSession } from '../ui/Guard.js';
import { Icon } from '../ui/Icon.js';
import { PageHead } from '../ui/Field.js';
import { Shell } from '../ui/Shell.js';
import { useAdminT } from './i18n/index.js';
import { SCREENS, screensFor } from './screens.js';
import { Agencies } from './pages/Agencies.js';
import { Users } from './pages/Users.js';
import { AdminUnits } from './pages/AdminUnits.js';
import { ApiKeys } from './pages/ApiKeys.js';
import { Calendar } from './pages/Calendar.js';
import { Outbox } from './pages/Outbox.js';
import { Audit } from './pages/Audit.js';
import './admin.css';

const PAGES: Record<string, (user: User) => ComponentChildren> = {
  '/quan-tri/co-quan': (u) => <Agencies user={u} />,
  '/quan-tri/nguoi-dung': (u) => <Users user={u} />,
  '/quan-tri/don-vi-hanh-chinh': (u) => <AdminUnits user={u} />,
  '/quan-tri/khoa-api': () => <ApiKeys />,
  '/quan-tri/lich-lam-viec': () => <Calendar />,
  '/quan-tri/hang-doi-gui': () => <Outbox />,
  '/quan-tri/nhat-ky': () => <Audit />,
};

function Dashboard({ user }: { user: User }) {
  const t = useAdminT();
  useTitle(t('home.title'));
  return (
    <div class="stack">
      <PageHead title={t('home.title')} lead={t('home.lead', { name: user.fullName })} />
      <ul class="grid admin-cards">
        {screensFor(user.role).map((s) => (
          <li key={s.path}>
            <Link class="card admin-card" href={s.path}>
              <span class="admin-card__icon">
                <Icon name={s.icon} />
              </span>
              <span class="admin-card__title">{t(s.title)}</span>
              <span class="admin-card__text">{t(s.description)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Page({ user, path }: { user: User; path: string }) {
  if (path === '/quan-tri') return <Dashboard user={user} />;
  const screen = SCREENS.find((s) => s.path === path);
  const render = PAGES[path];
  if (!screen || !render) return <NotFound />;
  if (!screen.roles.includes(user.role)) return <Forbidden user={user} />;
  return <>{render(user)}</>;
}

function App() {
  const t = useAdminT();
  const path = usePath();
  const session = useSession();
  const user = session.user;
  const nav = user ? [{ href: '/quan-tri', label: t('home.nav') }, ...screensFor(user.role).map((s) => ({ href: s.path, label: t(s.title) }))] : [];
  return (
    <Shell area="admin" user={user} nav={nav}>
      <RequireRole session={session} roles={ADMIN_ROLES}>
        {(u) => <Page user={u} path={path} />}
      </RequireRole>
    </Shell>
  );
}

mount((path) => path === '/quan-tri' || path.startsWith('/quan-tri/'), () => <App />);
