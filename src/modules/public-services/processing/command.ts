import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../../platform/http/access.js';
import { AppError } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { actorFor, assertCanRead } from '../dossiers/access.js';
import { lockDossier, wrongStatus, type Actor, type DossierRow } from '../dossiers/transition.js';
import { IN_PROGRESS, RECEIVED, type NationalStatus } from '../statuses.js';
import { psDb, type PsTrx } from '../tables.js';
import { judge, type PolicyFacts, type ProcessingAction } from './policy.js';

/** Who gives a command: the principal (for the rules) and the actor (for the trail and audit). */
export interface Caller {
  principal: Principal;
  actor: Actor;
}

export function callerOf(request: FastifyRequest): Caller {
  return { principal: request.principal, actor: actorFor(request) };
}

/** What a command body receives: the locked row, inside the one transaction of the command. */
export interface CommandScope {
  trx: PsTrx;
  ctx: AppContext;
  dossier: DossierRow;
  caller: Caller;
  at: Date;
}

/**
 * Runs a command the way every command runs: one transaction, the row locked, then not visible → 404,
 * not the caller's to give → 403, not from this status or condition → 409, then the body (which
 * changes the status only through `applyTransition`).
 */
export async function runCommand<T>(
  ctx: AppContext,
  caller: Caller,
  dossierId: string,
  action: ProcessingAction,
  at: Date,
  body: (scope: CommandScope) => Promise<T>,
  facts?: (trx: PsTrx, dossier: DossierRow) => Promise<PolicyFacts>,
): Promise<T> {
  return psDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const dossier = await lockDossier(trx, dossierId);
      await assertCanRead(trx, caller.principal, dossier);
      const verdict = judge(action, caller.principal, dossier, facts ? await facts(trx, dossier) : {}, at);
      if (!verdict.ok) {
        if (verdict.kind === 'forbidden') throw forbiddenAction();
        if (verdict.kind === 'wrong_status') throw wrongStatus(dossier, action);
        throw verdict.error!;
      }
      return body({ trx, ctx, dossier, caller, at });
    });
}

export function forbiddenAction(): AppError {
  return new AppError(403, 'dossier_action_forbidden', {
    vi: 'Bạn không được thực hiện thao tác này trên hồ sơ (không thuộc cơ quan đang giải quyết hoặc không được phân công).',
    en: 'You may not do this on the dossier (not the handling agency, or not assigned to you).',
  });
}

/** Before any work the dossier sits "received" (2); the first act of the handling agency starts it (4). */
export function workingStatus(d: DossierRow): NationalStatus {
  return d.status === RECEIVED ? IN_PROGRESS : (d.status as NationalStatus);
}
