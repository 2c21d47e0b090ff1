import type { AppContext } from '../../../platform/http/module.js';
import type { DossierRow } from '../dossiers/transition.js';
import type { Channel, PsTrx } from '../tables.js';
import { syncEnabled } from './settings.js';
import type { SyncPayload, SyncTrx } from './tables.js';

const CHANNEL_CODES: Record<Channel, 1 | 2 | 3> = { counter: 1, online: 2, post: 3 };

/**
 * Queues the national portal's copy of one status change, in the transaction of the change itself
 * (called by `applyTransition`): rolled back with it, committed with it. Nothing when sync is off,
 * when the national status did not move, or before the dossier has a code (it is not received yet).
 */
export async function queueSyncUpdate(trx: PsTrx, ctx: Pick<AppContext, 'config'>, before: DossierRow, after: DossierRow, at: Date): Promise<void> {
  if (!syncEnabled(ctx.config) || before.status === after.status || !after.code) return;
  const db = trx as unknown as SyncTrx;
  // The caller holds the dossier's row lock, so max + 1 cannot race; the unique key would stop it anyway.
  const last = await db.selectFrom('dossier_sync_outbox').select((eb) => eb.fn.max('sequence').as('n')).where('dossier_id', '=', after.id).executeTakeFirst();
  const sequence = Number(last?.n ?? 0) + 1;
  const payload = await payloadOf(db, before, after, sequence, at);
  await db
    .insertInto('dossier_sync_outbox')
    .values({ dossier_id: after.id, code: after.code, sequence, status: after.status, at, payload: JSON.stringify(payload), next_attempt_at: at })
    .execute();
}

async function payloadOf(db: SyncTrx, before: DossierRow, after: DossierRow, sequence: number, at: Date): Promise<SyncPayload> {
  const ids = [after.receiving_agency_id, after.handling_agency_id].filter((id): id is string => !!id);
  const agencies = ids.length ? await db.selectFrom('agencies').select(['id', 'code']).where('id', 'in', ids).execute() : [];
  const codeOf = (id: string | null) => agencies.find((a) => a.id === id)?.code ?? null;
  // Applicant, form answers and files stay here: the portal is told what a public tracking page shows.
  return {
    code: after.code!,
    sequence,
    procedureCode: after.procedure_code,
    receivingAgencyCode: codeOf(after.receiving_agency_id),
    handlingAgencyCode: codeOf(after.handling_agency_id),
    status: after.status,
    fromStatus: before.status,
    channel: CHANNEL_CODES[after.channel],
    at: at.toISOString(),
    submittedAt: iso(after.submitted_at),
    receivedAt: iso(after.received_at),
    dueAt: iso(after.due_at),
    finishedAt: iso(after.finished_at),
    returnedAt: iso(after.returned_at),
  };
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}
