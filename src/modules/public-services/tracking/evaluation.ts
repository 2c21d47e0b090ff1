import { requireUser } from '../../../platform/http/access.js';
import { AppError } from '../../../platform/http/errors.js';
import type { App, AppContext } from '../../../platform/http/module.js';
import { StrictObject, Uuid } from '../../../platform/http/schema.js';
import { actorFor, ownsDossier } from '../dossiers/access.js';
import { dossierNotFound, lockDossier, wrongStatus } from '../dossiers/transition.js';
import { FINISHED, RETURNED } from '../statuses.js';
import { platformTrx, psDb } from '../tables.js';
import { EvaluationBody, EvaluationView } from './schemas.js';

const PROBLEM = { $ref: 'Problem#' };

function alreadyEvaluated(): AppError {
  return new AppError(409, 'dossier_already_evaluated', { vi: 'Hồ sơ này đã được đánh giá.', en: 'This dossier has already been evaluated.' });
}

/**
 * The applicant's evaluation of how the dossier was handled (đánh giá mức độ hài lòng), once, after
 * the result. Stored with an audit record in one transaction; the statistics read the table and
 * never show who gave it.
 */
export function registerEvaluationRoute(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/dossiers/:id/evaluation',
    {
      config: { access: { roles: '*' } },
      schema: {
        tags: ['public-services'],
        summary: 'Evaluate a finished dossier (its applicant or filer, once)',
        params: StrictObject({ id: Uuid }),
        body: EvaluationBody,
        response: { 201: EvaluationView, 404: PROBLEM, 409: PROBLEM },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body;
      const comment = body.comment?.trim() ? body.comment.trim() : null;
      const saved = await psDb(ctx.db)
        .transaction()
        .execute(async (trx) => {
          const dossier = await lockDossier(trx, request.params.id);
          if (!ownsDossier(user, dossier)) throw dossierNotFound();
          if (dossier.status !== FINISHED && dossier.status !== RETURNED) throw wrongStatus(dossier, 'evaluate');
          const row = await trx
            .insertInto('dossier_evaluations')
            .values({ dossier_id: dossier.id, rating: body.rating, criteria: JSON.stringify(body.criteria), comment })
            .onConflict((oc) => oc.column('dossier_id').doNothing())
            .returningAll()
            .executeTakeFirst();
          if (!row) throw alreadyEvaluated();
          await ctx.audit.record(platformTrx(trx), {
            actor: actorFor(request),
            action: 'dossier.evaluate',
            targetType: 'dossier',
            targetId: dossier.id,
            subjectUserId: dossier.applicant_user_id,
            ip: request.ip,
            requestId: request.id,
            details: { code: dossier.code, rating: body.rating, criteria: body.criteria, withComment: comment !== null },
          });
          return row;
        });
      return reply.status(201).send({
        dossierId: saved.dossier_id,
        rating: saved.rating,
        criteria: saved.criteria as { timeliness: number; contacts: number; attitude: number; clarity: number },
        comment: saved.comment,
        createdAt: new Date(saved.created_at).toISOString(),
      });
    },
  );
}
