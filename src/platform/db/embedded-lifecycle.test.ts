import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrator.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { backupEmbedded, restoreEmbedded } from './backup.js';

/** The embedded engine on disk: what a user gets from `npm start` with no configuration. */
function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-db-'));
}

async function writeSomething(dataDir: string): Promise<void> {
  const handle = await openDatabase({ dataDir });
  await migrateToLatest(handle.db);
  const audit = new AuditTrail(handle.db);
  for (let i = 0; i < 3; i++) await audit.recordAlone({ actor: { userId: null, label: 'test' }, action: 'test.persist', targetType: 'thing', targetId: String(i) });
  await handle.close();
}

test('data written before a clean close is there after reopening', async () => {
  const dir = tempDir();
  await writeSomething(dir);
  const again = await openDatabase({ dataDir: dir });
  const rows = await again.db.selectFrom('audit_log').select('target_id').where('action', '=', 'test.persist').execute();
  assert.equal(rows.length, 3);
  await again.close();
});

test('a second open of the same directory in another process is refused while the first holds it', async () => {
  const dir = tempDir();
  const first = await openDatabase({ dataDir: dir });
  try {
    const { spawnSync } = await import('node:child_process');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', `import('./src/platform/db/database.ts').then(m => m.openDatabase({ dataDir: ${JSON.stringify(dir)} })).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); })`], { encoding: 'utf8' });
    assert.equal(child.status, 3);
    assert.match(child.stderr, /Another Tỉnh Số process/);
  } finally {
    await first.close();
  }
});

test('a backup restored into an empty directory gives the same data and an intact audit chain', async () => {
  const dir = tempDir();
  await writeSomething(dir);
  const file = path.join(tempDir(), 'backup.tar.gz');
  assert.ok((await backupEmbedded(dir, file)) > 0);
  const target = tempDir();
  await restoreEmbedded(target, file);
  const restored = await openDatabase({ dataDir: target });
  const rows = await restored.db.selectFrom('audit_log').select('target_id').where('action', '=', 'test.persist').orderBy('seq').execute();
  assert.deepEqual(rows.map((r) => r.target_id), ['0', '1', '2']);
  assert.equal((await new AuditTrail(restored.db).verify()).ok, true);
  await restored.close();
});

test('restore refuses a directory that already holds a database', async () => {
  const dir = tempDir();
  await writeSomething(dir);
  const file = path.join(tempDir(), 'b.tar.gz');
  await backupEmbedded(dir, file);
  await assert.rejects(restoreEmbedded(dir, file), /already holds a database/);
});

test('a half-initialised directory is reported instead of crashing the engine', async () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'pgdata'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'pgdata', 'postgresql.conf'), '');
  await assert.rejects(openDatabase({ dataDir: dir }), /not fully initialised/);
});
