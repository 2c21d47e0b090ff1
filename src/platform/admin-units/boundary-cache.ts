/**
 * The communes' outlines as ready-made response bodies: serialised once, compressed once (gzip
 * and brotli, on the thread pool), with an ETag, and kept in memory until the outlines change.
 * A province's full outlines are about 4 MB of JSON; sending them again on every map view,
 * uncompressed, is what made the map too heavy for phones.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { childBoundaries } from './queries.js';
import { simplifyGeometries } from './simplify.js';

export type Detail = 'full' | 'light';
export type Encoding = 'br' | 'gzip' | 'identity';

export interface PreparedBody {
  /** Strong validator: a hash of the JSON. */
  etag: string;
  json: Buffer;
  /** Compressed forms, made on first demand. */
  encoded(encoding: Exclude<Encoding, 'identity'>): Promise<Buffer>;
}

interface Entry {
  stamp: string;
  body: Promise<PreparedBody>;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/** Per database (tests run several in one process), per unit and detail. */
const cache = new WeakMap<Db, Map<string, Entry>>();

/**
 * The children's outlines of `code` as a prepared body. The stamp (count and latest change of the
 * children's rows) is one indexed query; an import or a rename changes it and the body is rebuilt.
 */
export async function preparedChildBoundaries(db: Db, code: string, detail: Detail): Promise<PreparedBody> {
  const stamp = await childrenStamp(db, code);
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const key = `${code}:${detail}`;
  const known = perDb.get(key);
  if (known?.stamp === stamp) return known.body;
  const body = build(db, code, detail);
  perDb.set(key, { stamp, body });
  // A failed build must not stay cached.
  body.catch(() => perDb.get(key)?.body === body && perDb.delete(key));
  return body;
}

async function childrenStamp(db: Db, code: string): Promise<string> {
  const row = await db
    .selectFrom('admin_units')
    .select([sql<string>`count(*)::text`.as('n'), sql<string>`coalesce(max(updated_at)::text, '')`.as('changed')])
    .where('parent_code', '=', code)
    .where('boundary', 'is not', null)
    .executeTakeFirstOrThrow();
  return `${row.n}@${row.changed}`;
}

async function build(db: Db, code: string, detail: Detail): Promise<PreparedBody> {
  const collection = await childBoundaries(db, code);
  if (detail === 'light') {
    const light = simplifyGeometries(collection.features.map((f) => f.geometry));
    collection.features.forEach((f, i) => (f.geometry = light[i]!));
  }
  return prepare(Buffer.from(JSON.stringify(collection)));
}

export function prepare(json: Buffer): PreparedBody {
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  const made = new Map<string, Promise<Buffer>>();
  return {
    etag,
    json,
    encoded(encoding) {
      let out = made.get(encoding);
      if (!out) {
        out =
          encoding === 'br'
            ? brotliAsync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } })
            : gzipAsync(json, { level: 9 });
        made.set(encoding, out);
      }
      return out;
    },
  };
}

/**
 * The encoding to answer with, from `Accept-Encoding`: brotli, then gzip, else none. A coding with
 * `q=0` is refused, and `*` stands for any coding not named.
 */
export function chooseEncoding(header: string | string[] | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/** Whether `If-None-Match` names this ETag (weak or strong, or `*`). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
