import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { errors } from '../../../platform/http/errors.js';
import { actorFor } from '../dossiers/access.js';
import { psDb } from '../tables.js';
import { gatewayUnavailable, paymentGateway, type GatewayNotice } from './gateway.js';
import { importStatement } from './reconcile.js';
import { applyGatewayNotice } from './gateway-notice.js';
import { listBankTransfers } from './bank-transfers.js';
import { parseStatementCsv, statementLine, type RawLine } from './statement.js';
import { BankTransferView, GatewayNoticeBody, GatewayResult, ImportResultSchema } from './schemas.js';

const tags = ['public-services'];
const PROBLEM = { $ref: 'Problem#' };
const MAX_LINES = 5000;

type WithRawBody = FastifyRequest & { rawBody?: string };

/**
 * Routes that take money notices in: the gateway's signed callback and bank statement imports. They
 * live in their own scope so JSON bodies keep their raw bytes (the signature is over them) and CSV is
 * accepted, without changing how the rest of the API parses bodies.
 */
export function registerPaymentInboundRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 }, (request, body, done) => {
      (request as WithRawBody).rawBody = body as string;
      try {
        done(null, (body as string).length ? JSON.parse(body as string) : undefined);
      } catch {
        done(errors.badRequest('invalid_json', 'Nội dung JSON không hợp lệ.', 'The body is not valid JSON.'), undefined);
      }
    });
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 }, (_request, body, done) => done(null, body));
    registerGatewayCallback(scope as unknown as App, ctx);
    registerBankTransferRoutes(scope as unknown as App, ctx);
  });
}

function registerGatewayCallback(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/payments/gateway/callback',
    {
      config: { access: { public: true }, rateLimit: { max: 600, timeWindow: '1 minute' } },
      // The signature is checked before the body is validated: unsigned junk gets 403 (the route is public: 401 would mean the caller's sign-in, not the gateway's signature), not a description of what was wrong.
      preValidation: async (request) => {
        const gateway = paymentGateway(ctx);
        if (!gateway) throw gatewayUnavailable();
        (request as FastifyRequest & { notice?: GatewayNotice }).notice = gateway.verifyCallback(request.headers, (request as WithRawBody).rawBody ?? '');
      },
      schema: {
        tags,
        summary: 'Payment gateway notice (signed, idempotent by the gateway transaction id)',
        description:
          'Header `x-payment-signature: sha256=<hex HMAC-SHA256 of the raw body under PAYMENT_GATEWAY_SECRET>`. A replay answers as the first time and records nothing more.',
        body: GatewayNoticeBody,
        response: { 200: GatewayResult, 400: PROBLEM, 403: PROBLEM, 503: PROBLEM },
      },
    },
    async (request) => {
      const notice = (request as FastifyRequest & { notice: GatewayNotice }).notice;
      return psDb(ctx.db)
        .transaction()
        .execute((trx) => applyGatewayNotice(trx, ctx, notice, request.log));
    },
  );
}

function statementFromBody(body: unknown): RawLine[] {
  if (typeof body === 'string') return parseStatementCsv(body).map((l) => ({ bank_ref: l.bankRef, amount: l.amount, description: l.description, received_at: l.receivedAt.toISOString() }));
  const lines = Array.isArray(body) ? body : (body as { lines?: unknown } | undefined)?.lines;
  if (!Array.isArray(lines)) throw errors.badRequest('invalid_statement', 'Sao kê phải là CSV hoặc mảng JSON các dòng.', 'The statement must be CSV or a JSON array of lines.');
  return lines as RawLine[];
}

function registerBankTransferRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/payments/bank-transfers/import',
    {
      config: { access: { roles: ['agency_admin', 'system_admin'] } },
      schema: {
        tags,
        summary: 'Import a bank statement and match transfers to dossiers by payment reference',
        description:
          'Body: `text/csv` with a header row `bank_ref,amount,description,received_at`, or JSON (an array of such objects, or `{lines:[…]}`). ' +
          'A transfer matches when its description contains a dossier’s payment reference (any case or spacing) and its amount equals what is owed. ' +
          'Each line: bank_ref (the bank’s transaction id), amount (whole đồng: 125000 or "125.000"), description, received_at (ISO 8601, or dd/mm/yyyy HH:mm in Vietnam time).',
        // No body schema: a union of CSV text and JSON arrays would be mangled by the validator's type
        // coercion (a one-line array unwrapped); every line is checked by `statementLine` instead.
        response: { 200: ImportResultSchema, 400: PROBLEM, 403: PROBLEM },
      },
    },
    async (request) => {
      const raw = statementFromBody(request.body);
      if (raw.length > MAX_LINES) throw errors.badRequest('statement_too_long', `Mỗi lần nhập tối đa ${MAX_LINES} dòng.`, `At most ${MAX_LINES} lines per import.`);
      const lines = raw.map((l, i) => statementLine(l, i + 1));
      return importStatement(ctx, lines, actorFor(request));
    },
  );

  app.get(
    '/api/v1/payments/bank-transfers',
    {
      config: { access: { roles: ['agency_admin', 'system_admin'] } },
      schema: {
        tags,
        summary: 'Imported bank transfers and how each was matched (agency admins: their dossiers and the unmatched)',
        querystring: Type.Object({
          state: Type.Optional(Type.Union([Type.Literal('matched'), Type.Literal('unmatched'), Type.Literal('amount_mismatch'), Type.Literal('duplicate')])),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(BankTransferView), nextCursor: Type.Union([Type.String(), Type.Null()]) }), 400: PROBLEM, 403: PROBLEM },
      },
    },
    async (request) => listBankTransfers(ctx, request.principal, request.query),
  );
}
