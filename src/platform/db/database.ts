import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import type { Database } from './tables.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** The server's connection string (postgres engine only; the job queue opens its own pool). */
  url: string | undefined;
  /** The embedded instance, present only on the pglite engine (jobs and backups need it). */
  pglite: PGlite | undefined;
  /** Flushes dirty pages so a crash after this point loses nothing (embedded engine only). */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

export type Db = Kysely<Database>;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Embedded database directory; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** A data-dir tarball to start the embedded database from (test templates, restore). */
  loadFrom?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openServer(options.databaseUrl, options.poolSize ?? 10);
  return openEmbedded(options.dataDir ?? 'memory://', options.loadFrom);
}

async function openServer(databaseUrl: string, max: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  // An idle connection dropped by the server (restart, failover, a forced drop) must not crash
  // the process; the pool replaces it on the next checkout.
  pool.on('error', () => {});
  // Timestamps travel as ISO strings in JSON; keep bigint counters exact as strings.
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  return {
    db,
    engine: 'postgres',
    url: databaseUrl,
    pglite: undefined,
    checkpoint: async () => {},
    close: () => db.destroy(),
  };
}

async function openEmbedded(dataDir: string, loadFrom: Blob | undefined): Promise<DatabaseHandle> {
  let lock: DataDirLock | undefined;
  let pgDir = dataDir;
  if (dataDir !== 'memory://') {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
    pgDir = path.join(dataDir, 'pgdata');
    assertNotHalfInitialised(pgDir);
  }
  try {
    const pglite = new PGlite({
      dataDir: pgDir === 'memory://' ? undefined : pgDir,
      extensions: { pg_trgm },
      ...(loadFrom ? { loadDataDir: loadFrom } : {}),
    });
    await pglite.waitReady;
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    let closed = false;
    return {
      db,
      engine: 'pglite',
      url: undefined,
      pglite,
      checkpoint: async () => {
        await pglite.exec('CHECKPOINT');
      },
      close: async () => {
        if (closed) return;
        closed = true;
        await pglite.exec('CHECKPOINT').catch(() => {});
        await db.destroy();
        if (!pglite.closed) await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** A directory left by an interrupted first start can't be opened; say so instead of aborting in WASM. */
function assertNotHalfInitialised(pgDir: string): void {
  if (!fs.existsSync(pgDir) || fs.readdirSync(pgDir).length === 0) return;
  const complete = fs.existsSync(path.join(pgDir, 'PG_VERSION')) && fs.existsSync(path.join(pgDir, 'global', 'pg_control'));
  if (!complete) {
    throw new Error(
      `The embedded database at ${pgDir} was not fully initialised (an earlier first start was interrupted). ` +
        'Move it aside or restore a backup with "npm run cli -- restore FILE".',
    );
  }
}
