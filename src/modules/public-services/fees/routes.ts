import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { errors } from '../../../platform/http/errors.js';
import { Uuid } from '../../../platform/http/schema.js';
import { actorFor, actsFor, assertCanRead, ownsDossier } from '../dossiers/access.js';
import { dossierNotFound, lockDossier, type DossierRow } from '../dossiers/transition.js';
import { psDb } from '../tables.js';
import { registerDemoCheckoutRoutes } from './demo-checkout-routes.js';
import { amountMismatch, nothingDue } from './errors.js';
import { gatewayUnavailable, paymentGateway } from './gateway.js';
import { paymentView } from './payment-view.js';
import { recordPayment } from './record-payment.js';
import { registerPaymentInboundRoutes } from './inbound-routes.js';
import { CounterPaymentBody, PaymentRecorded, PaymentViewSchema } from './schemas.js';

const tags = ['public-services'];
const PROBLEM = { $ref: 'Problem#' };
const Params = Type.Object({ id: Uuid });

async function readableDossier(ctx: AppContext, request: { principal: Parameters<typeof assertCanRead>[1] }, id: string): Promise<DossierRow> {
  const db = psDb(ctx.db);
  const dossier = await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!dossier) throw dossierNotFound();
  await assertCanRead(db, request.principal, dossier);
  return dossier;
}

/** Fees of a dossier: what is owed and how to pay it, counter receipts, online payment. */
export function registerFeeRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/dossiers/:id/payment',
    {
      config: { access: { roles: '*' } },
      schema: {
        tags,
        summary: 'Fees of a dossier: amount, status, payment reference, VietQR for a bank transfer, payments made',
        description: 'The applicant or filer, staff of the agencies the dossier went through, leaders and system administrators.',
        params: Params,
        response: { 200: PaymentViewSchema, 401: PROBLEM, 404: PROBLEM },
      },
    },
    async (request) => paymentView(ctx, await readableDossier(ctx, request, request.params.id)),
  );

  app.post(
    '/api/v1/dossiers/:id/payments/counter',
    {
      config: { access: { roles: ['officer', 'agency_admin'] } },
      schema: {
        tags,
        summary: 'Record fees paid in cash at the counter, with the receipt number (officers of the receiving or handling agency)',
        params: Params,
        body: CounterPaymentBody,
        response: { 201: PaymentRecorded, 400: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM },
      },
    },
    async (request, reply) => {
      const actor = actorFor(request);
      const result = await psDb(ctx.db)
        .transaction()
        .execute(async (trx) => {
          const dossier = await lockDossier(trx, request.params.id);
          await assertCanRead(trx, request.principal, dossier);
          if (!actsFor(request.principal, dossier.receiving_agency_id) && !actsFor(request.principal, dossier.handling_agency_id)) {
            throw errors.forbidden('Chỉ cán bộ của cơ quan tiếp nhận hoặc giải quyết hồ sơ được thu phí.', 'Only staff of the receiving or handling agency collect fees.');
          }
          const agency = await trx.selectFrom('agencies').select('code').where('id', '=', actor.agencyId!).executeTakeFirstOrThrow();
          return recordPayment(
            trx,
            ctx,
            dossier,
            // Receipt books are kept per agency, so the number is unique within the agency's own provider name.
            { method: 'counter', provider: `counter:${agency.code}`, providerRef: request.body.receiptNumber, amount: request.body.amount, paidAt: new Date(), recordedBy: actor.userId, raw: {} },
            actor,
          );
        });
      if (result.state === 'already_recorded') {
        throw errors.conflict('receipt_number_used', 'Số biên lai này đã được ghi cho một khoản nộp khác.', 'This receipt number was already recorded.');
      }
      if (result.state === 'nothing_due') throw nothingDue();
      if (result.state === 'amount_mismatch') throw amountMismatch(result.expected);
      return reply.status(201).send({ state: 'paid' as const, paymentId: result.paymentId, dossierCode: result.dossier.code });
    },
  );

  app.post(
    '/api/v1/dossiers/:id/payments/gateway',
    {
      config: { access: { roles: '*' } },
      schema: {
        tags,
        summary: 'Start an online payment: the address of the payment gateway to send the applicant to',
        params: Params,
        body: Type.Optional(Type.Object({ returnUrl: Type.Optional(Type.String({ maxLength: 300, pattern: '^/' })) })),
        response: { 200: Type.Object({ provider: Type.String(), redirectUrl: Type.String() }), 404: PROBLEM, 409: PROBLEM, 503: PROBLEM },
      },
    },
    async (request) => {
      const dossier = await readableDossier(ctx, request, request.params.id);
      if (!ownsDossier(request.principal, dossier)) throw dossierNotFound();
      if (dossier.fee_status !== 'unpaid' || !dossier.payment_reference) throw nothingDue();
      const gateway = paymentGateway(ctx);
      if (!gateway) throw gatewayUnavailable();
      const returnUrl = `${ctx.config.publicUrl}${request.body?.returnUrl ?? `/dich-vu-cong/ho-so-cua-toi`}`;
      return { provider: gateway.name, ...(await gateway.createPayment(dossier, returnUrl)) };
    },
  );

  registerPaymentInboundRoutes(app, ctx);
  registerDemoCheckoutRoutes(app, ctx);
}
