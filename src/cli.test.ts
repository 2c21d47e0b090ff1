import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The CLI contract outside tools rely on, run as a user would (`npm run cli -- …`), on a fresh embedded database. */
let dataDir: string;
function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8', env });
}

before(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-cli-'));
});

test('user:create creates an account that can then be used', () => {
  const res = cli('user:create', '--email', 'QuanTri@Tinh.vn', '--password', 'mot-mat-khau-dai', '--role', 'system_admin');
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /Created system_admin quantri@tinh\.vn/);
  const again = cli('user:create', '--email', 'quantri@tinh.vn', '--password', 'mot-mat-khau-dai', '--role', 'system_admin');
  assert.notEqual(again.status, 0, 'a duplicate email is refused');
});

test('user:create refuses an unknown role', () => {
  const res = cli('user:create', '--email', 'x@tinh.vn', '--password', 'mot-mat-khau-dai', '--role', 'emperor');
  assert.equal(res.status, 2);
  assert.match(res.stderr, /Unknown role/);
});

test('apikey:create prints the new key alone on its last line', () => {
  const res = cli('apikey:create', '--name', 'Cổng Open311', '--scopes', 'open311,ioc:read');
  assert.equal(res.status, 0, res.stderr);
  const lines = res.stdout.trim().split('\n');
  assert.match(lines[lines.length - 1]!, /^tsk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
});

test('audit:verify exits 0 on an intact chain', () => {
  const res = cli('audit:verify');
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /intact/);
});

test('audit:verify exits 1 naming the first broken record after tampering', async () => {
  const { openDatabase } = await import('./platform/db/database.js');
  const { sql } = await import('kysely');
  const handle = await openDatabase({ dataDir });
  await handle.db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
    await sql`update audit_log set actor_label = 'forged' where seq = 1`.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
  });
  await handle.close();
  const res = cli('audit:verify');
  assert.equal(res.status, 1);
  assert.match(res.stdout, /BROKEN at record 1/);
});

test('an unknown command prints the usage and exits 2', () => {
  const res = cli('frobnicate');
  assert.equal(res.status, 2);
  assert.match(res.stderr, /Usage/);
});

test('admin-units:import loads the official units once and is a no-op after', () => {
  const first = cli('admin-units:import');
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /imported/);
  const second = cli('admin-units:import');
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /already up to date/);
});

test('services:recompute-deadlines lists as a dry run by default and applies with --apply', () => {
  const dry = cli('services:recompute-deadlines');
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /Calendar version \d+: 0 due dates would move \(dry run; --apply writes\)/);
  const applied = cli('services:recompute-deadlines', '--apply');
  assert.equal(applied.status, 0, applied.stderr);
  assert.match(applied.stdout, /Calendar version \d+: 0 due dates moved, 0 unchanged, 0 skipped, 0 failed\./);
});
