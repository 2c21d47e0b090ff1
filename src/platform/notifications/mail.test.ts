import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { signIn } from '../testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../testing/users.js';
import { queueMail, MAIL_JOB } from './mail.js';
import { deliverMail } from './mail-sender.js';

let t: TestPlatform;
before(async () => {
  // Workers on and no SMTP_URL: queued mail goes through the real job and ends up `kept`.
  t = await createTestPlatform({ seedDemo: false, workers: true });
});
after(() => t.close());

function outboxFor(email: string) {
  return t.ctx.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).execute();
}

async function waitForStatus(id: string, status: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await t.ctx.db.selectFrom('mail_outbox').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    if (row.status === status) return;
    if (Date.now() > deadline) assert.fail(`mail ${id} stayed ${row.status}, expected ${status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('a password-reset request puts exactly one message with the link in the outbox, and its token resets the password', async () => {
  const user = await createTestUser(t.ctx, 'citizen');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: user.email } });
  assert.equal(res.statusCode, 202);
  const mails = await outboxFor(user.email);
  assert.equal(mails.length, 1);
  const match = new RegExp(`${t.config.publicUrl}/dat-lai-mat-khau\\?token=([A-Za-z0-9_-]+)`).exec(mails[0]!.text_body);
  assert.ok(match, 'the message carries the reset link');
  const newPassword = 'Mat-khau-moi-2026!';
  const confirm = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: match[1], password: newPassword } });
  assert.equal(confirm.statusCode, 204, confirm.body);
  await signIn(t.app, user.email, newPassword);
  await assert.rejects(signIn(t.app, user.email, TEST_PASSWORD), /401/);
  const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: match[1], password: 'Mat-khau-khac-2026!' } });
  assert.equal(again.statusCode, 400, 'the token works once');
});

test('a password-reset request for an unknown address queues nothing', async () => {
  const before = await t.ctx.db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: 'nobody@test.tinhso.vn' } });
  assert.equal(res.statusCode, 202);
  const afterCount = await t.ctx.db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  assert.equal(afterCount.n, before.n);
});

test('without SMTP_URL the mail job marks the message kept, readable in the outbox', async () => {
  const user = await createTestUser(t.ctx, 'citizen');
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: user.email } });
  const [mail] = await outboxFor(user.email);
  await waitForStatus(mail!.id, 'kept');
  assert.equal(await deliverMail(t.ctx, mail!.id), 'kept', 'a second run changes nothing');
});

test('queueMail writes the message and its job in the caller\'s transaction: a rollback leaves neither', async () => {
  const to = `rollback.${Date.now()}@test.tinhso.vn`;
  let rolledBackId = '';
  await assert.rejects(
    t.ctx.db.transaction().execute(async (trx) => {
      await queueMail(trx, t.ctx, { to, subject: 'Thử / Test', text: 'x' });
      rolledBackId = (await trx.selectFrom('mail_outbox').select('id').where('to_address', '=', to).executeTakeFirstOrThrow()).id;
      throw new Error('the action fails after queueing its mail');
    }),
    /action fails/,
  );
  assert.equal((await outboxFor(to)).length, 0);
  assert.deepEqual(await t.ctx.jobs.findJobs(MAIL_JOB, { data: { id: rolledBackId } }), []);
  const committedTo = `commit.${Date.now()}@test.tinhso.vn`;
  await t.ctx.db.transaction().execute((trx) => queueMail(trx, t.ctx, { to: committedTo, subject: 'Thử / Test', text: 'x' }));
  const [mail] = await outboxFor(committedTo);
  assert.equal((await t.ctx.jobs.findJobs(MAIL_JOB, { data: { id: mail!.id } })).length, 1, 'exactly one job for the committed message');
});

test('queueMail refuses a subject or recipient with a line break (header injection)', async () => {
  await assert.rejects(
    t.ctx.db.transaction().execute((trx) => queueMail(trx, t.ctx, { to: 'a@test.tinhso.vn', subject: 'Hi\r\nBcc: victim@example.com', text: 'x' })),
    /single lines/,
  );
});
