/**
 * A very small IndexedDB wrapper for the report draft and the outbox. IndexedDB keeps Blobs, so
 * photos survive a reload or a dropped connection with the rest of the form.
 */
import { idbOpener, idbRun } from '../lib/idb.js';

const DB_NAME = 'tinhso-feedback';
const VERSION = 1;
export type StoreName = 'drafts' | 'outbox';

const open = idbOpener({
  name: DB_NAME,
  version: VERSION,
  upgrade: (db) => {
    if (!db.objectStoreNames.contains('drafts')) db.createObjectStore('drafts');
    if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'id' });
  },
});

async function run<T>(store: StoreName, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return (await idbRun(open, store, mode, work)) as T;
}

export function idbGet<T>(store: StoreName, key: string): Promise<T | undefined> {
  return run<T | undefined>(store, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>);
}

export function idbAll<T>(store: StoreName): Promise<T[]> {
  return run<T[]>(store, 'readonly', (s) => s.getAll() as IDBRequest<T[]>);
}

/** `key` only for stores without a key path (the drafts). */
export async function idbPut(store: StoreName, value: unknown, key?: string): Promise<void> {
  await run(store, 'readwrite', (s) => (key === undefined ? s.put(value) : s.put(value, key)));
}

export async function idbDelete(store: StoreName, key: string): Promise<void> {
  await run(store, 'readwrite', (s) => s.delete(key));
}

/** An id for an outbox entry, also sent as the idempotency key (randomUUID needs a secure context). */
export function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
