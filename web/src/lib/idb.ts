/**
 * The IndexedDB plumbing shared by the stores that keep Blobs on this device (the feedback draft and outbox,
 * the filing form's pending uploads): one connection per database, one transaction per call.
 * Each caller keeps its own database name, version and upgrade: changing them would lose what browsers hold.
 */
export interface IdbSchema {
  name: string;
  version: number;
  /** Creates the object stores a fresh (or older) database lacks. */
  upgrade: (db: IDBDatabase) => void;
}

/** Opens the database on first use and hands the same connection back, until another tab upgrades it. */
export function idbOpener(schema: IdbSchema): () => Promise<IDBDatabase> {
  let opening: Promise<IDBDatabase> | null = null;
  return () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') {
        reject(new Error('IndexedDB is not available'));
        return;
      }
      const request = indexedDB.open(schema.name, schema.version);
      request.onupgradeneeded = () => schema.upgrade(request.result);
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrading the schema: let it, and open again next time.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };
}

/** Runs `work` in one transaction on `store`, and gives its request's result once the transaction has committed. */
export async function idbRun<T>(open: () => Promise<IDBDatabase>, store: string, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  return new Promise<T | undefined>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(request ? request.result : undefined);
    tx.onerror = () => reject(tx.error ?? request?.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
