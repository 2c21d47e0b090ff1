import { lazyPage } from '../../lib/lazy-pages.js';

export const PS_STATS_PATH = '/dich-vu-cong/thong-ke';
export const isPsStatsPath = (path: string) => path === PS_STATS_PATH;

/** The public statistics of public services in the citizen entry, fetched the first time it is opened. */
export const PublicServicesStats = lazyPage(
  () => import('./StatsPage.js'),
  (page) => <page.StatsPage />,
);
