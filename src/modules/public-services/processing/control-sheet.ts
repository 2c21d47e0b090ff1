import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/http/module.js';
import { requireUser } from '../../../platform/http/access.js';
import { contentDisposition } from '../../../platform/files/routes.js';
import { actorFor, readsAllDossiers, staffOfDossier } from '../dossiers/access.js';
import { dossierNotFound } from '../dossiers/transition.js';
import { renderControlSheet } from '../documents/index.js';
import { platformTrx, psDb } from '../tables.js';

/**
 * The control sheet for staff of the agencies that had the dossier and for province-wide readers.
 * It names the applicant, so each read is audited.
 */
export async function sendControlSheet(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, id: string): Promise<FastifyReply> {
  const me = requireUser(request);
  const db = psDb(ctx.db);
  const dossier = await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!dossier || dossier.status === 0 || !(readsAllDossiers(me) || (await staffOfDossier(db, me, dossier)))) throw dossierNotFound();
  const pdf = await renderControlSheet(ctx, id);
  await db.transaction().execute((trx) =>
    ctx.audit.record(platformTrx(trx), {
      actor: actorFor(request),
      action: 'dossier.control_sheet.read',
      targetType: 'dossier',
      targetId: id,
      subjectUserId: dossier.applicant_user_id,
      ip: request.ip,
      requestId: request.id,
    }),
  );
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition('inline', `phieu-kiem-soat-${dossier.code ?? dossier.id}.pdf`))
    .header('cache-control', 'private, no-store')
    .send(pdf);
}
