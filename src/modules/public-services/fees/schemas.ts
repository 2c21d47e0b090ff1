import { Type } from 'typebox';
import { StrictObject } from '../../../platform/http/schema.js';

const Method = Type.Union([Type.Literal('bank_transfer'), Type.Literal('counter'), Type.Literal('gateway')]);

export const PaymentViewSchema = Type.Object({
  amount: Type.Integer({ description: 'Total fees assessed, in đồng' }),
  status: Type.Union([Type.Literal('none'), Type.Literal('unpaid'), Type.Literal('paid'), Type.Literal('exempt')]),
  reference: Type.Union([Type.String(), Type.Null()], { description: 'The payment reference to put in the transfer description' }),
  lines: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), amount: Type.Integer(), exemptedBy: Type.Union([Type.String(), Type.Null()]) })),
  onlinePayment: Type.Boolean({ description: 'The procedure accepts online payment' }),
  vietqr: Type.Union([
    Type.Object({
      content: Type.String({ description: 'VietQR (EMVCo) payload' }),
      bankBin: Type.String(),
      bankName: Type.String(),
      accountNumber: Type.String(),
      accountName: Type.String(),
      purpose: Type.String(),
      qrSvg: Type.String(),
      demo: Type.Boolean({ description: 'The demo account is shown: do not transfer money' }),
    }),
    Type.Null(),
  ]),
  payments: Type.Array(
    Type.Object({
      id: Type.String(),
      method: Method,
      online: Type.Boolean({ description: 'Paid online (Decision 766 indicator 3.6): gateway or bank transfer' }),
      provider: Type.String(),
      providerRef: Type.String(),
      amount: Type.Integer(),
      paidAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const CounterPaymentBody = StrictObject({
  amount: Type.Integer({ minimum: 1, description: 'In đồng; must equal the amount owed' }),
  receiptNumber: Type.String({ minLength: 1, maxLength: 60, description: 'Number of the fee receipt (biên lai) handed over' }),
});

export const PaymentRecorded = Type.Object({
  state: Type.Literal('paid'),
  paymentId: Type.String(),
  dossierCode: Type.Union([Type.String(), Type.Null()]),
});

export const GatewayNoticeBody = Type.Object(
  {
    transactionId: Type.String({ minLength: 1, maxLength: 100 }),
    reference: Type.String({ minLength: 1, maxLength: 40 }),
    amount: Type.Integer({ minimum: 1 }),
    status: Type.Union([Type.Literal('success'), Type.Literal('failed')]),
    paidAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { description: 'Signed with HMAC-SHA256 of the raw body: header x-payment-signature: sha256=<hex>' },
);

export const GatewayResult = Type.Object({
  state: Type.Union([Type.Literal('paid'), Type.Literal('failed'), Type.Literal('unmatched'), Type.Literal('nothing_due'), Type.Literal('amount_mismatch')]),
  paymentId: Type.Union([Type.String(), Type.Null()]),
  dossierCode: Type.Union([Type.String(), Type.Null()]),
});

export const ImportResultSchema = Type.Object({
  matched: Type.Integer(),
  unmatched: Type.Integer(),
  amountMismatch: Type.Integer(),
  duplicate: Type.Integer(),
  lines: Type.Array(
    Type.Object({
      bankRef: Type.String(),
      state: Type.Union([Type.Literal('matched'), Type.Literal('unmatched'), Type.Literal('amount_mismatch'), Type.Literal('duplicate')]),
      dossierCode: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const BankTransferView = Type.Object({
  id: Type.String(),
  bankRef: Type.String(),
  amount: Type.Integer(),
  description: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  state: Type.Union([Type.Literal('matched'), Type.Literal('unmatched'), Type.Literal('amount_mismatch'), Type.Literal('duplicate')]),
  dossier: Type.Union([Type.Object({ id: Type.String(), code: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  importedAt: Type.String({ format: 'date-time' }),
});

/** The checkout token of the demo gateway: 32 random bytes, base64url. */
export const CheckoutToken = Type.String({ minLength: 40, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

const IntentState = Type.Union([Type.Literal('open'), Type.Literal('paid'), Type.Literal('cancelled')]);

export const CheckoutViewSchema = Type.Object({
  state: IntentState,
  amount: Type.Integer({ description: 'In đồng' }),
  dossierCode: Type.Union([Type.String(), Type.Null()]),
  procedureName: Type.String(),
  merchantName: Type.String({ description: 'The fee account holder, as the bank shows it' }),
  bankName: Type.String(),
  demo: Type.Literal(true, { description: 'The demo gateway: no money moves' }),
  expiresAt: Type.String({ format: 'date-time' }),
  returnUrl: Type.String({ description: 'Where to send the payer afterwards' }),
  paidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const CheckoutResultSchema = Type.Object({
  state: Type.Union([Type.Literal('paid'), Type.Literal('cancelled')]),
  paymentId: Type.Union([Type.String(), Type.Null()]),
  dossierCode: Type.Union([Type.String(), Type.Null()]),
  returnUrl: Type.String(),
});
