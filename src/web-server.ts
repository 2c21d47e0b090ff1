import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './platform/http/module.js';

/** Where `npm run build` (vite, web/vite.config.ts) writes the front end. */
export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

/**
 * The page paths of each HTML entry. Each audience has its own entry so a citizen's phone never
 * downloads the officer, IOC or admin code. `prefix: true` also serves every path below it.
 */
export const WEB_PAGES: Array<{ file: string; paths: string[]; prefix?: boolean }> = [
  { file: 'index.html', paths: ['/', '/dang-nhap', '/dang-ky', '/quen-mat-khau', '/dat-lai-mat-khau', '/ca-nhan'] },
  // Citizen field reports: the list, the form (/phan-anh/gui) and /phan-anh/<tracking code>.
  { file: 'index.html', paths: ['/phan-anh'], prefix: true },
  // Public services (dịch vụ công): catalog, online filing, tracking by code, my dossiers.
  { file: 'index.html', paths: ['/dich-vu-cong'], prefix: true },
  { file: 'can-bo.html', paths: ['/can-bo'], prefix: true },
  { file: 'ioc.html', paths: ['/ioc'], prefix: true },
  { file: 'quan-tri.html', paths: ['/quan-tri'], prefix: true },
];

const NOT_BUILT = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tỉnh Số</title></head><body>
<h1>Giao diện web chưa được build / The web front end is not built</h1>
<p>Chạy <code>npm run build</code> (hoặc <code>npm start</code>, lệnh này tự build) rồi khởi động lại.</p>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and restart. The API works without it: <a href="/api/docs">/api/docs</a>.</p>
</body></html>`;

/**
 * Serves the built front end: hashed files under /assets/ with a long cache, and the right HTML
 * entry for each page path (never cached, so a new build is picked up at once). Without a build,
 * the page paths answer 503 with a clear message and the API still works.
 */
export async function registerWeb(app: App, distDir: string = WEB_DIST): Promise<void> {
  const built = existsSync(path.join(distDir, '.vite', 'manifest.json'));
  if (built) {
    await app.register(fastifyStatic, {
      root: path.join(distDir, 'assets'),
      prefix: '/assets/',
      // Vite puts a content hash in every file name under assets/, so they never change.
      immutable: true,
      maxAge: '365d',
      index: false,
      wildcard: true,
    });
  } else {
    app.log.warn({ distDir }, 'web front end not built (run `npm run build`); page paths will answer 503');
  }

  for (const entry of WEB_PAGES) {
    const html = built ? readFileSync(path.join(distDir, entry.file), 'utf8') : NOT_BUILT;
    const urls = entry.prefix ? entry.paths.flatMap((p) => [p, `${p}/*`]) : entry.paths;
    for (const url of urls) {
      app.get(url, { config: { access: { public: true } }, schema: { hide: true } }, async (_request, reply) =>
        reply
          .status(built ? 200 : 503)
          .header('cache-control', 'no-cache')
          .type('text/html; charset=utf-8')
          .send(html),
      );
    }
  }
}
