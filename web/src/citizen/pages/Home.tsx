import { useT } from '../../lib/i18n.js';
import { Link, useTitle } from '../../lib/router.js';
import { homeFor, type User } from '../../lib/session.js';
import { Icon } from '../../ui/Icon.js';
import { useCitizenT } from '../i18n/index.js';

const SERVICES = [
  { key: 'feedback', icon: 'pin' },
  { key: 'dossiers', icon: 'file' },
  { key: 'track', icon: 'search' },
  { key: 'assistant', icon: 'chat' },
] as const;

export function Home({ user }: { user: User | null | undefined }) {
  const t = useCitizenT();
  const tc = useT();
  useTitle(t('home.title'));
  return (
    <div class="stack">
      <section class="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('home.title')}</h1>
        <p class="hero__lead">{t('home.lead')}</p>
        {user ? (
          <div class="row">
            <p class="hero__welcome">{t('home.welcome', { name: user.fullName })}</p>
            <a class="btn btn--gold" href={homeFor(user.role)}>
              {user.role === 'citizen' || user.role === 'business' ? t('home.ctaProfile') : t('home.ctaWorkspace')}
            </a>
          </div>
        ) : (
          <div class="row">
            <a class="btn btn--gold" href="/dang-nhap">
              {t('home.ctaSignIn')}
            </a>
            <a class="btn btn--on-dark" href="/dang-ky">
              {t('home.ctaRegister')}
            </a>
          </div>
        )}
      </section>
      <section aria-labelledby="services-title">
        <h2 id="services-title">{t('home.services')}</h2>
        <ul class="grid services">
          {SERVICES.map((s) => (
            <li key={s.key} class="card service">
              <span class="service__icon">
                <Icon name={s.icon} size={28} />
              </span>
              <h3>{s.key === 'feedback' ? <Link href="/phan-anh">{t(`home.${s.key}`)}</Link> : t(`home.${s.key}`)}</h3>
              <p>{t(`home.${s.key}Text`)}</p>
              {s.key !== 'feedback' && <span class="badge badge--muted">{tc('state.comingSoon')}</span>}
            </li>
          ))}
        </ul>
      </section>
      <section class="card card--flat privacy" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('home.privacyTitle')}</h2>
        <p>{t('home.privacyText')}</p>
      </section>
    </div>
  );
}
