import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../lib/i18n.js';
import { Loading } from '../../ui/Problem.js';

type Page = typeof import('./StatsPage.js');
let loaded: Page | null = null;

export const PS_STATS_PATH = '/dich-vu-cong/thong-ke';
export const isPsStatsPath = (path: string) => path === PS_STATS_PATH;

/** The public statistics of public services in the citizen entry, fetched the first time it is opened. */
export function PublicServicesStats() {
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
