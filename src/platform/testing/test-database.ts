import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/database.js';

/**
 * A fresh database for one test file: on the server named by DATABASE_URL a new database of its
 * own (dropped on close); otherwise an in-memory embedded one, started from `template` when given.
 */
export async function createTestDatabase(template?: Blob): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return createServerDatabase(serverUrl);
  return openDatabase({ dataDir: 'memory://', ...(template ? { loadFrom: template } : {}) });
}

async function createServerDatabase(serverUrl: string): Promise<DatabaseHandle> {
  const name = `tinhso_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Where a prepared embedded template is cached between test files and runs. */
export function templateFile(kind: string): string {
  return path.join(os.tmpdir(), `tinhso-test-template-${kind}-${sourceFingerprint()}.tar`);
}

export function readTemplate(file: string): Blob | undefined {
  return fs.existsSync(file) ? new Blob([fs.readFileSync(file)]) : undefined;
}

export async function writeTemplate(file: string, handle: DatabaseHandle): Promise<void> {
  const dump = await handle.pglite!.dumpDataDir('none');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
}

let fingerprint: string | undefined;

/** Changes whenever any non-test source or reference data changes, so a stale template is never reused. */
function sourceFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const root = path.resolve(import.meta.dirname, '../../..');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('.test.ts')) hash.update(full).update(fs.statSync(full).size.toString()).update(entry.name.endsWith('.ts') ? fs.readFileSync(full) : fs.statSync(full).mtimeMs.toString());
    }
  };
  walk(path.join(root, 'src'));
  walk(path.join(root, 'reference-data'));
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}
