import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../platform/db/database.js';
import { authenticateDevice } from './auth.js';

/** `npm run cli -- device:create`, run as outside tools do, on a fresh embedded database. */
let dataDir: string;
function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8', env });
}

before(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-iot-cli-'));
});
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('device:create prints the device token alone on its last line, and that token authenticates the device', async () => {
  const res = cli('device:create', '--code', 'QT-CLI-001', '--type', 'rain_gauge', '--lat', '17.4571', '--lng', '106.637', '--name', 'Đo mưa thử');
  assert.equal(res.status, 0, res.stderr);
  const lines = res.stdout.trim().split('\n');
  assert.ok(lines.length >= 2, 'an explanation comes first');
  const token = lines[lines.length - 1]!;
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);

  const handle = await openDatabase({ dataDir });
  try {
    const device = await authenticateDevice(handle.db, 'QT-CLI-001', token);
    assert.equal(device?.typeCode, 'rain_gauge');
    const audit = await handle.db.selectFrom('audit_log').select(['actor_label']).where('action', '=', 'iot.device.create').executeTakeFirst();
    assert.equal(audit?.actor_label, 'system:cli');
  } finally {
    await handle.close();
  }

  const again = cli('device:create', '--code', 'QT-CLI-001', '--type', 'rain_gauge', '--lat', '17.4571', '--lng', '106.637');
  assert.equal(again.status, 2);
  assert.match(again.stderr, /already in use/);
});

test('device:create explains missing options, an unknown type and a point outside Vietnam', () => {
  const missing = cli('device:create', '--code', 'QT-CLI-002');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /needs --code, --type, --lat and --lng/);
  const outside = cli('device:create', '--code', 'QT-CLI-002', '--type', 'rain_gauge', '--lat', '48.85', '--lng', '2.35');
  assert.equal(outside.status, 2);
  assert.match(outside.stderr, /point in Vietnam/);
  const unknown = cli('device:create', '--code', 'QT-CLI-002', '--type', 'teleporter', '--lat', '17.4', '--lng', '106.6');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /No such device type/);
});

test('while the server holds the embedded database, device:create says so in Vietnamese and English and points to the web UI and API', () => {
  // A live process (this test runner) holds the data-dir lock, as a running server would.
  const lock = path.join(dataDir, 'tinhso.lock');
  fs.writeFileSync(lock, String(process.pid));
  try {
    const res = cli('device:create', '--code', 'QT-CLI-003', '--type', 'rain_gauge', '--lat', '17.4', '--lng', '106.6');
    assert.equal(res.status, 2);
    assert.match(res.stderr, /đang được máy chủ Tỉnh Số sử dụng/);
    assert.match(res.stderr, /in use by the running Tỉnh Số server/);
    assert.match(res.stderr, /POST \/api\/v1\/iot\/devices/);
    assert.match(res.stderr, /web UI/);
  } finally {
    fs.rmSync(lock, { force: true });
  }
});
