import path from 'node:path';
import type { Config } from '../config/config.js';
import { LocalDiskStorage } from './local-storage.js';
import { S3Storage } from './s3-storage.js';

/** Where file bytes live. Keys are chosen by the files area (`ab/<uuid>`), never by clients. */
export interface BlobStorage {
  readonly kind: 'disk' | 's3' | 'memory';
  put(key: string, data: Buffer, mime: string): Promise<void>;
  /** The bytes, or undefined when nothing is stored under the key. */
  get(key: string): Promise<Buffer | undefined>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/** Keeps bytes in process memory: for tests and throwaway runs whose database is in memory too. */
export class MemoryStorage implements BlobStorage {
  readonly kind = 'memory';
  private readonly objects = new Map<string, Buffer>();
  async put(key: string, data: Buffer, _mime?: string): Promise<void> {
    this.objects.set(key, Buffer.from(data));
  }
  async get(key: string): Promise<Buffer | undefined> {
    return this.objects.get(key);
  }
  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }
}

/** `DATA_DIR=memory://` (tests) reaches the config resolved to a path ending in `memory:`. */
export function isMemoryDataDir(dataDir: string): boolean {
  return dataDir === 'memory://' || path.basename(dataDir) === 'memory:';
}

const byConfig = new WeakMap<Config, BlobStorage>();

/** The storage for this configuration: S3 when S3_BUCKET is set, else DATA_DIR/files on disk. */
export function storageFor(config: Config): BlobStorage {
  let storage = byConfig.get(config);
  if (!storage) {
    if (config.s3) storage = new S3Storage(config.s3);
    else if (isMemoryDataDir(config.dataDir)) storage = new MemoryStorage();
    else storage = new LocalDiskStorage(path.join(config.dataDir, 'files'));
    byConfig.set(config, storage);
  }
  return storage;
}
