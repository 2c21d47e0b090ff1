import { lazyPage } from '../../lib/lazy-pages.js';
import type { User } from '../../lib/session.js';

/** Dịch vụ công: the catalog, online filing, tracking and the citizen's own dossiers. */
export const PUBLIC_SERVICES_ROOT = '/dich-vu-cong';
export const isPublicServicesPath = (path: string) => path === PUBLIC_SERVICES_ROOT || path.startsWith(`${PUBLIC_SERVICES_ROOT}/`);

/**
 * The only public-services code in the citizen entry: the pages (and their styles) are fetched the
 * first time one is opened, so the portal's home stays light on a phone.
 */
export const PublicServicesPages = lazyPage(
  () => import('./pages.js'),
  (pages, { path, user }: { path: string; user: User | null | undefined }) => <pages.CitizenPublicServices path={path} user={user} />,
);
