import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { QRPay } from 'vietnam-qr-pay';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { createTestAgency, createTestProcedure, insertTestDossier, signInTestPeople, type TestPeople } from '../documents/testing.js';
import { psDb } from '../tables.js';
import { newPaymentReference } from './index.js';
import { SIGNATURE_HEADER, signBody } from './gateway.js';

const SECRET = 'test-gateway-secret';
let t: TestPlatform;
let people: TestPeople;
let procedure: Awaited<ReturnType<typeof createTestProcedure>>;
let sxd: string;

before(async () => {
  t = await createTestPlatform({ seedDemo: false, env: { PAYMENT_GATEWAY_SECRET: SECRET, PAYMENT_BANK_BIN: '970436', PAYMENT_ACCOUNT_NUMBER: '0071000123456', PAYMENT_ACCOUNT_NAME: 'VAN PHONG UBND TINH' } });
  sxd = await createTestAgency(t.ctx, 'SXD', 'Sở Xây dựng');
  const stp = await createTestAgency(t.ctx, 'STP', 'Sở Tư pháp');
  procedure = await createTestProcedure(t.ctx, 'SXD');
  people = await signInTestPeople(t.app, t.ctx, sxd, stp);
});
after(() => t?.close());

/** A received dossier owing 125 000 đ with a fresh payment reference. */
const owing = (status = 4) =>
  insertTestDossier(t.ctx, { procedure, receivingAgencyId: sxd, applicantUserId: people.citizen.userId, status, feeTotal: 125000, feeStatus: 'unpaid', paymentReference: newPaymentReference() });

const get = (url: string, who?: SignedIn) => t.app.inject({ method: 'GET', url, ...(who ? { headers: who.headers } : {}) });
const paymentsOf = (dossierId: string) => psDb(t.ctx.db).selectFrom('dossier_payments').selectAll().where('dossier_id', '=', dossierId).execute();
const dossierRow = (id: string) => psDb(t.ctx.db).selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = (id: string) => psDb(t.ctx.db).selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).orderBy('id').execute();

function callback(body: Record<string, unknown>, signature?: string) {
  const payload = JSON.stringify(body);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/payments/gateway/callback',
    headers: { 'content-type': 'application/json', ...(signature !== undefined ? { [SIGNATURE_HEADER]: signature } : { [SIGNATURE_HEADER]: signBody(SECRET, payload) }) },
    payload,
  });
}

const importLines = (who: SignedIn, payload: unknown, contentType = 'application/json') =>
  t.app.inject({ method: 'POST', url: '/api/v1/payments/bank-transfers/import', headers: { ...who.writeHeaders, 'content-type': contentType }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

test('the payment view gives the owner the amount, the lines and a VietQR for exactly that amount and reference', async () => {
  const d = await owing();
  const res = await get(`/api/v1/dossiers/${d.id}/payment`, people.citizen);
  assert.equal(res.statusCode, 200, res.body);
  const view = res.json();
  assert.equal(view.amount, 125000);
  assert.equal(view.status, 'unpaid');
  assert.equal(view.reference, d.payment_reference);
  assert.deepEqual(view.lines.map((l: { code: string }) => l.code), ['LP', 'PTD']);
  const qr = new QRPay(view.vietqr.content);
  assert.equal(qr.isValid, true);
  assert.equal(qr.consumer.bankBin, '970436');
  assert.equal(qr.consumer.bankNumber, '0071000123456');
  assert.equal(qr.amount, '125000');
  assert.ok(qr.additionalData.purpose?.includes(d.payment_reference!));
  assert.equal(view.vietqr.accountName, 'VAN PHONG UBND TINH');
  assert.equal(view.vietqr.demo, false);
  assert.match(view.vietqr.qrSvg, /<svg/);
});

test('the payment view: staff of the agency and a leader read it; another citizen, an officer elsewhere get 404; anonymous 401', async () => {
  const d = await owing();
  const url = `/api/v1/dossiers/${d.id}/payment`;
  for (const who of [people.officer, people.agencyAdmin, people.leader]) assert.equal((await get(url, who)).statusCode, 200);
  for (const who of [people.otherCitizen, people.outsider]) assert.equal((await get(url, who)).statusCode, 404);
  assert.equal((await get(url)).statusCode, 401);
});

test('a counter payment with a receipt number marks the dossier paid, leaves a trail event and tells the applicant', async () => {
  const d = await owing();
  const pay = (who: SignedIn, body: Record<string, unknown>, id = d.id) => t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/payments/counter`, headers: who.writeHeaders, payload: body });
  const wrong = await pay(people.officer, { amount: 100000, receiptNumber: 'BL-0001' });
  assert.equal(wrong.statusCode, 422);
  assert.equal(wrong.json().code, 'amount_mismatch');
  assert.equal((await pay(people.outsider, { amount: 125000, receiptNumber: 'BL-0001' })).statusCode, 404, 'an officer of another agency cannot see it');
  assert.equal((await pay(people.citizen, { amount: 125000, receiptNumber: 'BL-0001' })).statusCode, 403, 'a citizen cannot record a payment');
  const ok = await pay(people.officer, { amount: 125000, receiptNumber: 'BL-0001' });
  assert.equal(ok.statusCode, 201, ok.body);
  const row = await dossierRow(d.id);
  assert.equal(row.fee_status, 'paid');
  assert.equal(row.status, 4, 'the status does not change');
  const [payment, ...more] = await paymentsOf(d.id);
  assert.equal(more.length, 0);
  assert.equal(payment!.method, 'counter');
  assert.equal(payment!.provider_ref, 'BL-0001');
  assert.equal(payment!.recorded_by, people.officer.userId);
  assert.equal((await events(d.id)).at(-1)!.action, 'payment_received');
  const again = await pay(people.officer, { amount: 125000, receiptNumber: 'BL-0002' });
  assert.equal(again.json().code, 'nothing_due', 'a paid dossier takes no second payment');
  const other = await owing();
  assert.equal((await pay(people.officer, { amount: 125000, receiptNumber: 'BL-0001' }, other.id)).json().code, 'receipt_number_used');
  const view = (await get(`/api/v1/dossiers/${d.id}/payment`, people.citizen)).json();
  assert.equal(view.vietqr, null, 'nothing left to transfer');
  assert.equal(view.payments[0].online, false, 'cash at the counter is not paid online (766 indicator 3.6)');
  const inbox = JSON.stringify((await get('/api/v1/notifications', people.citizen)).json());
  assert.ok(inbox.includes(d.code!), 'the applicant was told');
  const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', d.id).execute();
  assert.ok(audit.some((a) => a.action === 'dossier.payment_recorded'));
});

test('a bank statement: matched by reference in any spelling, unmatched, amount mismatch, a repeated line and a second transfer for a paid dossier', async () => {
  const a = await owing();
  const b = await owing();
  const c = await owing();
  const suffix = Date.now().toString(36);
  const spaced = `${a.payment_reference!.slice(0, 6).toLowerCase()} ${a.payment_reference!.slice(6).toLowerCase()}`;
  const lines = [
    { bank_ref: `FT-A-${suffix}`, amount: 125000, description: `NGUYEN THI HOA chuyen tien ${spaced} nop phi`, received_at: '02/12/2025 10:15' },
    { bank_ref: `FT-X-${suffix}`, amount: 125000, description: 'chuyen tien hoc phi', received_at: '2025-12-02T03:20:00Z' },
    { bank_ref: `FT-B-${suffix}`, amount: 120000, description: `${b.payment_reference} NOP PHI`, received_at: '02/12/2025 10:30' },
    { bank_ref: `FT-A-${suffix}`, amount: 125000, description: 'the same line twice', received_at: '02/12/2025 10:15' },
    { bank_ref: `FT-A2-${suffix}`, amount: 125000, description: `${a.payment_reference} lan 2`, received_at: '02/12/2025 11:00' },
  ];
  const res = await importLines(people.agencyAdmin, lines);
  assert.equal(res.statusCode, 200, res.body);
  const result = res.json();
  assert.deepEqual({ matched: result.matched, unmatched: result.unmatched, amountMismatch: result.amountMismatch, duplicate: result.duplicate }, { matched: 1, unmatched: 1, amountMismatch: 1, duplicate: 2 });
  assert.deepEqual(result.lines.map((l: { state: string }) => l.state), ['matched', 'unmatched', 'amount_mismatch', 'duplicate', 'duplicate']);
  assert.equal((await dossierRow(a.id)).fee_status, 'paid');
  assert.equal((await dossierRow(b.id)).fee_status, 'unpaid', 'a wrong amount pays nothing');
  const paid = await paymentsOf(a.id);
  assert.equal(paid.length, 1, 'one payment, not two');
  assert.equal(paid[0]!.method, 'bank_transfer');
  assert.equal(paid[0]!.paid_at.toISOString(), '2025-12-02T03:15:00.000Z', 'the statement time, read as Vietnam time');
  const second = await psDb(t.ctx.db).selectFrom('bank_transfers').selectAll().where('bank_ref', '=', `FT-A2-${suffix}`).executeTakeFirstOrThrow();
  assert.equal(second.match_state, 'duplicate');
  assert.equal(second.dossier_id, a.id, 'kept with its dossier, for a refund');

  const replay = (await importLines(people.agencyAdmin, lines)).json();
  assert.equal(replay.duplicate, 5, 'importing the same statement again changes nothing');
  assert.equal((await paymentsOf(a.id)).length, 1);

  const csv = `bank_ref,amount,description,received_at\nFT-C-${suffix},"125.000","Tran Van B, ${c.payment_reference}",02/12/2025 14:00\n`;
  const fromCsv = await importLines(people.agencyAdmin, csv, 'text/csv');
  assert.equal(fromCsv.statusCode, 200, fromCsv.body);
  assert.equal(fromCsv.json().matched, 1);
  assert.equal((await dossierRow(c.id)).fee_status, 'paid');
  const view = (await get(`/api/v1/dossiers/${c.id}/payment`, people.citizen)).json();
  assert.equal(view.payments[0].online, true, 'a bank transfer counts as paid online');

  const list = await get('/api/v1/payments/bank-transfers?state=unmatched', people.agencyAdmin);
  assert.equal(list.statusCode, 200);
  assert.ok(list.json().items.some((i: { bankRef: string }) => i.bankRef === `FT-X-${suffix}`));
  assert.ok(list.json().items.every((i: { state: string }) => i.state === 'unmatched'));
});

test('only agency and system administrators import statements or list transfers', async () => {
  for (const who of [people.officer, people.citizen, people.leader]) {
    assert.equal((await importLines(who, [])).statusCode, 403);
    assert.equal((await get('/api/v1/payments/bank-transfers', who)).statusCode, 403);
  }
  const bad = await importLines(people.agencyAdmin, [{ bank_ref: 'X', amount: '12abc', description: 'x', received_at: '31/02/2025' }]);
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().code, 'invalid_statement');
  assert.match(bad.json().message.en, /Line 1/);
});

test('an agency admin lists the transfers of the agency’s dossiers and the unmatched, not another agency’s', async () => {
  const stpProcedure = await createTestProcedure(t.ctx, 'STP');
  const stp = await createTestAgency(t.ctx, 'STP', 'Sở Tư pháp');
  const elsewhere = await insertTestDossier(t.ctx, { procedure: stpProcedure, receivingAgencyId: stp, status: 4, feeTotal: 125000, feeStatus: 'unpaid', paymentReference: newPaymentReference() });
  const mine = await owing();
  const suffix = Date.now().toString(36);
  await importLines(people.agencyAdmin, [
    { bank_ref: `FT-E-${suffix}`, amount: 125000, description: elsewhere.payment_reference!, received_at: '2025-12-03T02:00:00Z' },
    { bank_ref: `FT-M-${suffix}`, amount: 125000, description: mine.payment_reference!, received_at: '2025-12-03T02:00:00Z' },
  ]);
  const refs = (await get('/api/v1/payments/bank-transfers?limit=200', people.agencyAdmin)).json().items.map((i: { bankRef: string }) => i.bankRef);
  assert.ok(refs.includes(`FT-M-${suffix}`));
  assert.ok(!refs.includes(`FT-E-${suffix}`));
});

test('the gateway callback refuses a missing or wrong signature (403) before looking at the body; a signed bad body is 400', async () => {
  const d = await owing();
  const body = { transactionId: 'GW-BAD-1', reference: d.payment_reference, amount: 125000, status: 'success' };
  assert.equal((await callback(body, '')).statusCode, 403);
  assert.equal((await callback(body, signBody('not-the-secret', JSON.stringify(body)))).statusCode, 403);
  const junk = await t.app.inject({ method: 'POST', url: '/api/v1/payments/gateway/callback', headers: { 'content-type': 'application/json' }, payload: '{"x":1}' });
  assert.equal(junk.statusCode, 403);
  assert.equal((await callback({ ...body, amount: 'một trăm' })).statusCode, 400);
  assert.equal((await paymentsOf(d.id)).length, 0);
  assert.equal((await dossierRow(d.id)).fee_status, 'unpaid');
});

test('a gateway payment for a dossier waiting for payment (6) pays it and returns it to processing (4); a replay answers the same and pays nothing more', async () => {
  const d = await owing(6);
  const body = { transactionId: `GW-${d.id}`, reference: d.payment_reference, amount: 125000, status: 'success', paidAt: '2025-12-04T01:00:00Z' };
  const first = await callback(body);
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json().state, 'paid');
  const row = await dossierRow(d.id);
  assert.equal(row.fee_status, 'paid');
  assert.equal(row.status, 4);
  assert.ok((await events(d.id)).some((e) => e.action === 'payment_received' && e.from_status === 6 && e.to_status === 4));
  const replay = await callback(body);
  assert.equal(replay.statusCode, 200);
  assert.deepEqual(replay.json(), first.json());
  const payments = await paymentsOf(d.id);
  assert.equal(payments.length, 1);
  assert.equal(payments[0]!.method, 'gateway');
});

test('concurrent replays of one gateway notice record exactly one payment and all answer with it', async () => {
  const d = await owing();
  const body = { transactionId: `GW-C-${d.id}`, reference: d.payment_reference, amount: 125000, status: 'success' };
  const answers = await Promise.all(Array.from({ length: 5 }, () => callback(body)));
  for (const a of answers) assert.equal(a.statusCode, 200, a.body);
  assert.equal(new Set(answers.map((a) => a.json().paymentId)).size, 1);
  assert.equal((await paymentsOf(d.id)).length, 1);
  assert.equal((await events(d.id)).filter((e) => e.action === 'payment_received').length, 1);
});

test('a gateway notice with the wrong amount or a failed status pays nothing', async () => {
  const d = await owing();
  const short = await callback({ transactionId: `GW-S-${d.id}`, reference: d.payment_reference, amount: 1000, status: 'success' });
  assert.equal(short.json().state, 'amount_mismatch');
  const failed = await callback({ transactionId: `GW-F-${d.id}`, reference: d.payment_reference, amount: 125000, status: 'failed' });
  assert.equal(failed.json().state, 'failed');
  const unknown = await callback({ transactionId: `GW-U-${d.id}`, reference: 'TSZZZZZZZZZZ', amount: 125000, status: 'success' });
  assert.equal(unknown.json().state, 'unmatched');
  assert.equal((await paymentsOf(d.id)).length, 0);
});

test('the owner starts an online payment and is sent to the demo gateway’s checkout with a token', async () => {
  const d = await owing();
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/payments/gateway`, headers: people.citizen.writeHeaders, payload: {} });
  assert.equal(res.statusCode, 200, res.body);
  const url = new URL(res.json().redirectUrl);
  assert.equal(url.pathname, '/dich-vu-cong/thanh-toan/demo');
  assert.match(url.searchParams.get('token') ?? '', /^[A-Za-z0-9_-]{43}$/, 'an unguessable checkout token');
  assert.ok(!url.search.includes(d.payment_reference!), 'the address carries the token only');
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/payments/gateway`, headers: people.officer.writeHeaders, payload: {} })).statusCode, 404, 'only the owner pays');
});
