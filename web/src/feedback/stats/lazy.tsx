import { lazyPage } from '../../lib/lazy-pages.js';

export const isStatsPath = (path: string) => path === '/phan-anh/thong-ke';

/**
 * The statistics page in the citizen entry: its code (and styles) are fetched the first time it
 * is opened, on their own, so neither the home page nor the report list carries them.
 */
export const FeedbackStats = lazyPage(
  () => import('./StatsPage.js'),
  (page) => <page.StatsPage />,
);
