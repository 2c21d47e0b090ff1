import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../lib/i18n.js';
import { Loading } from '../../ui/Problem.js';

type Page = typeof import('./StatsPage.js');
let loaded: Page | null = null;

export const isStatsPath = (path: string) => path === '/phan-anh/thong-ke';

/**
 * The statistics page in the citizen entry: its code (and styles) are fetched the first time it
 * is opened, on their own, so neither the home page nor the report list carries them.
 */
export function FeedbackStats() {
  const t = useT();
  const [page, setPage] = useState<Page | null>(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (page) return;
    import('./StatsPage.js').then(
      (m) => {
        loaded = m;
        setPage(m);
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
  return page ? <page.StatsPage /> : <Loading />;
}
