import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { addWorkingHours, computeDue, extendByWorkingMinutes, workingMinutesBetween } from './index.js';
import { vietnamDateTime } from './clock.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
after(() => t.close());

const vn = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`);

test('computeDue uses the official overlay in the database: Tết 2025 was 25/01–02/02 and Monday 03/02 a working day', async () => {
  const due = await computeDue(t.ctx.db, { receivedAt: vn('2025-01-24 10:00'), amount: 1, unit: 'working_days', cutoff: null });
  assert.equal(vietnamDateTime(due.dueAt), '10:00 03/02/2025');
  assert.ok(due.calendarVersion >= 1);
  assert.match(due.explanation.vi, /25\/01\/2025–02\/02\/2025/);
  assert.match(due.explanation.vi, new RegExp(`phiên bản ${due.calendarVersion}`));
});

test('computeDue on a stored calendar version gives the same answer, inside a transaction too', async () => {
  const input = { receivedAt: vn('2026-02-13 14:10'), amount: 5, unit: 'working_days' as const, cutoff: null };
  const now = await computeDue(t.ctx.db, input);
  const again = await t.ctx.db.transaction().execute((trx) => computeDue(t.ctx.db, { ...input, calendarVersion: now.calendarVersion }, trx));
  assert.equal(again.dueAt.getTime(), now.dueAt.getTime());
  assert.deepEqual(again.explanation, now.explanation);
  assert.equal(vietnamDateTime(now.dueAt), '14:10 27/02/2026');
});

test('a pause from Friday 16:00 to Monday 09:00 is 120 working minutes, and extending a due date by them skips the night', async () => {
  const minutes = await workingMinutesBetween(t.ctx.db, vn('2026-03-13 16:00'), vn('2026-03-16 09:00'), 1);
  assert.equal(minutes, 120);
  const extended = await extendByWorkingMinutes(t.ctx.db, vn('2026-03-17 16:30'), minutes, 1);
  assert.equal(vietnamDateTime(extended), '09:30 18/03/2026');
  assert.equal((await extendByWorkingMinutes(t.ctx.db, vn('2026-03-17 17:00'), 0, 1)).getTime(), vn('2026-03-17 17:00').getTime(), 'no pause, no move');
});

test('a step of 4 working hours from 10:00 ends at 15:30 (lunch excluded)', async () => {
  assert.equal(vietnamDateTime(await addWorkingHours(t.ctx.db, vn('2026-03-17 10:00'), 4)), '15:30 17/03/2026');
});

test('an unknown calendar version is a 404 problem, not a silent recomputation', async () => {
  await assert.rejects(computeDue(t.ctx.db, { receivedAt: vn('2026-03-17 10:00'), amount: 1, unit: 'working_days', cutoff: null, calendarVersion: 9999 }), (e: { status?: number }) => e.status === 404);
});
