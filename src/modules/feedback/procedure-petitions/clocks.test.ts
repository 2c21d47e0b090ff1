import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar, todayInVietnam } from '../../../platform/calendar/index.js';
import { PETITION_CLOCKS, clockDue, onTime, type PetitionClock } from './clocks.js';

// The statutory calendar without any province overrides (version 1, empty overlay): deterministic.
const calendar = new WorkingCalendar(1, []);
const at = (local: string) => new Date(`${local}+07:00`);

const TABLE: Array<{ clock: PetitionClock; start: string; due: string; why: string }> = [
  { clock: 'reject', start: '2026-12-07T10:00:00', due: '2026-12-09T17:00:00', why: 'Monday + 2 working days' },
  { clock: 'ask_info', start: '2026-12-07T10:00:00', due: '2026-12-14T17:00:00', why: 'Monday + 5 working days skips the weekend' },
  { clock: 'answer', start: '2026-12-07T10:00:00', due: '2026-12-28T17:00:00', why: 'Monday + 15 working days: three weeks' },
  { clock: 'publish', start: '2026-12-11T15:00:00', due: '2026-12-15T17:00:00', why: 'approved on Friday, published by Tuesday' },
  { clock: 'reject', start: '2026-12-30T10:00:00', due: '2027-01-04T17:00:00', why: 'New Year (Friday 01/01/2027) and the weekend are not counted' },
  { clock: 'answer', start: '2026-12-05T09:00:00', due: '2026-12-25T17:00:00', why: 'received on a Saturday: counting starts on Monday' },
];

for (const row of TABLE) {
  test(`the ${row.clock} clock from ${row.start} runs out at ${row.due} (${row.why}); a minute later is late`, () => {
    assert.equal(clockDue(calendar, row.clock, at(row.start)).toISOString(), at(row.due).toISOString());
    assert.equal(onTime(calendar, row.clock, at(row.start), at(row.due)), true);
    assert.equal(onTime(calendar, row.clock, at(row.start), new Date(at(row.due).getTime() + 60_000)), false);
  });
}

test('for any start in 2026–2027, each clock ends at 17:00 of a working day exactly its number of working days later', () => {
  let seed = 20_261_204;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const first = at('2026-01-01T00:00:00').getTime();
  for (let i = 0; i < 400; i++) {
    const start = new Date(first + Math.floor(next() * 700 * 86_400_000));
    for (const clock of Object.keys(PETITION_CLOCKS) as PetitionClock[]) {
      const due = clockDue(calendar, clock, start);
      const day = todayInVietnam(due);
      assert.equal(due.toISOString(), at(`${day}T17:00:00`).toISOString());
      assert.ok(calendar.isWorkingDay(day), `${clock} from ${start.toISOString()} ends on ${day}`);
      assert.equal(calendar.workingDaysBetween(todayInVietnam(start), day), PETITION_CLOCKS[clock]);
      assert.ok(onTime(calendar, clock, start, start));
    }
  }
});
