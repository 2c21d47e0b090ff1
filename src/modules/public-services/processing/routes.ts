import multipart from '@fastify/multipart';
import { Type, type TSchema } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { requireUser } from '../../../platform/http/access.js';
import { StrictObject, Uuid } from '../../../platform/http/schema.js';
import { acceptTransfer, advanceDossier, assignDossier } from './assignment.js';
import { bulkAssign } from './bulk-assign.js';
import { callerOf } from './command.js';
import { answerConsultation, consultAgency, transferDossier } from './transfer.js';
import { requestSupplement, supplyDocuments } from './supplement.js';
import { requestPayment } from './payment.js';
import { sendApology, stopDossier, withdrawDossier } from './closing.js';
import { issueResult, returnResult } from './result.js';
import { queueCounts, queuePage } from './queue.js';
import { readResultRequest, readSupplementRequest, MAX_SUPPLEMENT_FILES } from './multipart-input.js';
import { sendControlSheet } from './control-sheet.js';
import { commandResult } from './present.js';
import { processingActionsFor } from './allowed-actions.js';
import { addActionSource } from '../dossiers/actions.js';
import {
  AcceptTransferBody,
  AdvanceBody,
  AnswerBody,
  ApologyBody,
  AssignBody,
  BulkAssignBody,
  BulkAssignResult,
  CommandResult,
  ConsultBody,
  PaymentRequestBody,
  QueueCounts,
  QueueItem,
  QueueQuery,
  ReasonBody,
  ReturnBody,
  SupplementRequestBody,
  TransferBody,
} from './schemas.js';

const tags = ['public-services'];
const PROBLEM = { $ref: 'Problem#' };
/** Staff of the agencies act; leaders and system administrators read province-wide, never act. */
const HANDLERS = ['officer', 'agency_admin'] as const;
const READERS = ['officer', 'agency_admin', 'leader', 'system_admin'] as const;
const ERRORS = { 400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM };
const Params = Type.Object({ id: Uuid });

function command<B extends TSchema>(summary: string, body: B, roles: typeof HANDLERS | '*' = HANDLERS) {
  return {
    config: { access: { roles } },
    schema: { tags, summary, params: Params, body, response: { 200: CommandResult, ...ERRORS } },
  };
}

/** The processing desk's routes (xử lý hồ sơ): queues and commands on received dossiers. */
export function registerProcessingRoutes(app: App, ctx: AppContext): void {
  // The dossier detail's `allowedActions` include the processing commands, by the same rules.
  addActionSource(processingActionsFor);
  app.get(
    '/api/v1/dossiers/queue',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags,
        summary: "Work queue: my agency's dossiers (or, for leaders and system admins, the province's), the earliest deadline first",
        querystring: QueueQuery,
        response: { 200: Type.Object({ items: Type.Array(QueueItem), nextCursor: Type.Union([Type.String(), Type.Null()]) }), 400: PROBLEM, 403: PROBLEM },
      },
    },
    async (request) => queuePage(ctx, requireUser(request), request.query),
  );

  app.get(
    '/api/v1/dossiers/queue/counts',
    {
      config: { access: { roles: READERS } },
      schema: { tags, summary: 'Waiting for receipt, open, mine, due soon, overdue, paused and consultations, for the same agency as the queue', querystring: StrictObject({ agencyId: Type.Optional(Uuid) }), response: { 200: QueueCounts, 400: PROBLEM, 403: PROBLEM } },
    },
    async (request) => queueCounts(ctx, requireUser(request), request.query.agencyId),
  );

  app.post('/api/v1/dossiers/:id/assign', command('Assign a handler (head of unit: anyone of the agency; officer: take it); reassigning needs a reason', AssignBody), async (request) =>
    commandResult(await assignDossier(ctx, callerOf(request), request.params.id, request.body.userId, new Date(), { reason: request.body.reason }), request.principal),
  );

  app.post(
    '/api/v1/dossiers/assignments',
    {
      config: { access: { roles: HANDLERS } },
      schema: {
        tags,
        summary: 'Bulk assignment: up to 100 dossiers to one assignee, each in its own transaction, with a result per dossier',
        description: 'Answers 200 with `results[]` ({id, ok, error?}) in the order sent: one refused dossier does not undo the others. 400 or 403 for the whole request when the assignee is not active staff of your agency or an officer assigns someone else.',
        body: BulkAssignBody,
        response: { 200: BulkAssignResult, 400: PROBLEM, 401: PROBLEM, 403: PROBLEM },
      },
    },
    async (request) => bulkAssign(ctx, callerOf(request), request.body),
  );

  app.post('/api/v1/dossiers/:id/advance', command('Move to an internal step: assigned, appraisal, awaiting signature, signed', AdvanceBody), async (request) =>
    commandResult(await advanceDossier(ctx, callerOf(request), request.params.id, request.body), request.principal),
  );

  app.post('/api/v1/dossiers/:id/accept-transfer', command('The agency a dossier was transferred to acknowledges it', AcceptTransferBody), async (request) =>
    commandResult(await acceptTransfer(ctx, callerOf(request), request.params.id, request.body.comment), request.principal),
  );

  app.post('/api/v1/dossiers/:id/transfer', command('Transfer to another agency (liên thông) with the step’s working hours', TransferBody), async (request) =>
    commandResult(await transferDossier(ctx, callerOf(request), request.params.id, request.body), request.principal),
  );

  app.post('/api/v1/dossiers/:id/consult', command('Ask another agency’s opinion, with its own due time', ConsultBody), async (request) => {
    const { dossier, consultationId } = await consultAgency(ctx, callerOf(request), request.params.id, request.body);
    return commandResult(dossier, request.principal, { consultationId });
  });

  app.post(
    '/api/v1/dossiers/:id/consultations/:consultationId/answer',
    {
      config: { access: { roles: HANDLERS } },
      schema: { tags, summary: 'The consulted agency answers', params: Type.Object({ id: Uuid, consultationId: Uuid }), body: AnswerBody, response: { 200: CommandResult, ...ERRORS } },
    },
    async (request) => commandResult(await answerConsultation(ctx, callerOf(request), request.params.id, request.params.consultationId, request.body.answer), request.principal),
  );

  app.post('/api/v1/dossiers/:id/request-supplement', command('Ask for more documents: the clock pauses (a second request needs a reason and is flagged)', SupplementRequestBody), async (request) => {
    const { dossier, documentId } = await requestSupplement(ctx, callerOf(request), request.params.id, request.body);
    return commandResult(dossier, request.principal, { documentId });
  });

  app.post('/api/v1/dossiers/:id/request-payment', command('Ask the applicant to pay the fees (status 6 until paid)', PaymentRequestBody), async (request) =>
    commandResult(await requestPayment(ctx, callerOf(request), request.params.id, request.body.note), request.principal),
  );

  app.post('/api/v1/dossiers/:id/withdraw', command('The applicant withdraws the dossier', ReasonBody, '*'), async (request) =>
    commandResult(await withdrawDossier(ctx, callerOf(request), request.params.id, request.body.reason), request.principal),
  );

  app.post('/api/v1/dossiers/:id/stop', command('Stop processing with a reason (notice Mẫu 05)', ReasonBody), async (request) => {
    const { dossier, documentId } = await stopDossier(ctx, callerOf(request), request.params.id, request.body.reason);
    return commandResult(dossier, request.principal, { documentId });
  });

  app.post('/api/v1/dossiers/:id/apology', command('Apology with a new date (Mẫu 04), before lateness, once; the due date is kept', ApologyBody), async (request) => {
    const { dossier, documentId } = await sendApology(ctx, callerOf(request), request.params.id, { reason: request.body.reason, newDueAt: new Date(request.body.newDueAt) });
    return commandResult(dossier, request.principal, { documentId });
  });

  app.post('/api/v1/dossiers/:id/return', command('Hand the result back: at the counter, by post (tracking number in the note) or online', ReturnBody), async (request) =>
    commandResult(await returnResult(ctx, callerOf(request), request.params.id, request.body), request.principal),
  );

  app.get(
    '/api/v1/dossiers/:id/control-sheet',
    {
      config: { access: { roles: READERS } },
      schema: { tags, summary: 'The control sheet (phiếu kiểm soát quá trình giải quyết hồ sơ) as PDF, from the trail', params: Params, response: { 401: PROBLEM, 403: PROBLEM, 404: PROBLEM } },
    },
    async (request, reply) => sendControlSheet(ctx, request, reply, request.params.id),
  );

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { files: MAX_SUPPLEMENT_FILES, fileSize: ctx.config.maxUploadBytes, fields: 10, fieldSize: 64 * 1024, parts: MAX_SUPPLEMENT_FILES + 10 } });
    scope.post(
      '/api/v1/dossiers/:id/supplement',
      {
        config: { access: { roles: '*' } },
        schema: {
          tags,
          summary: "The applicant's supplement: files by component code and a note; the clock runs again",
          description: 'multipart/form-data: one file part per document, its field name the component code; an optional "note" field. JSON {note} alone is accepted too.',
          params: Params,
          response: { 200: CommandResult, ...ERRORS, 413: PROBLEM, 415: PROBLEM },
        },
      },
      async (request) => {
        const input = await readSupplementRequest(request);
        return commandResult(await supplyDocuments(ctx, callerOf(request), (request.params as { id: string }).id, input), request.principal);
      },
    );
    scope.post(
      '/api/v1/dossiers/:id/issue-result',
      {
        config: { access: { roles: HANDLERS } },
        schema: {
          tags,
          summary: 'Issue the result (status 9): an uploaded file, or text from a template',
          description:
            'JSON {outcome: approved|rejected, resultNumber, title, text} renders the result from a template; ' +
            'multipart/form-data with a "file" part and "outcome", "resultNumber" fields stores the signed file as it is. The SHA-256 of the stored bytes is kept.',
          params: Params,
          response: { 200: CommandResult, ...ERRORS, 413: PROBLEM, 415: PROBLEM },
        },
      },
      async (request) => {
        const input = await readResultRequest(request);
        const { dossier, documentId } = await issueResult(ctx, callerOf(request), (request.params as { id: string }).id, input);
        return commandResult(dossier, request.principal, { documentId });
      },
    );
  });
}
