import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../../platform/http/module.js';
import { AppError, errors } from '../../../platform/http/errors.js';
import { actorFor } from '../dossiers/access.js';
import { psDb, type PsDb, type PsTrx } from '../tables.js';
import { normalizeParts, partsOfRow, type Parts } from './parts.js';
import { notFound } from './routes.js';
import { CodeParams, DraftBody, NewProcedureBody, PublishBody, VersionParams, WrittenProcedure, type DraftInput, type PartsInput } from './schemas.js';
import { agencyByCode, agencyById, procedureByCode, versionsOf } from './store.js';
import { writtenView } from './views.js';
import { managesAgency } from './views.js';
import { createProcedure, publishDraft, saveDraft, type Written } from './writes.js';

const tags = ['public-services: catalog'];
const PROBLEM = { $ref: 'Problem#' };
const MANAGERS = { roles: ['system_admin', 'agency_admin'] } as const;
const WRITE_RESPONSES = { 400: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM };

function notYourAgency(): AppError {
  return errors.forbidden('Bạn chỉ quản lý được thủ tục của cơ quan mình.', 'You may only manage procedures of your own agency.');
}

/** The agency code a body names: by code, by id, or (when it names none) the one given as fallback. */
async function agencyCodeOf(db: PsDb | PsTrx, body: Pick<PartsInput, 'agencyId' | 'agencyCode'>, fallback: string | null): Promise<string | null> {
  if (body.agencyCode !== undefined) return body.agencyCode;
  if (body.agencyId === undefined) return fallback;
  if (body.agencyId === null) return null;
  const agency = await agencyById(db, body.agencyId);
  if (!agency) throw errors.badRequest('unknown_agency', 'Không có cơ quan này.', 'No such agency.', [{ field: 'agencyId', message: { vi: 'Không có cơ quan này.', en: 'No such agency.' } }]);
  return agency.code;
}

async function assertManages(db: PsDb | PsTrx, request: FastifyRequest, agencyCode: string | null): Promise<void> {
  const agency = agencyCode ? await agencyByCode(db, agencyCode) : null;
  // An unknown code is reported by validation with its field; here only ownership matters.
  if (agencyCode && !agency && request.principal.kind === 'user' && request.principal.role === 'system_admin') return;
  if (!managesAgency(request.principal, agency?.id ?? null)) throw notYourAgency();
}

async function respond(db: PsTrx, w: Written) {
  const versions = await versionsOf(db, w.procedure.id);
  return writtenView(w.procedure.code, w.row, await agencyById(db, w.row.agency_id), versions, w.warnings);
}

/** A draft body laid over the latest version (the parts it leaves out are copied). */
async function mergedParts(trx: PsTrx, request: FastifyRequest, code: string, body: DraftInput): Promise<Parts> {
  const procedure = await procedureByCode(trx, code, true);
  if (!procedure) throw notFound(code);
  const latest = (await versionsOf(trx, procedure.id))[0]!;
  const latestAgency = await agencyById(trx, latest.agency_id);
  if (!managesAgency(request.principal, latest.agency_id)) throw notYourAgency();
  const agencyCode = await agencyCodeOf(trx, body, latestAgency?.code ?? null);
  await assertManages(trx, request, agencyCode);
  const { agencyCode: _a, ...base } = partsOfRow(latest, latestAgency?.code ?? null);
  const { agencyCode: _b, agencyId: _c, ...given } = body;
  return normalizeParts({ ...base, ...given } as PartsInput, agencyCode);
}

export function registerCatalogAdminRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/procedures',
    { config: { access: MANAGERS }, schema: { tags, summary: 'A new procedure; its first version is a draft (agency administrators: for their own agency)', body: NewProcedureBody, response: { 201: WrittenProcedure, ...WRITE_RESPONSES } } },
    async (request, reply) => {
      const { code, agencyId, agencyCode, ...rest } = request.body;
      const result = await psDb(ctx.db).transaction().execute(async (trx) => {
        const agency = await agencyCodeOf(trx, { agencyId, agencyCode }, null);
        await assertManages(trx, request, agency);
        return respond(trx, await createProcedure(trx, ctx, actorFor(request), code, normalizeParts(rest as PartsInput, agency)));
      });
      return reply.status(201).send(result);
    },
  );

  const putDraft = async (request: FastifyRequest, code: string, body: DraftInput) =>
    psDb(ctx.db).transaction().execute(async (trx) => {
      const parts = await mergedParts(trx, request, code, body);
      return respond(trx, await saveDraft(trx, ctx, actorFor(request), (await procedureByCode(trx, code))!, parts));
    });

  app.put(
    '/api/v1/procedures/:code/draft',
    { config: { access: MANAGERS }, schema: { tags, summary: 'Creates or replaces the one draft; parts left out are copied from the latest version', params: CodeParams, body: DraftBody, response: { 200: WrittenProcedure, ...WRITE_RESPONSES } } },
    async (request) => putDraft(request, request.params.code, request.body),
  );

  app.put(
    '/api/v1/procedures/:code/versions/:version',
    { config: { access: MANAGERS }, schema: { tags, summary: 'Edits a version: only the draft; a published version never changes (409)', params: VersionParams, body: DraftBody, response: { 200: WrittenProcedure, ...WRITE_RESPONSES } } },
    async (request) => {
      const { code, version } = request.params;
      const procedure = await procedureByCode(psDb(ctx.db), code);
      const row = procedure ? (await versionsOf(psDb(ctx.db), procedure.id)).find((v) => v.version === version) : undefined;
      if (!row || (row.state === 'draft' && !managesAgency(request.principal, row.agency_id))) throw notFound(`${code} v${version}`);
      if (row.state !== 'draft') {
        throw errors.conflict('version_published', `Phiên bản ${version} của thủ tục ${code} đã công bố và không được sửa; hãy tạo bản dự thảo mới.`, `Version ${version} of ${code} is published and cannot change; make a new draft.`);
      }
      return putDraft(request, code, request.body);
    },
  );

  app.post(
    '/api/v1/procedures/:code/draft/publish',
    { config: { access: MANAGERS }, schema: { tags, summary: 'Publishes the draft from effectiveFrom (default now); the version in force until then ends at that instant', params: CodeParams, body: PublishBody, response: { 200: WrittenProcedure, ...WRITE_RESPONSES } } },
    async (request) => {
      const { code } = request.params;
      const now = new Date();
      const effectiveFrom = request.body?.effectiveFrom ? new Date(request.body.effectiveFrom) : now;
      if (effectiveFrom < now) throw errors.badRequest('effective_from_past', 'Ngày hiệu lực không được ở quá khứ.', 'The effective date cannot be in the past.', [{ field: 'effectiveFrom', message: { vi: 'Ngày hiệu lực không được ở quá khứ.', en: 'The effective date cannot be in the past.' } }]);
      return psDb(ctx.db).transaction().execute(async (trx) => {
        const procedure = await procedureByCode(trx, code, true);
        if (!procedure) throw notFound(code);
        const versions = await versionsOf(trx, procedure.id);
        const draft = versions.find((v) => v.state === 'draft');
        if (draft && !managesAgency(request.principal, draft.agency_id)) throw notYourAgency();
        return respond(trx, await publishDraft(trx, ctx, actorFor(request), procedure, effectiveFrom));
      });
    },
  );
}
