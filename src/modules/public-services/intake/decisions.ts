import type { FastifyRequest } from 'fastify';
import { errors } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { actorFor, actsFor, assertCanRead } from '../dossiers/access.js';
import { awaitingReceipt } from '../dossiers/actions.js';
import { presentDossier } from '../dossiers/detail.js';
import type { DossierDetailT } from '../dossiers/schemas.js';
import { lockDossier, wrongStatus, type Actor, type DossierRow } from '../dossiers/transition.js';
import { psDb, type PsTrx } from '../tables.js';

/**
 * A receipt decision (receive, request completion, refuse) by the receiving agency, in one
 * transaction: the dossier is locked, then anyone who may not see it gets 404, staff of other agencies
 * 403, and a dossier not waiting for a decision 409.
 */
export async function decideAtCounter(ctx: AppContext, request: FastifyRequest, id: string, action: string, run: (trx: PsTrx, row: DossierRow, actor: Actor) => Promise<DossierRow>): Promise<DossierDetailT> {
  const p = request.principal;
  return psDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const row = await lockDossier(trx, id);
      await assertCanRead(trx, p, row);
      if (!actsFor(p, row.receiving_agency_id)) {
        throw errors.forbidden('Chỉ cán bộ của đơn vị tiếp nhận hồ sơ được thực hiện thao tác này.', 'Only staff of the receiving agency may do this.');
      }
      if (!awaitingReceipt(row)) throw wrongStatus(row, action);
      const after = await run(trx, row, actorFor(request));
      return presentDossier(trx, after, p, true);
    });
}
