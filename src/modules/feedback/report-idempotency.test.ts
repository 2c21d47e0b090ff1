import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../platform/testing/test-platform.js';
import { signInAs } from '../../platform/testing/sign-in.js';
import { feedbackDb } from './tables.js';
import { purgeIdempotencyKeys } from '../../platform/idempotency/idempotency.js';

let t: TestPlatform;
let centre: { lat: number; lng: number };
before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '1000' } });
  const unit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/18880' })).json();
  centre = { lat: unit.centroid.lat, lng: unit.centroid.lng };
});
after(() => t.close());

const pothole = (description = 'Ổ gà lớn trước chợ, gửi lại khi mất sóng.') => ({ categoryCode: 'hu-hong-duong', description, ...centre });
const send = (payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', payload, headers });
const reportsWith = async (description: string) => Number((await feedbackDb(t.ctx.db).selectFrom('feedback_reports').select((eb) => eb.fn.countAll().as('n')).where('description', '=', description).executeTakeFirstOrThrow()).n);

test('a retry with the same Idempotency-Key returns the first answer and creates nothing more', async () => {
  const payload = pothole('Ổ gà trước trường, lần gửi thứ nhất và thử lại.');
  const first = await send(payload, { 'idempotency-key': 'outbox-0001-retry' });
  assert.equal(first.statusCode, 201, first.body);
  const retry = await send(payload, { 'idempotency-key': 'outbox-0001-retry' });
  assert.equal(retry.statusCode, 201);
  assert.equal(retry.headers['idempotent-replayed'], 'true');
  assert.deepEqual(retry.json(), first.json());
  assert.equal(await reportsWith(payload.description), 1);
});

test('the same key with different content is refused with 422 in both languages', async () => {
  await send(pothole('Nội dung ban đầu của phản ánh có khóa.'), { 'idempotency-key': 'outbox-0002-reused' });
  const other = await send(pothole('Nội dung khác nhưng dùng lại khóa cũ.'), { 'idempotency-key': 'outbox-0002-reused' });
  assert.equal(other.statusCode, 422);
  const problem = other.json();
  assert.equal(problem.code, 'idempotency_key_reused');
  assert.ok(problem.message.vi && problem.message.en);
  assert.equal(await reportsWith('Nội dung khác nhưng dùng lại khóa cũ.'), 0);
});

test('a malformed key is refused rather than silently ignored', async () => {
  const res = await send(pothole(), { 'idempotency-key': 'short' });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().code, 'invalid_idempotency_key');
});

test('keys belong to the sender: a signed-in citizen and a visitor using the same key get separate reports', async () => {
  const citizen = await signInAs(t.app, 'citizen');
  const payload = pothole('Cùng khóa, hai người gửi khác nhau.');
  const visitor = await send(payload, { 'idempotency-key': 'shared-key-0003' });
  const signedIn = await send(payload, { ...citizen.writeHeaders, 'idempotency-key': 'shared-key-0003' });
  assert.equal(visitor.statusCode, 201);
  assert.equal(signedIn.statusCode, 201);
  assert.notEqual(signedIn.json().trackingCode, visitor.json().trackingCode);
});

test('two copies of a request sent at once create one report and both get its answer', async () => {
  const payload = pothole('Hai bản gửi cùng lúc khi mạng chập chờn.');
  const [a, b] = await Promise.all([send(payload, { 'idempotency-key': 'race-key-0004' }), send(payload, { 'idempotency-key': 'race-key-0004' })]);
  assert.deepEqual([a.statusCode, b.statusCode], [201, 201]);
  assert.equal(a.json().trackingCode, b.json().trackingCode);
  assert.equal(await reportsWith(payload.description), 1);
});

test('a request without a key behaves as before, and keys past their window are purged', async () => {
  assert.equal((await send(pothole('Không có khóa, gửi bình thường.'))).statusCode, 201);
  const inTwoDays = new Date(Date.now() + 48 * 3600_000);
  assert.ok((await purgeIdempotencyKeys(t.ctx.db, inTwoDays)) >= 1);
  assert.equal(Number((await t.ctx.db.selectFrom('idempotency_keys').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 0);
});
