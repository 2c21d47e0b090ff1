import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar } from '../../../platform/calendar/index.js';
import { bucketOf, resolutionCounts } from './record.js';
import { medianOf } from './query.js';

const calendar = new WorkingCalendar(1, []);

test('a result on the day of receipt takes 0 working days; Friday to Monday takes 1', () => {
  // 2026-11-20 is a Friday; times in Vietnam (UTC+7).
  const friday = { created_at: '2026-11-20T09:00:00+07:00', due_at: '2026-11-27T17:00:00+07:00' };
  assert.deepEqual(resolutionCounts(calendar, friday, '2026-11-20T16:00:00+07:00'), { resolved: 1, resolved_on_time: 1, days_0: 1 });
  assert.deepEqual(resolutionCounts(calendar, friday, '2026-11-23T08:30:00+07:00'), { resolved: 1, resolved_on_time: 1, days_1: 1 });
});

test('a result after the due instant is late, and the day is taken in Vietnam time', () => {
  const report = { created_at: '2026-11-23T23:30:00+07:00', due_at: '2026-11-24T17:00:00+07:00' };
  // 2026-11-24 10:30 in Vietnam is still 24 November; 17:01 is one minute late.
  assert.deepEqual(resolutionCounts(calendar, report, '2026-11-24T03:30:00Z'), { resolved: 1, resolved_on_time: 1, days_1: 1 });
  assert.deepEqual(resolutionCounts(calendar, report, '2026-11-24T17:01:00+07:00'), { resolved: 1, resolved_on_time: 0, days_1: 1 });
});

test('handling times beyond 30 working days share the last bucket', () => {
  assert.equal(bucketOf(0), 'days_0');
  assert.equal(bucketOf(30), 'days_30');
  assert.equal(bucketOf(31), 'days_over_30');
  assert.equal(bucketOf(400), 'days_over_30');
});

test('the median comes from the histogram: middle value, mean of the two middle values, over 30 as 31', () => {
  const h = (counts: Record<number, number>) => Array.from({ length: 32 }, (_, i) => counts[i] ?? 0);
  assert.equal(medianOf(h({})), null);
  assert.equal(medianOf(h({ 2: 1 })), 2);
  assert.equal(medianOf(h({ 0: 1, 3: 1, 9: 1 })), 3);
  assert.equal(medianOf(h({ 1: 2, 4: 2 })), 2.5);
  assert.equal(medianOf(h({ 5: 1, 31: 2 })), 31);
});
