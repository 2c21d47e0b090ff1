import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { actorOf } from '../../../platform/http/access.js';
import { errors } from '../../../platform/http/errors.js';
import { Uuid } from '../../../platform/http/schema.js';
import { readFileBytes } from '../../../platform/files/file-service.js';
import { contentDisposition } from '../../../platform/files/routes.js';
import { assertCanRead, ownsDossier } from '../dossiers/access.js';
import { dossierNotFound } from '../dossiers/transition.js';
import { psDb } from '../tables.js';

const tags = ['public-services'];
const PROBLEM = { $ref: 'Problem#' };

const documentNotFound = () => errors.notFound('Không tìm thấy văn bản của hồ sơ.', 'No such document of this dossier.');

/** Issued documents (forms Mẫu 01–06, results) of a dossier, for those who may read the dossier. */
export function registerDocumentRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/dossiers/:id/documents/:documentId',
    {
      config: { access: { roles: '*' } },
      schema: {
        tags,
        summary: 'Download a document issued for a dossier (PDF)',
        description: 'The applicant or filer, staff of the agencies the dossier went through, leaders and system administrators. Reads by anyone but the owner are audited.',
        params: Type.Object({ id: Uuid, documentId: Uuid }),
        response: { 304: Type.Null(), 401: PROBLEM, 404: PROBLEM },
      },
    },
    async (request, reply) => {
      const db = psDb(ctx.db);
      const dossier = await db.selectFrom('dossiers').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      if (!dossier) throw dossierNotFound();
      await assertCanRead(db, request.principal, dossier);
      const doc = await db
        .selectFrom('dossier_documents')
        .innerJoin('files', 'files.id', 'dossier_documents.file_id')
        .select(['dossier_documents.id', 'dossier_documents.kind', 'dossier_documents.sha256', 'files.id as fileId'])
        .where('dossier_documents.id', '=', request.params.documentId)
        .where('dossier_documents.dossier_id', '=', dossier.id)
        .executeTakeFirst();
      if (!doc) throw documentNotFound();
      const file = await db.selectFrom('files').selectAll().where('id', '=', doc.fileId).executeTakeFirstOrThrow();
      const data = await readFileBytes(ctx, file);
      if (!data) {
        request.log.warn({ fileId: file.id }, 'document row without stored bytes');
        throw documentNotFound();
      }
      if (!ownsDossier(request.principal, dossier)) {
        // A form carries the applicant's name and contacts: staff reading it is a read of personal data.
        await ctx.audit.recordAlone({
          actor: actorOf(request),
          action: 'dossier.document_read',
          targetType: 'dossier',
          targetId: dossier.id,
          subjectUserId: dossier.applicant_user_id,
          ip: request.ip,
          requestId: request.id,
          details: { documentId: doc.id, kind: doc.kind },
        });
      }
      const etag = `"${doc.sha256}"`;
      if (request.headers['if-none-match'] === etag) return reply.status(304).header('etag', etag).send();
      return reply
        .header('content-type', 'application/pdf')
        .header('content-length', String(data.length))
        .header('content-disposition', contentDisposition('inline', `${doc.kind}-${dossier.code ?? dossier.id}.pdf`))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=0, must-revalidate')
        .header('etag', etag)
        .send(data);
    },
  );
}
