import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar } from '../../../platform/calendar/index.js';
import { dueOn, addMonths } from './compute.js';
import { vietnamDateTime } from './clock.js';
import { dayNumberOf, fromDayNumber } from '../../../platform/calendar/civil-date.js';
import type { TimeUnit } from '../tables.js';

/** The computed calendar with no official overlay: 2026 has none shipped. */
const calendar = new WorkingCalendar(1, []);

/** An instant from a Vietnam wall clock, "2026-02-13 14:10". */
function vn(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}:00+07:00`);
}

function due(received: string, amount: number, unit: TimeUnit = 'working_days', cutoff: string | null = null) {
  const result = dueOn(calendar, { receivedAt: vn(received), amount, unit, cutoff });
  return { at: vietnamDateTime(result.dueAt), vi: result.explanation.vi, en: result.explanation.en };
}

test('the brief example: 5 working days from 14:10 on Friday 13/02/2026 skip the weekend and Tết (14–22/02) and end at 14:10 on 27/02/2026', () => {
  const r = due('2026-02-13 14:10', 5);
  assert.equal(r.at, '14:10 27/02/2026');
  assert.match(r.vi, /Không tính các ngày nghỉ: 14\/02\/2026–22\/02\/2026 \(cuối tuần, Tết Nguyên đán\)\./);
  assert.match(r.en, /Days off not counted: 14\/02\/2026–22\/02\/2026 \(weekend, Lunar New Year\)\./);
  assert.match(r.vi, /Hạn trả kết quả: 14:10 27\/02\/2026 \(lịch làm việc phiên bản 1\)/);
});

test('Friday 16:00: one working day is Monday 16:00, five are the next Friday 16:00, and the weekend is named', () => {
  assert.equal(due('2026-03-13 16:00', 1).at, '16:00 16/03/2026');
  const five = due('2026-03-13 16:00', 5);
  assert.equal(five.at, '16:00 20/03/2026');
  assert.match(five.vi, /14\/03\/2026–15\/03\/2026 \(cuối tuần\)/);
});

test('received on a Saturday counts from Monday 08:00, so one working day is Tuesday 08:00, and the explanation says why', () => {
  const r = due('2026-03-14 10:00', 1);
  assert.equal(r.at, '08:00 17/03/2026');
  assert.match(r.vi, /tiếp nhận vào ngày nghỉ \(10:00 14\/03\/2026\) nên tính từ 08:00 16\/03\/2026/);
});

test('after the 15:00 cutoff a same-day procedure is due at the close of the next working day; before it, the same day', () => {
  assert.equal(due('2026-03-17 14:59', 0).at, '17:00 17/03/2026');
  assert.equal(due('2026-03-17 15:00', 0).at, '17:00 17/03/2026', '15:00 itself is not after the cutoff');
  const late = due('2026-03-17 15:30', 0);
  assert.equal(late.at, '17:00 18/03/2026');
  assert.match(late.vi, /Giải quyết trong ngày, tiếp nhận sau 15:00/);
  assert.equal(due('2026-03-20 15:30', 0).at, '17:00 23/03/2026', 'a Friday afternoon goes to Monday');
});

test("a procedure's own cutoff moves a multi-day count to the next working day too", () => {
  assert.equal(due('2026-03-17 11:00', 2, 'working_days', '11:00').at, '11:00 19/03/2026');
  assert.equal(due('2026-03-17 11:01', 2, 'working_days', '11:00').at, '08:00 20/03/2026');
});

test("Hùng Kings' Day 2026 falls on Sunday 26/04, so Monday 27/04 is off: Friday + 1 working day is Tuesday 28/04", () => {
  const r = due('2026-04-24 09:00', 1);
  assert.equal(r.at, '09:00 28/04/2026');
  assert.match(r.vi, /25\/04\/2026–27\/04\/2026 \(cuối tuần, Giỗ Tổ Hùng Vương, Nghỉ bù: Giỗ Tổ Hùng Vương\)/);
});

test('calendar days end at the close of the last day, moved past days off (Civil Code Art. 148): 10 days from 16/04/2026 end on 26/04 (Sunday, Hùng Kings), 27/04 is off → 28/04', () => {
  const r = due('2026-04-16 09:00', 10, 'calendar_days');
  assert.equal(r.at, '17:00 28/04/2026');
  assert.match(r.vi, /Thời hạn kết thúc vào ngày nghỉ 26\/04\/2026/);
  assert.equal(due('2026-04-06 09:00', 10, 'calendar_days').at, '17:00 16/04/2026', 'an end on a working day stays');
});

test('months keep the day number, clamp to the end of a shorter month, then move past days off', () => {
  // 30/01 + 1 month → 28/02/2026 (a Saturday) → Monday 02/03.
  assert.equal(due('2026-01-30 10:00', 1, 'months').at, '17:00 02/03/2026');
  assert.equal(fromDayNumber(addMonths(dayNumberOf(2024, 1, 31), 1)), '2024-02-29', 'leap year');
  assert.equal(fromDayNumber(addMonths(dayNumberOf(2025, 11, 15), 3)), '2026-02-15', 'across a year');
});

test('working hours count office hours only: Friday 16:00 + 8 h is Monday 16:30 (lunch excluded)', () => {
  assert.equal(due('2026-03-13 16:00', 8, 'working_hours').at, '16:30 16/03/2026');
});

test('received in the lunch break counts from 13:30; after closing, from the next opening', () => {
  assert.equal(due('2026-03-17 12:30', 1).at, '13:30 18/03/2026');
  assert.equal(due('2026-03-17 17:30', 1).at, '08:00 19/03/2026');
  assert.equal(due('2026-03-17 06:45', 1).at, '08:00 18/03/2026');
});

test('half a working day is 3.75 office hours from receipt', () => {
  assert.equal(due('2026-03-17 09:00', 0.5).at, '14:15 17/03/2026');
});

test('bad time limits are refused rather than guessed', () => {
  assert.throws(() => due('2026-03-17 09:00', -1), RangeError);
  assert.throws(() => due('2026-03-17 09:00', 1.5, 'months'), RangeError);
  assert.throws(() => due('2026-03-17 09:00', 1, 'working_days', '3pm'), RangeError);
});
