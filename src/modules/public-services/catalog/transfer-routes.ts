import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { AppError, errors } from '../../../platform/http/errors.js';
import { translateValidationError } from '../../../platform/http/validation-messages.js';
import { normalizeNfc } from '../../../platform/search/search-text.js';
import { StrictObject } from '../../../platform/http/schema.js';
import { actorFor } from '../dossiers/access.js';
import { psDb } from '../tables.js';
import { catalogToCsv, csvToDocument, ExportDocument, exportCatalog, importCatalog, MAX_IMPORT_PROCEDURES, type ExportDoc } from './transfer.js';

const tags = ['public-services: catalog'];
const PROBLEM = { $ref: 'Problem#' };
/** A province's whole catalog (about two thousand procedures with their forms) fits well within this. */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;
const Format = Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' }));

export function registerCatalogTransferRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/procedures/export',
    {
      config: { access: { roles: ['system_admin', 'agency_admin'] } },
      schema: { tags, summary: 'Every version of every procedure as JSON (full fidelity) or CSV (one row per version; lists as JSON in cells); drafts only those the caller manages', querystring: StrictObject({ format: Format }) },
    },
    async (request, reply) => {
      const doc = await exportCatalog(psDb(ctx.db), request.principal);
      const day = doc.exportedAt!.slice(0, 10);
      if (request.query.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="thu-tuc-${day}.csv"`).send(catalogToCsv(doc));
      }
      return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="thu-tuc-${day}.json"`).send(JSON.stringify(doc));
    },
  );

  app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scope.post(
      '/api/v1/procedures/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { access: { roles: ['system_admin'] } },
        schema: {
          tags,
          summary: `Imports a package (the export's JSON, or its CSV as text/csv) as drafts only; re-importing the same content changes nothing. At most ${MAX_IMPORT_PROCEDURES} procedures, ${IMPORT_BODY_LIMIT / 1024 / 1024} MB.`,
          querystring: StrictObject({ format: Format }),
          response: {
            200: Type.Object({ created: Type.Integer(), replaced: Type.Integer(), drafted: Type.Integer(), unchanged: Type.Integer(), items: Type.Array(Type.Object({ code: Type.String(), result: Type.String(), version: Type.Integer() })) }),
            400: PROBLEM,
            403: PROBLEM,
            413: PROBLEM,
          },
        },
      },
      async (request) => {
        const csv = request.query.format === 'csv';
        if (csv !== (typeof request.body === 'string')) {
          throw errors.badRequest('import_format', 'Định dạng khai báo (format) không khớp với nội dung gửi lên (CSV: text/csv, JSON: application/json).', 'The format parameter does not match the body (CSV: text/csv, JSON: application/json).');
        }
        const raw = normalizeNfc(csv ? csvToDocument(request.body as string) : request.body);
        const validate = request.compileValidationSchema(ExportDocument);
        if (!validate(raw)) {
          const fields = (validate.errors ?? []).slice(0, 50).map((e) => translateValidationError(e as never, 'body'));
          throw new AppError(400, 'validation_failed', { vi: 'Tệp nhập không đúng cấu trúc.', en: 'The import file does not have the expected structure.' }, fields);
        }
        return psDb(ctx.db).transaction().execute((trx) => importCatalog(trx, ctx, actorFor(request), raw as ExportDoc));
      },
    );
  });
}
