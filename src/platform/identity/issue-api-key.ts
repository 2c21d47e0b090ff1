import type { Transaction } from 'kysely';
import type { Database } from '../db/tables.js';
import type { AuditEntry, AuditTrail } from '../audit/audit-trail.js';
import { generateApiKey } from './api-keys.js';

export interface ApiKeyRequest {
  name: string;
  scopes: string[];
  expiresAt: Date | null;
  agencyId: string | null;
  createdBy: string | null;
}

/** Stores only the hash; the returned key is the one and only time it is seen. */
export async function issueApiKey(trx: Transaction<Database>, audit: AuditTrail, input: ApiKeyRequest, actor: AuditEntry['actor']) {
  const { key, prefix, secretHash } = generateApiKey();
  const row = await trx
    .insertInto('api_keys')
    .values({
      name: input.name,
      prefix,
      secret_hash: secretHash,
      scopes: input.scopes,
      agency_id: input.agencyId,
      created_by: input.createdBy,
      expires_at: input.expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit.record(trx, { actor, action: 'api_key.create', targetType: 'api_key', targetId: row.id, details: { name: input.name, scopes: input.scopes } });
  return { id: row.id, key, prefix };
}
