import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../lib/i18n.js';
import type { User } from '../../lib/session.js';
import { Loading } from '../../ui/Problem.js';

type Pages = typeof import('./pages.js');
let loaded: Pages | null = null;

export const isFeedbackPath = (path: string) => path === '/phan-anh' || path.startsWith('/phan-anh/');

/**
 * The only feedback code in the citizen entry: it fetches the pages (and their styles) the
 * first time one is opened. Leaflet comes later still, with the first map.
 */
export function FeedbackPages({ path, user }: { path: string; user: User | null | undefined }) {
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
  return <pages.CitizenFeedback path={path} user={user} />;
}
