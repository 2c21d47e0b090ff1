import { lazyPage } from '../lib/lazy-pages.js';
import type { User } from '../lib/session.js';

const PREFIXES = ['/can-bo/thiet-bi', '/can-bo/canh-bao', '/can-bo/quy-tac-canh-bao', '/can-bo/loai-thiet-bi'];

export const isIotPath = (path: string) => PREFIXES.some((p) => path === p || (p === '/can-bo/thiet-bi' && path.startsWith(`${p}/`)));

/** The only IoT code in the officer entry: the pages (and their styles) are fetched on first use. */
export const IotPages = lazyPage(
  () => import('./pages.js'),
  (pages, { path, user }: { path: string; user: User }) => <pages.IotPages path={path} user={user} />,
);
