import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: string;
  at: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  actorLabel: string;
  actorAgencyId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  subjectUserId: string | null;
  purpose: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** Serialises with sorted keys so the same record hashes the same on both engines (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 over the previous link and every field of the record. */
export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}
