import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

test('NODE_ENV=production with default secrets refuses to start and says why', () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-prod-')), PORT: '0' };
  delete env.DATABASE_URL;
  delete env.SESSION_SECRET;
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { encoding: 'utf8', env, timeout: 60_000 });
  assert.equal(res.status, 1);
  assert.match(res.stderr, /Refusing to start in production/);
  assert.match(res.stderr, /SESSION_SECRET/);
});
