import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../../../platform/http/module.js';
import { DEADLINE_WATCH_CRON, DEADLINE_WATCH_JOB, registerDeadlineWatchJob } from './job.js';

function fakeContext(env: Record<string, string>) {
  const registered: Array<{ name: string; cron: string | undefined }> = [];
  const ctx = { config: { env }, jobs: { register: (name: string, _h: unknown, options: { cron?: string } = {}) => registered.push({ name, cron: options.cron }) } };
  return { ctx: ctx as unknown as AppContext, registered };
}

test('the deadline watch is one job scheduled every 15 minutes', () => {
  const { ctx, registered } = fakeContext({});
  registerDeadlineWatchJob(ctx);
  assert.deepEqual(registered, [{ name: DEADLINE_WATCH_JOB, cron: '*/15 * * * *' }]);
  assert.equal(DEADLINE_WATCH_CRON, '*/15 * * * *');
});

test('a bad FEEDBACK_REMIND_BEFORE_WORKING_HOURS stops the registration, so the platform does not start with it', () => {
  const { ctx, registered } = fakeContext({ FEEDBACK_REMIND_BEFORE_WORKING_HOURS: 'four' });
  assert.throws(() => registerDeadlineWatchJob(ctx), /FEEDBACK_REMIND_BEFORE_WORKING_HOURS/);
  assert.equal(registered.length, 0);
});
