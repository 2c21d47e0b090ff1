import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from './civil-date.js';
import type { OverlayEntry } from './overlay.js';
import { CalendarRangeError, WorkingCalendar } from './working-calendar.js';

let nextId = 0;
function entry(date: string, kind: OverlayEntry['kind'], from = 1, to: number | null = null): OverlayEntry {
  return { id: `e${nextId++}`, date, kind, name: { vi: 'Điều chỉnh', en: 'Adjustment' }, source: 'test', validFromVersion: from, validToVersion: to };
}

/** The 2025 decisions as shipped: Tết break 25/01–02/02, 30/4 swap, 1/9. */
const OFFICIAL_2025 = [
  entry('2025-01-27', 'day_off'),
  entry('2025-02-03', 'working_day'),
  entry('2025-04-26', 'working_day'),
  entry('2025-05-02', 'day_off'),
  entry('2025-09-01', 'national_day_second'),
];
const computed = new WorkingCalendar(1, []);
const official = new WorkingCalendar(1, OFFICIAL_2025);

const vn = (local: string) => new Date(`${local}+07:00`);

test('Civil Code counting: one working day after Monday is Tuesday, after Friday is Monday', () => {
  assert.equal(computed.addWorkingDays('2025-03-10', 1), '2025-03-11');
  assert.equal(computed.addWorkingDays('2025-03-14', 1), '2025-03-17');
  assert.equal(computed.addWorkingDays('2025-03-15', 1), '2025-03-17', 'received Saturday: Monday is the first day');
});

test('zero working days is the same day on a working day, and the next working day otherwise', () => {
  assert.equal(computed.addWorkingDays('2025-03-12', 0), '2025-03-12');
  assert.equal(computed.addWorkingDays('2025-03-15', 0), '2025-03-17');
});

test('5 working days from Friday 13/02/2026 skip the 9-day Tết break and end on 27/02/2026', () => {
  assert.equal(computed.addWorkingDays('2026-02-13', 5), '2026-02-27');
});

test('the official 2025 overlay: 25/01–02/02 all off, 03/02 a working day, Saturday 26/04 worked, 02/05 off, 01/09 off', () => {
  for (let d = '2025-01-25'; d <= '2025-02-02'; d = addDays(d, 1)) assert.equal(official.isWorkingDay(d), false, d);
  assert.equal(official.isWorkingDay('2025-02-03'), true);
  assert.equal(computed.isWorkingDay('2025-02-03'), false, 'without the overlay 03/02 compensates Saturday 01/02');
  assert.equal(official.isWorkingDay('2025-04-26'), true);
  assert.equal(official.isWorkingDay('2025-05-02'), false);
  assert.equal(official.isWorkingDay('2025-09-01'), false);
  assert.equal(official.addWorkingDays('2025-04-25', 1), '2025-04-26', 'the swapped Saturday counts');
  assert.equal(official.addWorkingDays('2025-04-29', 1), '2025-05-05');
});

test('days off of a year list holidays, compensation and overlay days with their kind', () => {
  const list = official.daysOff(2025);
  assert.deepEqual(
    list.filter((d) => d.date >= '2025-01-25' && d.date <= '2025-02-05').map((d) => [d.date, d.kind]),
    [
      ['2025-01-27', 'overlay'],
      ['2025-01-28', 'holiday'],
      ['2025-01-29', 'holiday'],
      ['2025-01-30', 'holiday'],
      ['2025-01-31', 'holiday'],
      ['2025-02-01', 'holiday'],
    ],
  );
  assert.deepEqual(
    computed.daysOff(2026).filter((d) => d.kind === 'compensation').map((d) => d.date),
    ['2026-04-27'],
  );
  assert.deepEqual(official.workingOverrides(2025).map((d) => d.date), ['2025-02-03', '2025-04-26']);
});

test('choosing 1/9 for a year replaces the default 3/9', () => {
  const chosen = new WorkingCalendar(2, [entry('2026-09-01', 'national_day_second')]);
  assert.equal(computed.isWorkingDay('2026-09-03'), false, 'default for a Wednesday 2/9 is 3/9');
  assert.equal(chosen.isWorkingDay('2026-09-01'), false);
  assert.equal(chosen.isWorkingDay('2026-09-03'), true);
});

test('workingDaysBetween counts the days after `from` up to `to` and inverts addWorkingDays', () => {
  assert.equal(official.workingDaysBetween('2025-01-24', '2025-02-05'), 3);
  assert.equal(official.workingDaysBetween('2025-02-05', '2025-01-24'), -3);
  assert.equal(official.workingDaysBetween('2025-03-10', '2025-03-10'), 0);
  let seed = 12345;
  const random = (max: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % max;
  for (let i = 0; i < 300; i++) {
    const start = addDays('2024-01-01', random(900));
    const n = 1 + random(120);
    const end = official.addWorkingDays(start, n);
    assert.equal(official.workingDaysBetween(start, end), n, `${start} + ${n}`);
    assert.ok(official.isWorkingDay(end));
    assert.ok(official.addWorkingDays(start, n + 1) > end, 'monotonic in n');
  }
});

test('a period in calendar days that ends on a weekend or holiday ends on the next working day (Civil Code Art. 148)', () => {
  assert.equal(computed.addCalendarDays('2025-03-01', 7), '2025-03-10', '8/3/2025 is a Saturday');
  assert.equal(official.addCalendarDays('2025-04-23', 7), '2025-05-05', '30/4 → holidays and the weekend → Monday 5/5');
  assert.equal(computed.addCalendarDays('2025-03-03', 2), '2025-03-05');
});

test('working hours: 08:00–12:00 and 13:30–17:00 Vietnam time, skipping lunch, nights and days off', () => {
  assert.equal(computed.addWorkingHours(vn('2025-03-12T11:00:00'), 2).toISOString(), vn('2025-03-12T14:30:00').toISOString());
  assert.equal(computed.addWorkingHours(vn('2025-03-14T16:00:00'), 2).toISOString(), vn('2025-03-17T09:00:00').toISOString(), 'Friday 16:00 + 2 h');
  assert.equal(computed.addWorkingHours(vn('2025-03-12T18:00:00'), 1).toISOString(), vn('2025-03-13T09:00:00').toISOString());
  assert.equal(computed.addWorkingHours(vn('2025-03-12T09:00:00'), 7.5).toISOString(), vn('2025-03-13T09:00:00').toISOString(), 'a full day');
  assert.equal(official.addWorkingHours(vn('2025-04-29T16:00:00'), 2).toISOString(), vn('2025-05-05T09:00:00').toISOString(), 'over 30/4–4/5');
});

test('dates outside 1900–2199 and negative counts are refused with CalendarRangeError', () => {
  assert.throws(() => computed.isWorkingDay('1899-12-31'), CalendarRangeError);
  assert.throws(() => computed.addWorkingDays('2025-01-01', -1), CalendarRangeError);
  assert.throws(() => computed.addWorkingDays('2199-12-20', 30), CalendarRangeError);
});
