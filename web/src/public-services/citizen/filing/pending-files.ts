/**
 * Files whose upload to the server draft failed for want of a network, kept in IndexedDB with their
 * bytes (it stores Blobs, as the feedback form's photos do: `../../../feedback/store.ts`), so a
 * reload or a closed tab on a weak connection loses nothing. One file per draft and component; the
 * entry goes once the file is on the server, or when the draft is submitted or discarded.
 *
 * A database of its own: the feedback store's database and its object stores are fixed there, and
 * changing its version would make every open feedback tab upgrade.
 */
import { idbOpener, idbRun } from '../../../lib/idb.js';

const DB_NAME = 'tinhso-ps-uploads';
const VERSION = 1;
const STORE = 'pending';

export interface PendingFile {
  /** `<draftKey>|<componentCode>` */
  key: string;
  draftKey: string;
  componentCode: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  keptAt: string;
}

/** The server draft's id once it exists; before that, this device's draft of the procedure. */
export function draftKeysOf(userId: string, procedureCode: string, dossierId: string | null): string[] {
  const local = `local.${userId}.${procedureCode}`;
  return dossierId ? [dossierId, local] : [local];
}

const open = idbOpener({
  name: DB_NAME,
  version: VERSION,
  upgrade: (db) => {
    if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'key' });
  },
});

function run<T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return idbRun(open, STORE, mode, work);
}

/** Keeps the file for this component (replacing one kept before). False when the browser refuses (private mode, quota). */
export async function keepPending(draftKey: string, componentCode: string, file: File): Promise<boolean> {
  const entry: PendingFile = { key: `${draftKey}|${componentCode}`, draftKey, componentCode, name: file.name, type: file.type, size: file.size, blob: file, keptAt: new Date().toISOString() };
  try {
    await run('readwrite', (s) => s.put(entry));
    return true;
  } catch {
    return false;
  }
}

/** The files kept for these drafts, one per component (the newest wins). */
export async function pendingFor(draftKeys: string[]): Promise<PendingFile[]> {
  try {
    const all = (await run<PendingFile[]>('readonly', (s) => s.getAll() as IDBRequest<PendingFile[]>)) ?? [];
    const byCode = new Map<string, PendingFile>();
    for (const p of all.filter((e) => draftKeys.includes(e.draftKey)).sort((a, b) => a.keptAt.localeCompare(b.keptAt))) byCode.set(p.componentCode, p);
    return [...byCode.values()];
  } catch {
    return [];
  }
}

/** Forgets the kept files of these drafts: one component's, or all of them. */
export async function dropPending(draftKeys: string[], componentCode?: string): Promise<void> {
  const kept = await pendingFor(draftKeys).catch(() => []);
  const keys = componentCode === undefined ? draftKeys.flatMap((d) => kept.map((p) => `${d}|${p.componentCode}`)) : draftKeys.map((d) => `${d}|${componentCode}`);
  if (keys.length === 0) return;
  try {
    await run('readwrite', (s) => {
      for (const key of keys) s.delete(key);
    });
  } catch {
    /* nothing could be stored either */
  }
}

/** Back to a File for the upload (IndexedDB may hand a plain Blob back). */
export function toFile(p: PendingFile): File {
  return p.blob instanceof File ? p.blob : new File([p.blob], p.name, { type: p.type });
}
