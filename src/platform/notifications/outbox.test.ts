import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { signIn, type SignedIn } from '../testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../testing/users.js';
import type { Role } from '../identity/roles.js';
import { MAIL_JOB, queueMail } from './mail.js';
import { maskAddress } from './outbox-routes.js';
import { purgeOldMessages } from './retention.js';

let t: TestPlatform;
let admin: SignedIn;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  admin = await as('system_admin');
});
after(() => t.close());

async function as(role: Role): Promise<SignedIn> {
  const user = await createTestUser(t.ctx, role);
  return signIn(t.app, user.email, TEST_PASSWORD);
}

async function queued(to: string, text = 'Nội dung riêng tư') {
  await t.ctx.db.transaction().execute((trx) => queueMail(trx, t.ctx, { to, subject: 'Chủ đề / Subject', text }));
  return t.ctx.db.selectFrom('mail_outbox').select('id').where('to_address', '=', to).orderBy('seq', 'desc').executeTakeFirstOrThrow();
}

test('only system administrators may use the outbox routes', async () => {
  const { id } = await queued('someone@test.tinhso.vn');
  for (const url of ['/api/v1/admin/outbox', `/api/v1/admin/outbox/${id}`]) {
    assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 401, url);
    for (const role of ['citizen', 'leader'] as const) {
      const who = await as(role);
      assert.equal((await t.app.inject({ method: 'GET', url, headers: who.headers })).statusCode, 403, `${role} ${url}`);
    }
    assert.equal((await t.app.inject({ method: 'GET', url, headers: admin.headers })).statusCode, 200, url);
  }
  const citizen = await as('citizen');
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/admin/outbox/${id}/retry`, headers: citizen.writeHeaders })).statusCode, 403);
});

test('the outbox list masks addresses and shows no contents; filters by status and full address', async () => {
  const { id } = await queued('nguyen.an@test.tinhso.vn', 'bí mật trong thư');
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox?to=nguyen.an@test.tinhso.vn', headers: admin.headers });
  assert.equal(res.statusCode, 200);
  const [item] = res.json().items;
  assert.deepEqual({ id: item.id, to: item.to, status: item.status }, { id, to: 'ng***@test.tinhso.vn', status: 'pending' });
  assert.ok(!res.body.includes('bí mật') && !res.body.includes('nguyen.an@'), 'no body and no full address in the list');
  const kept = await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox?status=kept', headers: admin.headers });
  assert.ok(kept.json().items.every((i: { status: string }) => i.status === 'kept'));
  assert.equal(maskAddress('a@b.vn'), 'a***@b.vn');
});

test('reading a message\'s contents is recorded in the audit trail against its recipient', async () => {
  const recipient = await createTestUser(t.ctx, 'citizen');
  const { id } = await queued(recipient.email, 'liên kết đặt lại mật khẩu');
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/admin/outbox/${id}?purpose=support-ticket-42`, headers: admin.headers });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().to, recipient.email);
  assert.equal(res.json().text, 'liên kết đặt lại mật khẩu');
  const audit = await t.ctx.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'subject_user_id', 'purpose'])
    .where('action', '=', 'mail.read')
    .where('target_id', '=', id)
    .execute();
  assert.deepEqual(audit, [{ actor_user_id: admin.userId, subject_user_id: recipient.id, purpose: 'support-ticket-42' }]);
  const missing = await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox/00000000-0000-4000-8000-000000000000', headers: admin.headers });
  assert.equal(missing.statusCode, 404);
});

test('only a failed message can be retried, which puts it back to pending with a new job', async () => {
  const { id } = await queued('retry.me@test.tinhso.vn');
  const notFailed = await t.app.inject({ method: 'POST', url: `/api/v1/admin/outbox/${id}/retry`, headers: admin.writeHeaders });
  assert.equal(notFailed.statusCode, 409);
  await t.ctx.db.updateTable('mail_outbox').set({ status: 'failed', attempts: 6 }).where('id', '=', id).execute();
  const retried = await t.app.inject({ method: 'POST', url: `/api/v1/admin/outbox/${id}/retry`, headers: admin.writeHeaders });
  assert.equal(retried.statusCode, 202);
  const row = await t.ctx.db.selectFrom('mail_outbox').select(['status', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'pending', attempts: 0 });
  assert.equal((await t.ctx.jobs.findJobs(MAIL_JOB, { data: { id } })).length, 2, 'the original job and the retry');
});

test('the nightly purge removes old delivered mail and old read notices, never pending mail or unread notices', async () => {
  const user = await createTestUser(t.ctx, 'citizen');
  const old = new Date(Date.now() - 400 * 24 * 3600_000);
  const mail = (status: 'sent' | 'pending', to: string) => ({ to_address: to, subject: 'x', text_body: 'x', html_body: null, last_error: null, sent_at: null, status, created_at: old });
  await t.ctx.db.insertInto('mail_outbox').values([mail('sent', 'purge.sent@test.tinhso.vn'), mail('pending', 'purge.pending@test.tinhso.vn')]).execute();
  const notice = (readAt: Date | null) => ({ user_id: user.id, category: 'general', title: JSON.stringify({ vi: 'a', en: 'a' }), body: JSON.stringify({ vi: 'b', en: 'b' }), link: null, read_at: readAt, created_at: old });
  await t.ctx.db.insertInto('notifications').values([notice(old), notice(null)]).execute();
  const purged = await purgeOldMessages(t.ctx);
  assert.ok(purged.mail >= 1 && purged.notifications >= 1);
  const left = await t.ctx.db.selectFrom('mail_outbox').select('to_address').where('to_address', 'like', 'purge.%').execute();
  assert.deepEqual(left.map((r) => r.to_address), ['purge.pending@test.tinhso.vn']);
  const notices = await t.ctx.db.selectFrom('notifications').select('read_at').where('user_id', '=', user.id).execute();
  assert.deepEqual(notices, [{ read_at: null }]);
});
