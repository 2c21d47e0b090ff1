import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { createTestAgency, createTestProcedure, insertTestDossier, signInTestPeople, TEST_APPLICANT, type TestPeople } from '../documents/testing.js';
import { psDb } from '../tables.js';
import { newPaymentReference } from './index.js';
import { newCheckoutToken } from './demo-intents.js';

let t: TestPlatform;
let people: TestPeople;
let procedure: Awaited<ReturnType<typeof createTestProcedure>>;
let sxd: string;
const CHECKOUT = '/api/v1/payments/demo-gateway/checkout';

before(async () => {
  t = await createTestPlatform({ seedDemo: false, env: { PAYMENT_GATEWAY_SECRET: 'test-gateway-secret', PAYMENT_BANK_BIN: '970436', PAYMENT_ACCOUNT_NUMBER: '0071000123456', PAYMENT_ACCOUNT_NAME: 'VAN PHONG UBND TINH' } });
  sxd = await createTestAgency(t.ctx, 'SXD', 'Sở Xây dựng');
  const stp = await createTestAgency(t.ctx, 'STP', 'Sở Tư pháp');
  procedure = await createTestProcedure(t.ctx, 'SXD');
  people = await signInTestPeople(t.app, t.ctx, sxd, stp);
});
after(() => t?.close());

/** A received dossier owing 125 000 đ, and a checkout its owner opened (the token from the redirect address). */
async function opened(status = 4) {
  const dossier = await insertTestDossier(t.ctx, { procedure, receivingAgencyId: sxd, applicantUserId: people.citizen.userId, status, feeTotal: 125000, feeStatus: 'unpaid', paymentReference: newPaymentReference() });
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier.id}/payments/gateway`, headers: people.citizen.writeHeaders, payload: { returnUrl: `/dich-vu-cong/ho-so/${dossier.id}` } });
  assert.equal(res.statusCode, 200, res.body);
  const token = new URL(res.json().redirectUrl).searchParams.get('token')!;
  return { dossier, token };
}

// The payer is sent here by the gateway: no session is needed, the token is the key.
const view = (token: string) => t.app.inject({ method: 'GET', url: `${CHECKOUT}?token=${encodeURIComponent(token)}` });
const act = (action: 'pay' | 'cancel', token: string) => t.app.inject({ method: 'POST', url: `${CHECKOUT}/${action}`, payload: { token } });
const dossierRow = (id: string) => psDb(t.ctx.db).selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const paymentsOf = (id: string) => psDb(t.ctx.db).selectFrom('dossier_payments').selectAll().where('dossier_id', '=', id).execute();
const events = (id: string) => psDb(t.ctx.db).selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).orderBy('id').execute();

test('the checkout shows amount, dossier code and payee, labelled demo, and none of the applicant’s data', async () => {
  const { dossier, token } = await opened();
  const res = await view(token);
  assert.equal(res.statusCode, 200, res.body);
  const v = res.json();
  assert.equal(v.state, 'open');
  assert.equal(v.amount, 125000);
  assert.equal(v.dossierCode, dossier.code);
  assert.equal(v.procedureName, 'Cấp giấy phép xây dựng nhà ở riêng lẻ');
  assert.equal(v.merchantName, 'VAN PHONG UBND TINH');
  assert.match(v.bankName, /Vietcombank/i);
  assert.equal(v.demo, true);
  assert.equal(v.returnUrl, `${t.config.publicUrl}/dich-vu-cong/ho-so/${dossier.id}`);
  assert.ok(new Date(v.expiresAt).getTime() > Date.now());
  for (const [field, value] of Object.entries(TEST_APPLICANT)) assert.ok(!res.body.includes(value as string), `the applicant's ${field} is not shown`);
  assert.ok(!res.body.includes(dossier.payment_reference!), 'nor the payment reference');
  const intent = await t.ctx.db.withTables<{ demo_gateway_intents: { token_hash: string; dossier_id: string } }>().selectFrom('demo_gateway_intents').select('token_hash').where('dossier_id', '=', dossier.id).executeTakeFirstOrThrow();
  assert.notEqual(intent.token_hash, token, 'only a hash of the token is stored');
});

test('paying records a gateway payment through the signed notice path: the dossier is paid, waiting (6) returns to processing (4)', async () => {
  const { dossier, token } = await opened(6);
  const res = await act('pay', token);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().state, 'paid');
  assert.equal(res.json().dossierCode, dossier.code);
  const row = await dossierRow(dossier.id);
  assert.equal(row.fee_status, 'paid');
  assert.equal(row.status, 4);
  const [payment, ...more] = await paymentsOf(dossier.id);
  assert.equal(more.length, 0);
  assert.equal(payment!.id, res.json().paymentId);
  assert.equal(payment!.method, 'gateway');
  assert.equal(payment!.provider, 'demo');
  assert.match(payment!.provider_ref, /^demo-[0-9a-f-]{36}$/, 'the gateway transaction id is the intent’s');
  assert.ok((await events(dossier.id)).some((e) => e.action === 'payment_received' && e.from_status === 6 && e.to_status === 4));
  const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_label']).where('target_id', '=', dossier.id).execute();
  assert.ok(audit.some((a) => a.action === 'dossier.payment_recorded' && a.actor_label === 'payment-gateway:demo'), 'recorded by the gateway callback writer');
  const after = (await view(token)).json();
  assert.equal(after.state, 'paid');
  assert.ok(after.paidAt);
  const owner = (await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossier.id}/payment`, headers: people.citizen.headers })).json();
  assert.equal(owner.status, 'paid');
  assert.equal(owner.payments[0].online, true, 'a gateway payment is paid online (766 indicator 3.6)');
});

test('pressing pay again, even at the same time, answers the first payment and pays nothing more', async () => {
  const { dossier, token } = await opened();
  const answers = await Promise.all([act('pay', token), act('pay', token), act('pay', token)]);
  for (const a of answers) assert.equal(a.statusCode, 200, a.body);
  assert.equal(new Set(answers.map((a) => a.json().paymentId)).size, 1);
  const again = await act('pay', token);
  assert.deepEqual(again.json(), answers[0]!.json());
  assert.equal((await paymentsOf(dossier.id)).length, 1);
  assert.equal((await events(dossier.id)).filter((e) => e.action === 'payment_received').length, 1);
  assert.equal((await act('cancel', token)).json().code, 'payment_intent_settled', 'a paid checkout cannot be cancelled');
});

test('an unknown or expired token is 404 for every action; a malformed one is 400', async () => {
  const unknown = newCheckoutToken();
  for (const res of [await view(unknown), await act('pay', unknown), await act('cancel', unknown)]) {
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, 'payment_intent_not_found');
    assert.ok(res.json().message.vi && res.json().message.en, 'in both languages');
  }
  const { dossier, token } = await opened();
  await t.ctx.db.withTables<{ demo_gateway_intents: { dossier_id: string; expires_at: Date } }>().updateTable('demo_gateway_intents').set({ expires_at: new Date(Date.now() - 1000) }).where('dossier_id', '=', dossier.id).execute();
  assert.equal((await view(token)).statusCode, 404);
  assert.equal((await act('pay', token)).json().code, 'payment_intent_not_found');
  assert.equal((await dossierRow(dossier.id)).fee_status, 'unpaid');
  assert.equal((await view('short')).statusCode, 400);
});

test('cancel leaves the dossier unpaid and the link can no longer pay; a new checkout still can', async () => {
  const { dossier, token } = await opened();
  const cancelled = await act('cancel', token);
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  assert.equal(cancelled.json().state, 'cancelled');
  assert.equal((await act('cancel', token)).statusCode, 200, 'cancelling twice answers the same');
  assert.equal((await view(token)).json().state, 'cancelled');
  const pay = await act('pay', token);
  assert.equal(pay.statusCode, 409);
  assert.equal(pay.json().code, 'payment_intent_settled');
  assert.equal((await dossierRow(dossier.id)).fee_status, 'unpaid');
  assert.equal((await paymentsOf(dossier.id)).length, 0);
  const next = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier.id}/payments/gateway`, headers: people.citizen.writeHeaders, payload: {} });
  const fresh = new URL(next.json().redirectUrl).searchParams.get('token')!;
  assert.equal((await act('pay', fresh)).json().state, 'paid');
});

test('a second checkout for a dossier already paid through the first answers 409 nothing_due', async () => {
  const { dossier, token } = await opened();
  const second = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossier.id}/payments/gateway`, headers: people.citizen.writeHeaders, payload: {} });
  const other = new URL(second.json().redirectUrl).searchParams.get('token')!;
  assert.equal((await act('pay', token)).json().state, 'paid');
  for (const res of [await view(other), await act('pay', other)]) {
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'nothing_due');
  }
  assert.equal((await paymentsOf(dossier.id)).length, 1);
});
