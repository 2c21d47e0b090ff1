import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';

/**
 * A fresh, migrated database for one test file: on the server named by DATABASE_URL a new database
 * of its own (dropped on close), otherwise an in-memory embedded one started from a cached,
 * already-migrated template so each file doesn't pay for initdb and migrations again.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? createServerDatabase(serverUrl) : createEmbeddedDatabase();
}

async function createServerDatabase(serverUrl: string): Promise<DatabaseHandle> {
  const name = `tinhso_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

async function createEmbeddedDatabase(): Promise<DatabaseHandle> {
  const templateFile = path.join(os.tmpdir(), `tinhso-test-template-${migrationsFingerprint()}.tar`);
  if (fs.existsSync(templateFile)) {
    const blob = new Blob([fs.readFileSync(templateFile)]);
    const handle = await openDatabase({ dataDir: 'memory://', loadFrom: blob });
    await migrateToLatest(handle.db);
    return handle;
  }
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  const dump = await handle.pglite!.dumpDataDir('none');
  const tmp = `${templateFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, templateFile);
  return handle;
}

/** Changes whenever any migration source changes, so a stale template is never reused. */
function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  const root = path.resolve(import.meta.dirname, '../..');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/migrations?(\.ts|\/)/.test(full) || full.includes(`${path.sep}migrations${path.sep}`)) files.push(full);
    }
  };
  walk(root);
  for (const file of files.sort()) hash.update(file).update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
