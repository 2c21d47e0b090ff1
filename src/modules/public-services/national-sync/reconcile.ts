import type { AppContext } from '../../../platform/http/module.js';
import type { NationalPortalClient } from './client.js';
import { reconcileDays } from './settings.js';
import { syncDb, type SyncDb } from './tables.js';

export interface ReconcileResult {
  dossiersChecked: number;
  /** Updates we had marked delivered that the portal does not hold (dropped), queued again. */
  requeued: number;
  error: string | null;
}

const CODES_PER_CALL = 200;

/**
 * The reconciliation (đối soát) pass: asks the portal, for every dossier whose status changed in the
 * last NATIONAL_SYNC_RECONCILE_DAYS days, the last sequence it holds without a gap, and queues again
 * every delivered update above it (the portal dedupes by (code, sequence), so re-sending is safe).
 * Waiting and dead updates are left as they are. The result is logged for the admin status.
 */
export async function reconcile(ctx: AppContext, client: NationalPortalClient, options: { now?: Date } = {}): Promise<ReconcileResult> {
  const now = options.now ?? new Date();
  const db = syncDb(ctx.db);
  const since = new Date(now.getTime() - reconcileDays(ctx.config) * 86_400_000);
  const codes = (await db.selectFrom('dossier_sync_outbox').select('code').distinct().where('at', '>=', since).orderBy('code').execute()).map((r) => r.code);
  const result: ReconcileResult = { dossiersChecked: 0, requeued: 0, error: null };
  try {
    for (let i = 0; i < codes.length; i += CODES_PER_CALL) {
      const chunk = codes.slice(i, i + CODES_PER_CALL);
      const held = await client.lastSequences(chunk);
      for (const code of chunk) result.requeued += await requeueAbove(db, code, held[code] ?? 0, now);
      result.dossiersChecked += chunk.length;
    }
  } catch (error) {
    result.error = String((error as Error).message ?? error).slice(0, 500);
    ctx.log.warn({ err: error }, 'national sync reconciliation stopped');
  }
  await db.insertInto('national_sync_reconciliations').values({ at: now, dossiers_checked: result.dossiersChecked, requeued: result.requeued, error: result.error }).execute();
  return result;
}

async function requeueAbove(db: SyncDb, code: string, held: number, now: Date): Promise<number> {
  const rows = await db
    .updateTable('dossier_sync_outbox')
    .set({ delivered_at: null, attempts: 0, next_attempt_at: now, last_error: `reconciliation: the portal holds up to sequence ${held}` })
    .where('code', '=', code)
    .where('sequence', '>', held)
    .where('delivered_at', 'is not', null)
    .returning('id')
    .execute();
  return rows.length;
}
