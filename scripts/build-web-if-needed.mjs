// `npm start` builds the front end once, so a fresh clone needs only `npm install && npm start`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const out = 'web/dist/.vite/manifest.json';
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'dist' && e.name !== 'node_modules') t = Math.max(t, newest(full)); }
    else t = Math.max(t, statSync(full).mtimeMs);
  }
  return t;
}
const stale = !existsSync(out) || newest('web') > statSync(out).mtimeMs;
if (stale && existsSync('web/vite.config.ts')) {
  process.stdout.write('Building the web front end (first start or sources changed)…\n');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
