import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/database.js';

/**
 * A fresh database for one test file: on the server named by DATABASE_URL a new database of its
 * own (dropped on close), copied from the server template `template` when given; otherwise an
 * in-memory embedded one, started from the dumped `template` when given.
 */
export async function createTestDatabase(template?: Blob | string): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return createServerDatabase(serverUrl, typeof template === 'string' ? template : undefined);
  return openDatabase({ dataDir: 'memory://', ...(template instanceof Blob ? { loadFrom: template } : {}) });
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createServerDatabase(serverUrl: string, template?: string): Promise<DatabaseHandle> {
  const name = `tinhso_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, template ? `create database ${name} template ${template}` : `create database ${name}`);
  const handle = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name), poolSize: 5 });
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

const STALE_TEMPLATE_MS = 6 * 3600_000;

/**
 * On a server, the migrated and seeded database of this source tree, built once by `prepare` and
 * then copied by every test file with CREATE DATABASE … TEMPLATE (a file copy, not a re-migration).
 * Test processes start together: an advisory lock lets one build while the others wait. The build
 * happens under another name and is renamed when complete, so a crash never leaves a half-built
 * template. Templates of other source trees unused for six hours are dropped on the way.
 */
export async function serverTemplate(serverUrl: string, kind: string, prepare: (database: DatabaseHandle) => Promise<void>): Promise<string> {
  const name = `tinhso_test_template_${kind}_${sourceFingerprint()}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) {
      await dropStaleTemplates(client);
      const building = `${name}_building`;
      await client.query(`drop database if exists ${building} with (force)`);
      await client.query(`create database ${building}`);
      const handle = await openDatabase({ databaseUrl: databaseUrl(serverUrl, building), poolSize: 5 });
      try {
        await prepare(handle);
      } finally {
        await handle.close();
      }
      await client.query(`alter database ${building} rename to ${name}`);
    }
    // When it was last used: what tells a stale template from one a running suite still copies.
    await client.query(`comment on database ${name} is '${Date.now()}'`);
    return name;
  } finally {
    await client.end();
  }
}

async function dropStaleTemplates(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string; last_used: string | null }>(
    `select datname, shobj_description(oid, 'pg_database') as last_used from pg_database where datname like 'tinhso\\_test\\_template\\_%' and datname not like '%\\_building'`,
  );
  for (const { datname, last_used: lastUsed } of rows) {
    if (Date.now() - Number(lastUsed ?? 0) > STALE_TEMPLATE_MS) await client.query(`drop database if exists ${datname} with (force)`);
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
  dropStaleTemplateFiles(path.dirname(file));
}

/** Templates of other trees or days, untouched for six hours, are of no use to anyone. */
function dropStaleTemplateFiles(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith('tinhso-test-template-')) continue;
    const full = path.join(dir, name);
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > STALE_TEMPLATE_MS) fs.rmSync(full, { force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

let fingerprint: string | undefined;

/**
 * Changes whenever any non-test source or reference data changes, so a stale template is never
 * reused; and every day, because demo data is dated from the day it is generated.
 */
function sourceFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256').update(new Date().toISOString().slice(0, 10));
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
