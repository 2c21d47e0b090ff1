import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../lib/i18n.js';
import type { User } from '../../lib/session.js';
import { Loading } from '../../ui/Problem.js';

type Pages = typeof import('./pages.js');
let loaded: Pages | null = null;

/** Dịch vụ công: the catalog, online filing, tracking and the citizen's own dossiers. */
export const PUBLIC_SERVICES_ROOT = '/dich-vu-cong';
export const isPublicServicesPath = (path: string) => path === PUBLIC_SERVICES_ROOT || path.startsWith(`${PUBLIC_SERVICES_ROOT}/`);

/**
 * The only public-services code in the citizen entry: the pages (and their styles) are fetched the
 * first time one is opened, so the portal's home stays light on a phone.
 */
export function PublicServicesPages({ path, user }: { path: string; user: User | null | undefined }) {
  const t = useT();
  const [pages, setPages] = useState<Pages | null>(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (pages) return;
    import('./pages.js').then(
      (m) => {
        loaded = m;
        setPages(m);
      },
      () => setFailed(true),
    );
  }, []);
  if (failed) {
    return (
      <div class="alert alert--error" role="alert">
        <p>{t('error.network')}</p>
        <button type="button" class="btn btn--secondary btn--small" onClick={() => window.location.reload()}>
          {t('state.retry')}
        </button>
      </div>
    );
  }
  if (!pages) return <Loading />;
  return <pages.CitizenPublicServices path={path} user={user} />;
}
