import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QRPay } from 'vietnam-qr-pay';
import { loadConfig } from '../../../platform/config/config.js';
import { TEST_FEES } from '../documents/testing.js';
import { assessFees, newPaymentReference } from './index.js';
import { buildVietQr, transferPurpose } from './vietqr.js';
import { csvRows, parseAmount, parseReceivedAt, parseStatementCsv, referenceCandidates } from './statement.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import { DemoGateway, SIGNATURE_HEADER, demoGateway, paymentGateway, signBody } from './gateway.js';

test('fees: no exemption claimed → every fee in full', () => {
  const a = assessFees(TEST_FEES, []);
  assert.equal(a.total, 125000);
  assert.deepEqual(a.lines.map((l) => [l.code, l.amount, l.exemptedBy]), [['LP', 75000, null], ['PTD', 50000, null]]);
});

test('fees: an exemption on the fee’s own list removes that fee only', () => {
  const a = assessFees(TEST_FEES, ['NCC']);
  assert.equal(a.total, 50000);
  assert.deepEqual(a.lines.map((l) => [l.code, l.amount, l.exemptedBy]), [['LP', 0, 'NCC'], ['PTD', 50000, null]]);
});

test('fees: an exemption code that no fee lists changes nothing', () => {
  assert.equal(assessFees(TEST_FEES, ['KHONG-CO']).total, 125000);
  assert.equal(assessFees([], ['NCC']).total, 0);
});

test('payment references are "TS" + 10 characters without look-alikes, and differ', () => {
  const refs = new Set(Array.from({ length: 200 }, () => newPaymentReference()));
  assert.equal(refs.size, 200);
  for (const r of refs) assert.match(r, /^TS[A-HJ-NP-Z2-9]{10}$/);
});

test('the VietQR decodes (vietnam-qr-pay) to the configured account, the amount owed and the reference', async () => {
  const config = loadConfig({ NODE_ENV: 'test', PAYMENT_BANK_BIN: '970415', PAYMENT_ACCOUNT_NUMBER: '113366668888', PAYMENT_ACCOUNT_NAME: 'SO TAI CHINH TINH QUANG TRI' });
  const qr = await buildVietQr(config.payment, 125000, 'TSABCDEFGHJK');
  const decoded = new QRPay(qr.content);
  assert.equal(decoded.isValid, true, 'the CRC checks');
  assert.equal(decoded.consumer.bankBin, '970415');
  assert.equal(decoded.consumer.bankNumber, '113366668888');
  assert.equal(decoded.amount, '125000');
  assert.equal(decoded.additionalData.purpose, transferPurpose('TSABCDEFGHJK'));
  assert.match(qr.bankName, /VietinBank/);
  assert.equal(qr.demo, false);
  assert.match(qr.qrSvg, /^<svg[\s\S]*<\/svg>\s*$/);
});

test('without a configured account the demo account is used and flagged as demo', async () => {
  const config = loadConfig({ NODE_ENV: 'test' });
  assert.equal(config.payment.demoAccount, true);
  const qr = await buildVietQr(config.payment, 50000, 'TSABCDEFGHJK');
  assert.equal(qr.demo, true);
  assert.match(qr.accountName, /DEMO/);
  assert.equal(new QRPay(qr.content).consumer.bankNumber, config.payment.accountNumber);
});

test('the references in a transfer description are found whatever the case, spacing or punctuation', () => {
  assert.deepEqual(referenceCandidates('TSABCDEFGHJK NOP PHI'), ['TSABCDEFGHJK']);
  assert.ok(referenceCandidates('chuyen tien ts abcd-efgh jk nop phi').includes('TSABCDEFGHJK'));
  assert.ok(referenceCandidates('NGUYEN VAN A CK.TSABCDEFGHJK.FT2533').includes('TSABCDEFGHJK'));
  assert.deepEqual(referenceCandidates('thanh toan tien dien'), []);
  assert.deepEqual(referenceCandidates('TS0BCDEFGHJK'), [], 'a zero is not in the alphabet');
});

test('a CSV statement: header in any order, quoted commas, Vietnamese amounts and dd/mm/yyyy times in Vietnam time', () => {
  const csv = '\uFEFFamount,bank_ref,received_at,description\r\n"125.000",FT001,02/12/2025 09:30,"Nguyen Van A, TSABCDEFGHJK"\r\n50000,FT002,2025-12-02T03:00:00Z,khac\r\n';
  const lines = parseStatementCsv(csv);
  assert.equal(lines.length, 2);
  assert.deepEqual(lines[0], { bankRef: 'FT001', amount: 125000, description: 'Nguyen Van A, TSABCDEFGHJK', receivedAt: new Date('2025-12-02T02:30:00Z') });
  assert.equal(lines[1]!.receivedAt.toISOString(), '2025-12-02T03:00:00.000Z');
  assert.deepEqual(csvRows('a,"b ""c"""\n'), [['a', 'b "c"']]);
  assert.equal(parseAmount('1,250,000'), 1250000);
  assert.equal(parseAmount('-5'), null);
  assert.equal(parseReceivedAt('31/02/2025'), null);
  assert.equal(parseReceivedAt('hôm qua'), null);
  assert.throws(() => parseStatementCsv('bank_ref,amount\nFT1,100\n'), /lacks the columns: description, received_at/);
  assert.throws(() => parseStatementCsv('bank_ref,amount,description,received_at\nFT1,abc,x,02/12/2025\n'), /Line 1/);
});

test('the demo gateway accepts its own signature only, and its checkout signs notices that verify', () => {
  // The database is used only to open checkouts (tested through the API in demo-checkout.test.ts).
  const gateway = new DemoGateway('secret-1', 'https://dvc.example.vn', {} as Kysely<Database>);
  const body = JSON.stringify({ transactionId: 'T1', reference: 'TSABCDEFGHJK', amount: 125000, status: 'success' });
  const notice = gateway.verifyCallback({ [SIGNATURE_HEADER]: signBody('secret-1', body) }, body);
  assert.equal(notice.transactionId, 'T1');
  assert.equal(notice.amount, 125000);
  assert.throws(() => gateway.verifyCallback({ [SIGNATURE_HEADER]: signBody('another', body) }, body), /signature/);
  assert.throws(() => gateway.verifyCallback({}, body), /signature/);
  assert.throws(() => gateway.verifyCallback({ [SIGNATURE_HEADER]: signBody('secret-1', body) }, body.replace('125000', '1')), /signature/, 'a changed body breaks the signature');
  const signed = gateway.signedNotice({ transactionId: 'demo-1', reference: 'TSABCDEFGHJK', amount: 125000, status: 'success', paidAt: new Date('2025-12-04T01:00:00Z') });
  assert.equal(signed.headers[SIGNATURE_HEADER], signBody('secret-1', signed.rawBody));
  const own = gateway.verifyCallback(signed.headers, signed.rawBody);
  assert.deepEqual({ ...own, paidAt: own.paidAt.toISOString() }, { provider: 'demo', transactionId: 'demo-1', reference: 'TSABCDEFGHJK', amount: 125000, status: 'success', paidAt: '2025-12-04T01:00:00.000Z' });
});

test('in production without PAYMENT_GATEWAY_SECRET there is no gateway and the demo checkout answers 503', () => {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://' });
  const db = {} as Kysely<Database>;
  assert.ok(demoGateway({ config, db }) instanceof DemoGateway, 'outside production the demo gateway runs on the development secret');
  const unconfigured = loadConfig({ NODE_ENV: 'production', DATA_DIR: 'memory://' });
  assert.equal(paymentGateway({ config: unconfigured, db }), undefined);
  assert.throws(() => demoGateway({ config: unconfigured, db }), (e: { status?: number; code?: string }) => e.status === 503 && e.code === 'gateway_not_configured');
});
