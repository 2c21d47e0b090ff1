import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar } from '../../../platform/calendar/index.js';
import { fromDayNumber, vietnamLocal } from '../../../platform/calendar/civil-date.js';
import { dueOn } from './compute.js';
import { addWorkingMinutes, workingMinutes } from './clock.js';

const calendar = new WorkingCalendar(1, []);
const RUNS = 300;

/** mulberry32: a small seeded generator, so a failure is reproduced by its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FROM = Date.parse('2025-01-01T00:00:00+07:00');
const TO = Date.parse('2028-12-31T00:00:00+07:00');

/** A minute-aligned instant in 2025–2028, any hour, any day. */
function instant(random: () => number): Date {
  const minutes = Math.floor((random() * (TO - FROM)) / 60_000);
  return new Date(FROM + minutes * 60_000);
}

const int = (random: () => number, max: number) => Math.floor(random() * (max + 1));

test('property: the working days between the day a receipt counts from and its due day equal the time limit', () => {
  const random = prng(20260213);
  for (let i = 0; i < RUNS; i++) {
    const receivedAt = instant(random);
    const n = 1 + int(random, 60);
    const r = dueOn(calendar, { receivedAt, amount: n, unit: 'working_days', cutoff: null });
    const dueDay = fromDayNumber(vietnamLocal(r.dueAt).dayNumber);
    assert.equal(calendar.workingDaysBetween(fromDayNumber(r.effective.dayNumber), dueDay), n, `received ${receivedAt.toISOString()}, ${n} days`);
    assert.ok(calendar.isWorkingDay(dueDay), 'the due day is a working day');
  }
});

test('property: under one cutoff rule the due date grows strictly with the number of working days', () => {
  const random = prng(42);
  const cutoffs = [null, '15:00', '16:30', '10:00'];
  for (let i = 0; i < RUNS; i++) {
    const receivedAt = instant(random);
    const n = int(random, 40);
    // Without a cutoff of its own a same-day procedure (0 days) takes the 15:00 default, which a
    // multi-day count does not: compare like with like.
    const cutoff = n === 0 ? cutoffs[1 + int(random, 2)]! : cutoffs[int(random, 3)]!;
    const a = dueOn(calendar, { receivedAt, amount: n, unit: 'working_days', cutoff }).dueAt.getTime();
    const b = dueOn(calendar, { receivedAt, amount: n + 1, unit: 'working_days', cutoff }).dueAt.getTime();
    assert.ok(b > a, `received ${receivedAt.toISOString()}, cutoff ${cutoff}, ${n} → ${n + 1}`);
  }
});

test('property: N working hours from receipt contain exactly N × 60 working minutes', () => {
  const random = prng(7);
  for (let i = 0; i < RUNS; i++) {
    const receivedAt = instant(random);
    const hours = 1 + int(random, 80);
    const r = dueOn(calendar, { receivedAt, amount: hours, unit: 'working_hours', cutoff: null });
    assert.equal(workingMinutes(calendar, receivedAt, r.dueAt), hours * 60, `received ${receivedAt.toISOString()}, ${hours} h`);
  }
});

test('property: a pause of zero length changes nothing', () => {
  const random = prng(11);
  for (let i = 0; i < RUNS; i++) {
    const at = instant(random);
    const due = instant(random);
    assert.equal(workingMinutes(calendar, at, at), 0);
    assert.equal(addWorkingMinutes(calendar, due, workingMinutes(calendar, at, at)).getTime(), due.getTime(), `due ${due.toISOString()}`);
  }
});

test('property: extending a due date by the working minutes of a pause adds exactly those minutes, and pauses add up', () => {
  const random = prng(99);
  for (let i = 0; i < RUNS; i++) {
    const a = instant(random);
    const b = new Date(a.getTime() + int(random, 30 * 24 * 60) * 60_000);
    const c = new Date(b.getTime() + int(random, 10 * 24 * 60) * 60_000);
    const due = instant(random);
    const paused = workingMinutes(calendar, a, b);
    const extended = addWorkingMinutes(calendar, due, paused);
    assert.equal(workingMinutes(calendar, due, extended), paused, `pause ${a.toISOString()}–${b.toISOString()}, due ${due.toISOString()}`);
    assert.ok(extended.getTime() >= due.getTime());
    assert.equal(workingMinutes(calendar, a, c), paused + workingMinutes(calendar, b, c), 'additive');
  }
});
