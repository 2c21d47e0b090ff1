import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-lock-'));
}

test('a data directory held by another live process is refused with a clear message', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'tinhso.lock'), String(process.ppid));
  assert.throws(() => acquireDataDirLock(dir), (error: unknown) => error instanceof DataDirLockedError && /pid \d+/.test(error.message) && error.message.includes('DATA_DIR'));
});

test('a lock left by a dead process is taken over', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'tinhso.lock'), '999999');
  const lock = acquireDataDirLock(dir);
  assert.equal(fs.readFileSync(lock.file, 'utf8'), String(process.pid));
  lock.release();
  assert.equal(fs.existsSync(lock.file), false, 'released locks are removed');
});
