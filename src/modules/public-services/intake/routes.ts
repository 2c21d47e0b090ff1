import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { errors, AppError } from '../../../platform/http/errors.js';
import type { App, AppContext } from '../../../platform/http/module.js';
import { Uuid } from '../../../platform/http/schema.js';
import { fileTooLarge } from '../../../platform/files/file-service.js';
import { claimOf, once } from '../../../platform/idempotency/idempotency.js';
import { dossierDetail } from '../dossiers/detail.js';
import { DossierDetail, type DossierDetailT } from '../dossiers/schemas.js';
import { addComponent, type ComponentUpload, type UploadMode } from './components.js';
import { removeComponent } from './components.js';
import { counterIntake } from './counter.js';
import { decideAtCounter } from './decisions.js';
import { createDraft, listDrafts, saveDraft } from './drafts.js';
import { acceptDossier, refuseDossier, requestCompletion } from './receipt.js';
import { CompletionBody, CounterBody, DraftSummary, NewDraftBody, ReceiveBody, RefuseBody, SaveDraftBody, UploadedComponent } from './schemas.js';
import { submitDossier } from './submit.js';

const tags = ['public-services'];
const PROBLEM = { $ref: 'Problem#' };
const IdParams = Type.Object({ id: Uuid });
const STAFF = { roles: ['officer', 'agency_admin'] as const };
const SIGNED_IN = { roles: '*' as const };
const IdempotencyHeader = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ description: 'A retry with the same key returns the first answer (kept 24 h)' })) });

/** Online intake and receipt at the one-stop unit (tiếp nhận hồ sơ), and the dossier detail. */
export function registerIntakeRoutes(app: App, ctx: AppContext): void {
  registerDraftRoutes(app, ctx);
  registerUploadRoutes(app, ctx);
  registerReceiptRoutes(app, ctx);
  app.get(
    '/api/v1/dossiers/:id',
    { config: { access: SIGNED_IN }, schema: { tags, summary: 'A dossier with its components, trail, documents and the actions open to the caller (audited for staff)', params: IdParams, response: { 200: DossierDetail, 404: PROBLEM } } },
    async (request) => dossierDetail(ctx, request, request.params.id),
  );
}

function registerDraftRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/dossiers/drafts',
    { config: { access: SIGNED_IN }, schema: { tags, summary: 'Start an online dossier on the version in force of a procedure', body: NewDraftBody, response: { 201: DossierDetail, 400: PROBLEM, 404: PROBLEM, 409: PROBLEM } } },
    async (request, reply) => reply.status(201).send(await createDraft(ctx, request, request.body)),
  );
  app.get(
    '/api/v1/dossiers/drafts',
    { config: { access: SIGNED_IN }, schema: { tags, summary: 'My drafts, and my dossiers sent back for completion', response: { 200: Type.Object({ items: Type.Array(DraftSummary) }) } } },
    async (request) => listDrafts(ctx, request),
  );
  app.put(
    '/api/v1/dossiers/drafts/:id',
    { config: { access: SIGNED_IN }, schema: { tags, summary: 'Save a draft (optimistic: 409 when `version` is stale)', params: IdParams, body: SaveDraftBody, response: { 200: DossierDetail, 400: PROBLEM, 404: PROBLEM, 409: PROBLEM } } },
    async (request) => saveDraft(ctx, request, request.params.id, request.body),
  );
  app.post(
    '/api/v1/dossiers/drafts/:id/submit',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'Submit a draft (status 1); checks the form, components and applicant, all problems at once', params: IdParams, headers: IdempotencyHeader, response: { 200: DossierDetail, 400: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM } },
    },
    async (request, reply) => {
      const claim = claimOf(request, 'public-services.dossier.submit', [request.params.id]);
      const result = await once<DossierDetailT, 200>(ctx.db, claim, 200, (remember) => submitDossier(ctx, request, request.params.id, 'submit', remember));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(result.statusCode).send(result.body);
    },
  );
  app.post(
    '/api/v1/dossiers/:id/resubmit',
    { config: { access: SIGNED_IN }, schema: { tags, summary: 'Submit again after a completion request (Mẫu 02)', params: IdParams, headers: IdempotencyHeader, response: { 200: DossierDetail, 400: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM } } },
    async (request, reply) => {
      const claim = claimOf(request, 'public-services.dossier.resubmit', [request.params.id]);
      const result = await once<DossierDetailT, 200>(ctx.db, claim, 200, (remember) => submitDossier(ctx, request, request.params.id, 'resubmit', remember));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(result.statusCode).send(result.body);
    },
  );
  app.delete(
    '/api/v1/dossiers/drafts/:id/components/:componentId',
    { config: { access: SIGNED_IN }, schema: { tags, summary: 'Remove a file from a draft', params: Type.Object({ id: Uuid, componentId: Uuid }), response: { 204: Type.Null(), 404: PROBLEM, 409: PROBLEM } } },
    async (request, reply) => {
      await removeComponent(ctx, request, request.params.id, request.params.componentId);
      return reply.status(204).send(null);
    },
  );
}

function registerUploadRoutes(app: App, ctx: AppContext): void {
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: ctx.config.maxUploadBytes, files: 1, fields: 3, fieldSize: 1024, parts: 4, headerPairs: 50 } });
    const upload = (mode: UploadMode) => async (request: FastifyRequest<{ Params: { id: string } }>, reply: { status(code: number): { send(body: unknown): unknown } }) =>
      reply.status(201).send(await addComponent(ctx, request, request.params.id, await readUpload(request, ctx.config.maxUploadBytes), mode));
    const schema = (summary: string) => ({ tags, summary, consumes: ['multipart/form-data'], params: IdParams, response: { 201: UploadedComponent, 400: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 413: PROBLEM, 415: PROBLEM } });
    scope.post('/api/v1/dossiers/drafts/:id/components', { config: { access: SIGNED_IN }, schema: schema('Upload one file for a component (multipart: "componentCode" and one file); the type is checked from the bytes') }, upload('applicant'));
    scope.post('/api/v1/dossiers/:id/components', { config: { access: STAFF }, schema: schema('Officers: add a scan of a paper component to a received dossier (marked digitised)') }, upload('officer'));
  });
}

/** One file and its component code, from a multipart body in any order. */
async function readUpload(request: FastifyRequest, limit: number): Promise<ComponentUpload> {
  if (!request.isMultipart()) throw new AppError(415, 'multipart_required', { vi: 'Hãy gửi tệp dưới dạng multipart/form-data.', en: 'Send the file as multipart/form-data.' });
  let componentCode: string | undefined;
  let file: { buffer: Buffer; filename: string } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (file) throw errors.badRequest('one_file_only', 'Mỗi lần chỉ gửi một tệp.', 'Send one file at a time.');
      try {
        file = { buffer: await part.toBuffer(), filename: part.filename ?? '' };
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(limit);
        throw error;
      }
    } else if (part.fieldname === 'componentCode') {
      componentCode = String(part.value).normalize('NFC').trim();
    }
  }
  if (!componentCode) throw errors.badRequest('component_code_required', 'Chưa chọn thành phần hồ sơ.', 'No component code was given.', [{ field: 'componentCode', message: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' } }]);
  if (!file) throw errors.badRequest('file_missing', 'Chưa có tệp nào được gửi.', 'No file was sent.');
  return { componentCode, ...file };
}

function registerReceiptRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/dossiers/counter',
    {
      config: { access: STAFF },
      schema: { tags, summary: 'Counter or postal intake: create and receive in one step (code, due date, Mẫu 01)', body: CounterBody, headers: IdempotencyHeader, response: { 201: DossierDetail, 400: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM } },
    },
    async (request, reply) => {
      const claim = claimOf(request, 'public-services.dossier.counter', [JSON.stringify(request.body)]);
      const result = await once<DossierDetailT, 201>(ctx.db, claim, 201, (remember) => counterIntake(ctx, request, request.body, remember));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(result.statusCode).send(result.body);
    },
  );
  const decision = { tags, params: IdParams, response: { 200: DossierDetail, 400: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM } };
  app.post(
    '/api/v1/dossiers/:id/receive',
    { config: { access: STAFF }, schema: { ...decision, summary: 'Receive (status 2): code, due date, fees, Mẫu 01; handed to the handling agency when the process says so', body: ReceiveBody } },
    async (request) => decideAtCounter(ctx, request, request.params.id, 'receive', (trx, row, actor) => acceptDossier(trx, ctx, row, actor, { note: request.body.note })),
  );
  app.post(
    '/api/v1/dossiers/:id/request-completion',
    { config: { access: STAFF }, schema: { ...decision, summary: 'Send back for completion with everything missing listed at once (Mẫu 02)', body: CompletionBody } },
    async (request) => decideAtCounter(ctx, request, request.params.id, 'request_completion', (trx, row, actor) => requestCompletion(trx, ctx, row, actor, request.body.missing, request.body.note)),
  );
  app.post(
    '/api/v1/dossiers/:id/refuse',
    { config: { access: STAFF }, schema: { ...decision, summary: 'Refuse at receipt with the reasons (status 3, Mẫu 03)', body: RefuseBody } },
    async (request) => decideAtCounter(ctx, request, request.params.id, 'refuse', (trx, row, actor) => refuseDossier(trx, ctx, row, actor, request.body.reasons)),
  );
}
