import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import { sha256 } from './principal.js';

const KEY_PATTERN = /^tsk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** A new key: `tsk_<prefix>_<secret>`. The prefix finds the row; only the secret's hash is stored. */
export function generateApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  return { key: `tsk_${prefix}_${secret}`, prefix, secretHash: sha256(secret) };
}

export async function findActiveApiKey(db: Kysely<Database>, presented: string) {
  const match = KEY_PATTERN.exec(presented);
  if (!match) return undefined;
  const [, prefix, secret] = match;
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'scopes', 'agency_id', 'secret_hash', 'expires_at', 'revoked_at'])
    .where('prefix', '=', prefix!)
    .executeTakeFirst();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at.getTime() <= Date.now())) return undefined;
  // Both sides are fixed-length hex digests of a 256-bit secret, so a plain comparison leaks nothing useful.
  if (row.secret_hash !== sha256(secret!)) return undefined;
  return row;
}
