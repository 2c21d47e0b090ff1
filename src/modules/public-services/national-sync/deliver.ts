import { sql } from 'kysely';
import type { AppContext } from '../../../platform/http/module.js';
import type { NationalPortalClient } from './client.js';
import { maxAttempts } from './settings.js';
import { syncDb, type SyncDb } from './tables.js';

export interface DeliveryOptions {
  /** The instant the pass treats as now (tests move it; the job uses the clock). */
  now?: Date;
  batchSize?: number;
  /** Rounds of batches in one pass: a dossier with several waiting updates sends one per round, in order. */
  maxRounds?: number;
}

export interface DeliveryResult {
  delivered: number;
  failed: number;
  /** Updates marked dead in this pass (attempts reached NATIONAL_SYNC_MAX_ATTEMPTS). */
  dead: number;
}

const FIRST_RETRY_MS = 60_000;
const LAST_RETRY_MS = 3_600_000;

/** Exponential backoff after the n-th failed attempt: 1, 2, 4 … minutes, capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LAST_RETRY_MS);
}

/**
 * One delivery pass: sends each dossier's oldest waiting update that is due, in (dossier, sequence)
 * order — a later update never leaves before an earlier one that is still waiting or dead. A failure
 * moves only that update's next attempt; other dossiers go on.
 */
export async function deliverDue(ctx: AppContext, client: NationalPortalClient, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const now = options.now ?? new Date();
  const db = syncDb(ctx.db);
  const limit = maxAttempts(ctx.config);
  const result: DeliveryResult = { delivered: 0, failed: 0, dead: 0 };
  for (let round = 0; round < (options.maxRounds ?? 20); round++) {
    const heads = await dueHeads(db, now, options.batchSize ?? 100);
    for (const row of heads) {
      try {
        await client.pushUpdate(row.payload);
        await db.updateTable('dossier_sync_outbox').set({ delivered_at: now, last_error: null, attempts: row.attempts + 1 }).where('id', '=', row.id).where('delivered_at', 'is', null).execute();
        result.delivered++;
      } catch (error) {
        const attempts = row.attempts + 1;
        const dead = attempts >= limit;
        await db
          .updateTable('dossier_sync_outbox')
          .set({ attempts, last_error: String((error as Error).message ?? error).slice(0, 500), next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)), dead_at: dead ? now : null })
          .where('id', '=', row.id)
          .execute();
        result.failed++;
        if (dead) result.dead++;
        ctx.log.warn({ err: error, code: row.code, sequence: row.sequence, attempts, dead }, 'national portal did not take a dossier update');
      }
    }
    if (heads.length === 0) break;
  }
  return result;
}

/** Per dossier, the lowest-sequence row not yet delivered, when it is alive and due. */
async function dueHeads(db: SyncDb, now: Date, limit: number) {
  return db
    .selectFrom('dossier_sync_outbox as o')
    .select(['o.id', 'o.code', 'o.sequence', 'o.attempts', 'o.payload'])
    .where('o.delivered_at', 'is', null)
    .where('o.dead_at', 'is', null)
    .where('o.next_attempt_at', '<=', now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('dossier_sync_outbox as e')
            .select(sql`1`.as('one'))
            .whereRef('e.dossier_id', '=', 'o.dossier_id')
            .whereRef('e.sequence', '<', 'o.sequence')
            .where('e.delivered_at', 'is', null),
        ),
      ),
    )
    .orderBy('o.next_attempt_at')
    .orderBy('o.dossier_id')
    .limit(limit)
    .execute();
}
