import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../db/tables.js';
import { chainHash, GENESIS_HASH, type ChainedFields } from './hash.js';

export interface AuditEntry {
  actor: { userId: string | null; apiKeyId?: string | null; label: string; agencyId?: string | null };
  action: string;
  targetType: string;
  targetId?: string | null;
  subjectUserId?: string | null;
  purpose?: string | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

export interface BrokenLink {
  seq: string;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch';
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: BrokenLink | null;
}

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The audit trail (truy vết dữ liệu): append-only rows, each hashing the one before, so a row
 * altered, inserted or deleted after the fact breaks the chain at that point.
 */
export class AuditTrail {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Appends inside the caller's transaction, so the audit row exists exactly when the write does.
   * Locks the chain head: appends are serialised, which keeps `seq` gap-free.
   */
  async record(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
    const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
    const fields: ChainedFields = {
      seq: String(BigInt(head.seq) + 1n),
      at: new Date().toISOString(),
      actorUserId: entry.actor.userId,
      actorApiKeyId: entry.actor.apiKeyId ?? null,
      actorLabel: entry.actor.label,
      actorAgencyId: entry.actor.agencyId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      subjectUserId: entry.subjectUserId ?? null,
      purpose: entry.purpose ?? null,
      ip: entry.ip ?? null,
      requestId: entry.requestId ?? null,
      details: entry.details ?? {},
    };
    const hash = chainHash(head.hash, fields);
    await trx
      .insertInto('audit_log')
      .values({
        seq: fields.seq,
        at: fields.at,
        actor_user_id: fields.actorUserId,
        actor_api_key_id: fields.actorApiKeyId,
        actor_label: fields.actorLabel,
        actor_agency_id: fields.actorAgencyId,
        action: fields.action,
        target_type: fields.targetType,
        target_id: fields.targetId,
        subject_user_id: fields.subjectUserId,
        purpose: fields.purpose,
        ip: fields.ip,
        request_id: fields.requestId,
        details: JSON.stringify(fields.details),
        prev_hash: head.hash,
        hash,
      })
      .execute();
    await trx.updateTable('audit_head').set({ seq: fields.seq, hash }).where('id', '=', 1).execute();
  }

  /** Appends in a transaction of its own (for reads, which have no write transaction to join). */
  async recordAlone(entry: AuditEntry): Promise<void> {
    await this.db.transaction().execute((trx) => this.record(trx, entry));
  }

  /** Walks the whole chain in batches and reports the first link that does not hold. */
  async verify(batchSize = 2000): Promise<VerifyResult> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let checked = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>=', String(expectedSeq))
        .orderBy('seq')
        .limit(batchSize)
        .execute();
      for (const row of rows) {
        const broken = checkRow(row, expectedSeq, prevHash);
        if (broken) return { ok: false, checked, firstBroken: broken };
        prevHash = row.hash;
        expectedSeq += 1n;
        checked += 1;
      }
      if (rows.length < batchSize) break;
    }
    const head = await this.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    if (!head || BigInt(head.seq) !== expectedSeq - 1n || head.hash !== prevHash) {
      return {
        ok: false,
        checked,
        firstBroken: {
          seq: String(expectedSeq),
          reason: 'head_mismatch',
          message: `The chain ends at record ${expectedSeq - 1n} but its head says ${head?.seq ?? 'nothing'}: records at the end were removed.`,
        },
      };
    }
    return { ok: true, checked, firstBroken: null };
  }
}

type AuditRow = Selectable<Database['audit_log']>;

function checkRow(row: AuditRow, expectedSeq: bigint, prevHash: string): BrokenLink | null {
  const seq = String(row.seq);
  if (BigInt(seq) !== expectedSeq) {
    return { seq: String(expectedSeq), reason: 'sequence_gap', message: `Record ${expectedSeq} is missing (next found is ${seq}): a record was deleted.` };
  }
  if (row.prev_hash !== prevHash) {
    return { seq, reason: 'prev_hash_mismatch', message: `Record ${seq} does not follow the record before it: a record was inserted or deleted.` };
  }
  const fields: ChainedFields = {
    seq,
    at: new Date(row.at).toISOString(),
    actorUserId: row.actor_user_id,
    actorApiKeyId: row.actor_api_key_id,
    actorLabel: row.actor_label,
    actorAgencyId: row.actor_agency_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    subjectUserId: row.subject_user_id,
    purpose: row.purpose,
    ip: row.ip,
    requestId: row.request_id,
    details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
  };
  if (chainHash(prevHash, fields) !== row.hash) {
    return { seq, reason: 'hash_mismatch', message: `Record ${seq} was altered after it was written.` };
  }
  return null;
}

export type { Executor };
