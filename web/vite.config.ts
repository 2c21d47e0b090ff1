import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/**
 * One HTML entry per audience, so a citizen's phone never downloads the officer, IOC or admin code.
 * The server (src/web-server.ts) maps page paths to these files and serves /assets/ from web/dist.
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    // The CSP allows no inline script: no polyfill snippet in the HTML.
    modulePreload: { polyfill: false },
    target: 'es2020',
    cssCodeSplit: true,
    reportCompressedSize: false,
    // ECharts' core alone is ~550 kB; it is its own chunk, fetched only by the IoT device page's chart.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: {
        citizen: page('index.html'),
        officer: page('can-bo.html'),
        ioc: page('ioc.html'),
        admin: page('quan-tri.html'),
      },
    },
  },
});
