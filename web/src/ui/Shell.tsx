import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ROLE_LABELS } from '../../../src/platform/identity/roles.js';
import { useBilingual, useLang, useT } from '../lib/i18n.js';
import { Link, usePath } from '../lib/router.js';
import { ADMIN_ROLES, IOC_ROLES, OFFICER_ROLES, signOut, type User } from '../lib/session.js';

export type Area = 'citizen' | 'officer' | 'ioc' | 'admin';
export interface NavItem {
  href: string;
  label: string;
}

export function Logo() {
  return (
    <svg class="brand__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#ffffff" />
      <path d="M16 5l2.6 7.1H26l-6 4.5 2.3 7.2L16 19.4l-6.3 4.4 2.3-7.2-6-4.5h7.4z" fill="#b3261e" />
    </svg>
  );
}

export function LangSwitch() {
  const { lang, setLang } = useLang();
  const t = useT();
  const target = lang === 'vi' ? 'en' : 'vi';
  return (
    <button type="button" class="btn btn--ghost btn--small" lang={target} aria-label={t('shell.switchLangLabel')} onClick={() => setLang(target)}>
      <span class="lang-long">{t('shell.switchLang')}</span>
      <span class="lang-short" aria-hidden="true">
        {target.toUpperCase()}
      </span>
    </button>
  );
}

function UserTools({ user }: { user: User | null | undefined }) {
  const t = useT();
  const pick = useBilingual();
  if (user === undefined) return null;
  if (user === null) {
    return (
      <a class="btn btn--ghost btn--small" href="/dang-nhap">
        {t('shell.signIn')}
      </a>
    );
  }
  return (
    <>
      <div class="user-chip">
        <a class="user-chip__name" href="/ca-nhan" title={t('shell.profile')}>
          {user.fullName}
        </a>
        <span class="user-chip__role">{pick(ROLE_LABELS[user.role])}</span>
      </div>
      <button type="button" class="btn btn--ghost btn--small" onClick={() => void signOut()}>
        {t('shell.signOut')}
      </button>
    </>
  );
}

/** The workspaces a staff member may switch between. */
function areaLinks(user: User | null | undefined, t: ReturnType<typeof useT>): NavItem[] {
  if (!user || !OFFICER_ROLES.includes(user.role)) return [];
  const links: NavItem[] = [{ href: '/can-bo', label: t('link.officer') }];
  if (IOC_ROLES.includes(user.role)) links.push({ href: '/ioc', label: t('link.ioc') });
  if (ADMIN_ROLES.includes(user.role)) links.push({ href: '/quan-tri', label: t('link.admin') });
  return links;
}

interface ShellProps {
  area: Area;
  user: User | null | undefined;
  /** Pages of this area: shown in the top strip (citizen) or a side navigation (staff areas). */
  nav?: NavItem[];
  children: ComponentChildren;
}

export function Shell({ area, user, nav = [], children }: ShellProps) {
  const t = useT();
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After a client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus();
  }, [path]);
  // On narrow screens the menus scroll sideways: keep the current item in view.
  useEffect(() => {
    for (const current of document.querySelectorAll('.topnav [aria-current="page"], .sidenav [aria-current="page"]')) {
      const list = current.closest('ul');
      if (list && list.scrollWidth > list.clientWidth) {
        const item = current as HTMLElement;
        list.scrollLeft = item.offsetLeft - (list.clientWidth - item.offsetWidth) / 2;
      }
    }
  }, [path, user]);

  const staff = area !== 'citizen';
  const strip = staff ? areaLinks(user, t) : nav;
  const areaHome = { citizen: '/', officer: '/can-bo', ioc: '/ioc', admin: '/quan-tri' }[area];
  return (
    <>
      <a class="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header class="topbar">
        <div class="topbar__inner">
          <a class="brand" href={areaHome}>
            <Logo />
            <span class="brand__text">
              <span class="brand__name">{t('app.name')}</span>
              <span class="brand__area">{t(`area.${area}`)}</span>
            </span>
          </a>
          <div class="topbar__tools">
            <LangSwitch />
            <UserTools user={user} />
          </div>
        </div>
      </header>
      {strip.length > 0 && (
        <nav class="topnav" aria-label={staff ? t('shell.areas') : t('shell.mainNav')}>
          <ul>
            {strip.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={isCurrent(item.href, path, staff) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div class={`layout${staff && nav.length > 0 ? ' layout--sidebar' : ''}`}>
        {staff && nav.length > 0 && (
          <nav class="sidenav" aria-label={t('shell.areaNav')}>
            <ul>
              {nav.map((item) => (
                <li key={item.href}>
                  <Link href={item.href}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" tabIndex={-1} ref={main}>
          {children}
        </main>
      </div>
      <footer class="footer">
        <div class="footer__inner">
          <span>{t('shell.footer')}</span>
          <span>{t('shell.footerPrivacy')}</span>
          <a href="/api/docs">{t('shell.apiDocs')}</a>
        </div>
      </footer>
    </>
  );
}

/** In the staff strip, a workspace is current for all of its pages. */
function isCurrent(href: string, path: string, prefix: boolean): boolean {
  return prefix ? path === href || path.startsWith(`${href}/`) : path === href;
}
