import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from './database.js';
import { acquireDataDirLock } from './data-dir-lock.js';

/**
 * Copies the embedded database to a gzipped tarball. It takes the directory lock, so it refuses
 * to run while the server has the directory open (stop it first, or back up with the server's
 * pg_dump when running on PostgreSQL).
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<number> {
  if (!fs.existsSync(path.join(dataDir, 'pgdata'))) throw new Error(`No embedded database in ${dataDir}`);
  const handle = await openDatabase({ dataDir });
  try {
    await handle.checkpoint();
    const dump = await handle.pglite!.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
    return bytes.length;
  } finally {
    await handle.close();
  }
}

/** Restores a backup into a data directory that holds no database yet. */
export async function restoreEmbedded(dataDir: string, file: string): Promise<void> {
  const pgDir = path.join(dataDir, 'pgdata');
  if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length > 0) {
    throw new Error(`${dataDir} already holds a database; restore into an empty DATA_DIR.`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  acquireDataDirLock(dataDir).release();
  const blob = new Blob([fs.readFileSync(file)]);
  const handle = await openDatabase({ dataDir, loadFrom: blob });
  await handle.close();
}
