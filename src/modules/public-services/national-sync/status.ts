import type { AppContext } from '../../../platform/http/module.js';
import { syncEnabled } from './settings.js';
import { syncDb } from './tables.js';

export interface SyncStatus {
  enabled: boolean;
  pending: number;
  delivered: number;
  dead: number;
  /** Seconds since the oldest waiting update's status change; null when nothing waits. */
  oldestPendingSeconds: number | null;
  lastReconciliation: { at: string; dossiersChecked: number; requeued: number; error: string | null } | null;
}

/** What an administrator watches: the outbox by state and the latest reconciliation. */
export async function syncStatus(ctx: AppContext, now = new Date()): Promise<SyncStatus> {
  const db = syncDb(ctx.db);
  const counts = await db
    .selectFrom('dossier_sync_outbox')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('delivered_at', 'is', null).filterWhere('dead_at', 'is', null).as('pending'),
      eb.fn.countAll<string>().filterWhere('delivered_at', 'is not', null).as('delivered'),
      eb.fn.countAll<string>().filterWhere('dead_at', 'is not', null).filterWhere('delivered_at', 'is', null).as('dead'),
    ])
    .executeTakeFirstOrThrow();
  const oldest = await db.selectFrom('dossier_sync_outbox').select('at').where('delivered_at', 'is', null).where('dead_at', 'is', null).orderBy('at').limit(1).executeTakeFirst();
  const last = await db.selectFrom('national_sync_reconciliations').selectAll().orderBy('at', 'desc').limit(1).executeTakeFirst();
  return {
    enabled: syncEnabled(ctx.config),
    pending: Number(counts.pending),
    delivered: Number(counts.delivered),
    dead: Number(counts.dead),
    oldestPendingSeconds: oldest ? Math.max(0, Math.round((now.getTime() - new Date(oldest.at).getTime()) / 1000)) : null,
    lastReconciliation: last ? { at: new Date(last.at).toISOString(), dossiersChecked: last.dossiers_checked, requeued: last.requeued, error: last.error } : null,
  };
}
