import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { createTestUser } from '../testing/users.js';
import { MAIL_JOB, queueMail } from './mail.js';
import { MAIL_QUEUE, closeMailTransports, deliverMail } from './mail-sender.js';
import { startTestSmtpServer, type TestSmtpServer } from './test-smtp-server.js';

let smtp: TestSmtpServer;
let t: TestPlatform;
before(async () => {
  smtp = await startTestSmtpServer();
  t = await createTestPlatform({ seedDemo: false, workers: true, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tỉnh Số <no-reply@test.tinhso.vn>' } });
});
after(async () => {
  await t.close();
  closeMailTransports();
  await smtp.close();
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const mailRow = (id: string) => t.ctx.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

test('the mail job delivers a password-reset message over SMTP and marks it sent', async () => {
  const user = await createTestUser(t.ctx, 'citizen');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: user.email } });
  assert.equal(res.statusCode, 202);
  const { id } = await t.ctx.db.selectFrom('mail_outbox').select('id').where('to_address', '=', user.email).executeTakeFirstOrThrow();
  const sent = await waitFor('status sent', async () => {
    const row = await mailRow(id);
    return row.status === 'sent' ? row : undefined;
  });
  assert.equal(sent.attempts, 1);
  assert.ok(sent.sent_at);
  const delivered = smtp.received.filter((m) => m.to.includes(user.email));
  assert.equal(delivered.length, 1);
  assert.equal(delivered[0]!.from, 'no-reply@test.tinhso.vn');
  assert.match(delivered[0]!.data, /^Subject: /m);
});

test('an SMTP refusal is recorded and the job is retried later with backoff', async () => {
  const to = `retry.${Date.now()}@test.tinhso.vn`;
  smtp.failWith = '451 4.3.0 Mailbox busy, try later';
  try {
    await t.ctx.db.transaction().execute((trx) => queueMail(trx, t.ctx, { to, subject: 'Thử lại / Retry', text: 'x' }));
    const { id } = await t.ctx.db.selectFrom('mail_outbox').select('id').where('to_address', '=', to).executeTakeFirstOrThrow();
    const failed = await waitFor('a failed attempt', async () => {
      const row = await mailRow(id);
      return row.attempts >= 1 ? row : undefined;
    });
    assert.equal(failed.status, 'pending', 'still to be retried');
    assert.match(failed.last_error ?? '', /451/);
    const [job] = await waitFor('the job to wait for its retry', async () => {
      const jobs = await t.ctx.jobs.findJobs(MAIL_JOB, { data: { id } });
      return jobs[0]?.state === 'retry' ? jobs : undefined;
    });
    assert.ok(job!.startAfter.getTime() > Date.now() + 5_000, 'the retry waits (backoff) instead of hammering the server');
  } finally {
    smtp.failWith = undefined;
  }
});

test('after the last allowed attempt the message is marked failed', async () => {
  // Written without a job, and delivered by hand, so the background worker stays out of it.
  const row = await t.ctx.db
    .insertInto('mail_outbox')
    .values({ to_address: 'last.try@test.tinhso.vn', subject: 'x', text_body: 'x', html_body: null, last_error: null, sent_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  smtp.failWith = '554 5.7.1 Rejected';
  try {
    await assert.rejects(deliverMail(t.ctx, row.id, { retryCount: 0 }), /not delivered/);
    assert.equal((await mailRow(row.id)).status, 'pending');
    await assert.rejects(deliverMail(t.ctx, row.id, { retryCount: MAIL_QUEUE.retryLimit! }), /not delivered/);
    const last = await mailRow(row.id);
    assert.equal(last.status, 'failed');
    assert.equal(last.attempts, 2);
  } finally {
    smtp.failWith = undefined;
  }
});

test('mail people subscribed to carries one-click List-Unsubscribe headers (RFC 8058)', async () => {
  const to = `list.${Date.now()}@test.tinhso.vn`;
  const unsubscribeUrl = 'https://tinhso.example.vn/api/v1/unsubscribe?token=abc123';
  await t.ctx.db.transaction().execute((trx) => queueMail(trx, t.ctx, { to, subject: 'Bản tin / Digest', text: 'x', unsubscribeUrl }));
  const delivered = await waitFor('delivery', async () => smtp.received.find((m) => m.to.includes(to)));
  // The header may be folded onto a continuation line.
  assert.match(delivered.data, /^List-Unsubscribe:\s+<https:\/\/tinhso\.example\.vn\/api\/v1\/unsubscribe\?token=abc123>/m);
  assert.match(delivered.data, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
  await assert.rejects(t.ctx.db.transaction().execute((trx) => queueMail(trx, t.ctx, { to, subject: 's', text: 'x', unsubscribeUrl: 'javascript:alert(1)\r\nBcc: x@y' })));
});
