import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { MAIL_JOB } from '../notifications/mail.js';
import { PURGE_CRON, PURGE_JOB } from '../notifications/retention.js';
import { JOB_TIME_ZONE, JobQueue } from './job-queue.js';

// Uses the mail queue, which the notifications area always registers; the payload points at no
// message, so a worker that picks it up just finds nothing to send.
let t: TestPlatform;
before(async () => {
  t = await createTestPlatform({ seedDemo: false, workers: true });
});
after(() => t.close());

test('a job enqueued in a transaction that rolls back does not exist afterwards', async () => {
  let jobId: string | null = null;
  const marker = randomUUID();
  await assert.rejects(
    t.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('mail_outbox').values({ to_address: `${marker}@test.tinhso.vn`, subject: 'x', text_body: 'x', html_body: null, last_error: null, sent_at: null }).execute();
      jobId = await t.ctx.jobs.enqueue(trx, MAIL_JOB, { id: marker });
      throw new Error('the write fails after enqueueing');
    }),
    /write fails/,
  );
  assert.ok(jobId, 'pg-boss did hand out an id inside the transaction');
  assert.deepEqual(await t.ctx.jobs.findJobs(MAIL_JOB, { id: jobId }), []);
  assert.deepEqual(await t.ctx.jobs.findJobs(MAIL_JOB, { data: { id: marker } }), []);
  const row = await t.ctx.db.selectFrom('mail_outbox').select('id').where('to_address', '=', `${marker}@test.tinhso.vn`).executeTakeFirst();
  assert.equal(row, undefined, 'and the write it belonged to is gone too');
});

test('a job enqueued in a transaction that commits exists exactly once', async () => {
  const marker = randomUUID();
  const jobId = await t.ctx.db.transaction().execute((trx) => t.ctx.jobs.enqueue(trx, MAIL_JOB, { id: marker }));
  assert.ok(jobId);
  const jobs = await t.ctx.jobs.findJobs(MAIL_JOB, { data: { id: marker } });
  assert.deepEqual(jobs.map((j) => j.id), [jobId]);
});

test('handlers cannot be registered once the queue has started, nor twice under one name', () => {
  assert.throws(() => t.ctx.jobs.register('late.job', async () => {}), /after the queue started/);
  const fresh = new JobQueue(t.ctx.database, t.ctx.log, undefined);
  fresh.register('twice.job', async () => {});
  assert.throws(() => fresh.register('twice.job', async () => {}), /registered twice/);
});

test('cron schedules are stored in Vietnam time when workers run', async () => {
  const schedules = await t.ctx.jobs.schedules();
  assert.deepEqual(
    schedules.find((s) => s.name === PURGE_JOB),
    { name: PURGE_JOB, cron: PURGE_CRON, timezone: JOB_TIME_ZONE },
  );
});
