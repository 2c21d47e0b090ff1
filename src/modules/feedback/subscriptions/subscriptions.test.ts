import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signInAs, type SignedIn } from '../../../platform/testing/sign-in.js';
import { BATCH, runDigests } from './digest.js';
import { hashToken, newSubscriptionKey } from './token.js';

let t: TestPlatform;
let centre: { lat: number; lng: number };
let officer: SignedIn;
before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '1000', FEEDBACK_SUBSCRIBE_PER_HOUR: '6', FEEDBACK_SUBSCRIBE_PER_ADDRESS_PER_DAY: '3' } });
  const unit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/18880' })).json();
  centre = { lat: unit.centroid.lat, lng: unit.centroid.lng };
  officer = await signInAs(t.app, 'officer');
});
after(() => t.close());

// Each test gets its own client address, so the per-address limit of one test does not touch another.
let ipCounter = 10;
const nextIp = () => `198.51.100.${ipCounter++}`;
/** Digests read only settled events (older than two minutes): run them as if a little later. */
const later = () => new Date(Date.now() + 10 * 60_000);

async function newReport(extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', headers, payload: { categoryCode: 'hu-hong-duong', description: 'Ổ gà sâu trước nhà số 12, đường Lý Thường Kiệt.', ...centre, ...extra } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; trackingCode: string };
}

function subscribe(payload: Record<string, unknown>, ip = nextIp()) {
  return t.app.inject({ method: 'POST', url: '/api/v1/feedback/subscriptions', payload, remoteAddress: ip });
}

function mailsTo(email: string) {
  return t.ctx.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', email).orderBy('seq').execute();
}

function tokenIn(text: string): string {
  const m = /xac-nhan\?token=([A-Za-z0-9_-]{43})/.exec(text) ?? /huy\?token=([A-Za-z0-9_-]{43})/.exec(text);
  assert.ok(m, `no link in: ${text}`);
  return m[1]!;
}

function subscriptionsOf(email: string) {
  return t.ctx.db.withTables<{ feedback_subscriptions: { email: string; scope: string; confirmed_at: Date | null; user_id: string | null; last_event_id: string; token_hash: string } }>().selectFrom('feedback_subscriptions').selectAll().where('email', '=', email).execute();
}

async function act(reportId: string, action: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${reportId}/actions`, headers: officer.writeHeaders, payload: action });
  assert.equal(res.statusCode, 200, res.body);
}

const confirm = (token: string) => t.app.inject({ method: 'POST', url: '/api/v1/feedback/subscriptions/confirm', payload: { token } });

test('subscribing mails a confirmation link and nothing else is sent until it is opened (double opt-in)', async () => {
  const report = await newReport();
  const email = 'theo.doi.1@example.vn';
  const res = await subscribe({ email, scope: 'report', reportId: report.id });
  assert.equal(res.statusCode, 202, res.body);
  const [mail] = await mailsTo(email);
  assert.match(mail!.text_body, new RegExp(report.trackingCode));
  const token = tokenIn(mail!.text_body);
  const [row] = await subscriptionsOf(email);
  assert.equal(row!.confirmed_at, null);
  assert.equal(row!.token_hash, hashToken(token), 'only the SHA-256 of the link token is stored');
  assert.ok(!JSON.stringify(row).includes(token), 'the token itself is nowhere in the row');

  await act(report.id, { action: 'accept' });
  await runDigests(t.ctx, later());
  assert.equal((await mailsTo(email)).length, 1, 'no digest before confirmation');

  const confirmed = await confirm(token);
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.equal(confirmed.json().trackingCode, report.trackingCode);
  assert.equal((await confirm(token)).statusCode, 200, 'opening the link twice is harmless');
  await runDigests(t.ctx, later());
  const mails = await mailsTo(email);
  assert.equal(mails.length, 2, 'after confirmation the waiting update is mailed');
  assert.match(mails[1]!.text_body, /đã tiếp nhận/);
});

test("a digest names the report, its category, commune and step, and none of the reporter's or officer's personal data", async () => {
  const email = 'xa.dong.hoi@example.vn';
  await subscribe({ email, scope: 'commune', communeCode: '18880' });
  assert.equal((await confirm(tokenIn((await mailsTo(email))[0]!.text_body))).statusCode, 200);
  const report = await newReport({ description: 'Cống bị tắc gần chợ, nước tràn lên đường.', contact: { name: 'Trần Thị Bích', phone: '0912345678', email: 'bich.tran@example.vn' } });
  await runDigests(t.ctx, later());
  const digest = (await mailsTo(email)).at(-1)!;
  assert.match(digest.text_body, new RegExp(report.trackingCode));
  assert.match(digest.text_body, /Hư hỏng|đường/i, 'the category is named');
  assert.match(digest.text_body, new RegExp(`/phan-anh/${report.trackingCode}`), 'it links to the public tracking page');
  assert.match(digest.text_body, /huy\?token=/, 'every digest carries the unsubscribe link');
  for (const personal of ['Trần Thị Bích', 'Bích', '0912345678', 'bich.tran@example.vn', 'Cống bị tắc', 'Sở Xây dựng']) {
    assert.ok(!digest.text_body.includes(personal) && !digest.subject.includes(personal), `the digest must not contain "${personal}"`);
  }
});

test('the cursor advances with the mail: a second run sends nothing new, a later event is sent once', async () => {
  const report = await newReport();
  const email = 'con.tro@example.vn';
  await subscribe({ email, scope: 'report', reportId: report.id });
  await confirm(tokenIn((await mailsTo(email))[0]!.text_body));
  await act(report.id, { action: 'accept' });
  await runDigests(t.ctx, later());
  const [afterFirst] = await subscriptionsOf(email);
  assert.ok(BigInt(afterFirst!.last_event_id) > 0n);
  await runDigests(t.ctx, later());
  assert.equal((await mailsTo(email)).length, 2, 'confirmation and one digest, not two');
  await act(report.id, { action: 'start' });
  await runDigests(t.ctx, later());
  const mails = await mailsTo(email);
  assert.equal(mails.length, 3);
  assert.match(mails[2]!.text_body, /đang xử lý/);
  assert.doesNotMatch(mails[2]!.text_body, /đã tiếp nhận/, 'the earlier step is not repeated');
  const [afterSecond] = await subscriptionsOf(email);
  assert.ok(BigInt(afterSecond!.last_event_id) > BigInt(afterFirst!.last_event_id));
});

test('events newer than the settling delay wait for a later run', async () => {
  const report = await newReport();
  const email = 'cho.on.dinh@example.vn';
  await subscribe({ email, scope: 'report', reportId: report.id });
  await confirm(tokenIn((await mailsTo(email))[0]!.text_body));
  await act(report.id, { action: 'accept' });
  await runDigests(t.ctx, new Date());
  assert.equal((await mailsTo(email)).length, 1, 'an event of a moment ago may still have an uncommitted neighbour');
  await runDigests(t.ctx, later());
  assert.equal((await mailsTo(email)).length, 2);
});

test('the unsubscribe link from any mail removes the subscription (and the address) at once', async () => {
  const report = await newReport();
  const email = 'huy.dang.ky@example.vn';
  await subscribe({ email, scope: 'report', reportId: report.id });
  await confirm(tokenIn((await mailsTo(email))[0]!.text_body));
  await act(report.id, { action: 'accept' });
  await runDigests(t.ctx, later());
  const digest = (await mailsTo(email)).at(-1)!;
  const token = /huy\?token=([A-Za-z0-9_-]{43})/.exec(digest.text_body)![1]!;
  // RFC 8058 one-click: a form POST with the token in the address.
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/subscriptions/unsubscribe?token=${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().removed, true);
  assert.equal((await subscriptionsOf(email)).length, 0);
  const again = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/subscriptions/unsubscribe', payload: { token } });
  assert.deepEqual(again.json(), { removed: false, subscription: null }, 'a second click is not an error');
  await act(report.id, { action: 'start' });
  await runDigests(t.ctx, later());
  assert.equal((await mailsTo(email)).length, 2, 'nothing after unsubscribing');
  assert.equal((await confirm(token)).statusCode, 404);
});

test('subscribing again does not duplicate and answers exactly as the first time, confirmed or not', async () => {
  const email = 'lap.lai@example.vn';
  const first = await subscribe({ email, scope: 'category', categoryCode: 'hu-hong-duong' });
  const second = await subscribe({ email: 'Lap.Lai@Example.vn', scope: 'category', categoryCode: 'hu-hong-duong' });
  assert.equal(second.statusCode, first.statusCode);
  assert.deepEqual(second.json(), first.json());
  assert.equal((await subscriptionsOf(email)).length, 1);
  const mails = await mailsTo(email);
  assert.equal(tokenIn(mails[1]!.text_body), tokenIn(mails[0]!.text_body), 'the same link works from either mail');
  await confirm(tokenIn(mails[0]!.text_body));
  const third = await subscribe({ email, scope: 'category', categoryCode: 'hu-hong-duong' });
  assert.deepEqual({ status: third.statusCode, body: third.json() }, { status: first.statusCode, body: first.json() });
  assert.equal((await subscriptionsOf(email)).length, 1);
  assert.match((await mailsTo(email)).at(-1)!.subject, /đang theo dõi/, 'the owner of the address is reminded instead');
});

test('an unknown report, category or commune is refused with 422 and the field named', async () => {
  const res = await subscribe({ email: 'sai@example.vn', scope: 'commune', communeCode: '99999' });
  assert.equal(res.statusCode, 422);
  assert.equal(res.json().code, 'unknown_target');
  assert.equal(res.json().errors[0].field, 'body.communeCode');
  assert.equal((await subscribe({ email: 'sai@example.vn', scope: 'report' })).statusCode, 422);
  assert.equal((await subscribe({ email: 'khong-phai-thu', scope: 'category', categoryCode: 'hu-hong-duong' })).statusCode, 400);
});

test('subscriptions are rate-limited per address and per client address (IP)', async () => {
  const email = 'gioi.han@example.vn';
  const codes = [];
  for (let i = 0; i < 4; i++) codes.push((await subscribe({ email, scope: 'category', categoryCode: 'hu-hong-duong' })).statusCode);
  assert.deepEqual(codes, [202, 202, 202, 429], 'the fourth for one address in a day is refused, from any IP');
  const ip = nextIp();
  const fromOneIp = [];
  for (let i = 0; i < 7; i++) fromOneIp.push((await subscribe({ email: `ip.${i}@example.vn`, scope: 'category', categoryCode: 'hu-hong-duong' }, ip)).statusCode);
  assert.deepEqual(fromOneIp, [202, 202, 202, 202, 202, 202, 429], 'the seventh from one IP in an hour is refused');
  const limited = await subscribe({ email: 'ip.9@example.vn', scope: 'category', categoryCode: 'hu-hong-duong' }, ip);
  assert.ok(limited.json().message.vi && limited.json().message.en);
});

test('a signed-in person follows and unfollows a report with one click, and gets in-app notices', async () => {
  const citizen = await signInAs(t.app, 'citizen');
  const report = await newReport();
  const url = `/api/v1/feedback/reports/${report.id}/follow`;
  assert.equal((await t.app.inject({ method: 'POST', url })).statusCode, 401, 'visitors subscribe by e-mail instead');
  assert.deepEqual((await t.app.inject({ method: 'GET', url, headers: citizen.headers })).json(), { following: false });
  assert.deepEqual((await t.app.inject({ method: 'POST', url, headers: citizen.writeHeaders })).json(), { following: true });
  assert.deepEqual((await t.app.inject({ method: 'POST', url, headers: citizen.writeHeaders })).json(), { following: true }, 'following twice keeps one subscription');
  assert.deepEqual((await t.app.inject({ method: 'GET', url, headers: citizen.headers })).json(), { following: true });
  const email = 'nguoidan@demo.tinhso.vn';
  const rows = (await subscriptionsOf(email)).filter((s) => s.scope === 'report');
  assert.equal(rows.length, 1);
  assert.ok(rows[0]!.confirmed_at, "the account's address needs no confirmation");
  const before = (await mailsTo(email)).length;
  await act(report.id, { action: 'accept' });
  await runDigests(t.ctx, later());
  assert.equal((await mailsTo(email)).length, before + 1, 'a digest mail');
  const notices = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: citizen.headers })).json();
  assert.ok(notices.items.some((n: { link: string }) => n.link === `/phan-anh/${report.trackingCode}`), 'and an in-app notice linking to the report');
  assert.deepEqual((await t.app.inject({ method: 'DELETE', url, headers: citizen.writeHeaders })).json(), { following: false });
  assert.equal((await subscriptionsOf(email)).filter((s) => s.scope === 'report').length, 0);
});

test('the reporter follows their own report: at once when signed in, after confirming when they only gave an address', async () => {
  const business = await signInAs(t.app, 'business');
  const mine = await newReport({}, business.writeHeaders);
  const follow = await t.app.inject({ method: 'GET', url: `/api/v1/feedback/reports/${mine.id}/follow`, headers: business.headers });
  assert.deepEqual(follow.json(), { following: true });

  const email = 'nguoi.bao@example.vn';
  const anonymous = await newReport({ contact: { name: 'Lê Văn Tám', email } });
  const [row] = await subscriptionsOf(email);
  assert.equal(row!.scope, 'report');
  assert.equal(row!.confirmed_at, null, 'an address typed in a form is not proof of ownership');
  const [mail] = await mailsTo(email);
  assert.match(mail!.text_body, new RegExp(anonymous.trackingCode));
  assert.ok(!mail!.text_body.includes('Lê Văn Tám'));
  await act(anonymous.id, { action: 'accept' });
  await runDigests(t.ctx, later());
  assert.equal((await mailsTo(email)).length, 1);
  await confirm(tokenIn(mail!.text_body));
  await runDigests(t.ctx, later());
  assert.match((await mailsTo(email)).at(-1)!.text_body, /đã tiếp nhận/);
});

test('a run reads subscriptions in batches and reaches every subscriber behind the head', async () => {
  const db = t.ctx.db.withTables<{ feedback_subscriptions: { id: string; email: string; scope: string; commune_code: string; token_hash: string; confirmed_at: Date; last_event_id: string } }>();
  await runDigests(t.ctx, later());
  const head = await db.selectFrom('feedback_subscriptions').select((eb) => eb.fn.max('last_event_id').as('n')).executeTakeFirstOrThrow();
  const count = BATCH + 25;
  const rows = Array.from({ length: count }, (_, i) => {
    const key = newSubscriptionKey(t.config);
    return { id: key.id, email: `lo.${i}@example.vn`, scope: 'commune', commune_code: '18880', token_hash: key.tokenHash, confirmed_at: new Date(), last_event_id: String(head.n ?? 0) };
  });
  await db.insertInto('feedback_subscriptions').values(rows).execute();
  const report = await newReport();
  const result = await runDigests(t.ctx, later());
  assert.ok(result.checked >= count);
  const mailed = await t.ctx.db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('to_address', 'like', 'lo.%@example.vn').where('text_body', 'like', `%${report.trackingCode}%`).executeTakeFirstOrThrow();
  assert.equal(Number(mailed.n), count);
});
