import { lazyPage } from '../../lib/lazy-pages.js';
import type { User } from '../../lib/session.js';

export const isFeedbackPath = (path: string) => path === '/phan-anh' || path.startsWith('/phan-anh/');

/**
 * The only feedback code in the citizen entry: it fetches the pages (and their styles) the
 * first time one is opened. Leaflet comes later still, with the first map.
 */
export const FeedbackPages = lazyPage(
  () => import('./pages.js'),
  (pages, { path, user }: { path: string; user: User | null | undefined }) => <pages.CitizenFeedback path={path} user={user} />,
);
