import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromDayNumber, dayNumberOf } from './civil-date.js';
import { leapMonthOf, lunarDateOf, lunarMonthLength, lunarToSolar, solarToLunar, tetOf } from './lunar.js';

const CHINA = 8;

test('Tết in Vietnam falls on the published dates 2024–2035', () => {
  const expected: Record<number, string> = {
    2024: '2024-02-10',
    2025: '2025-01-29',
    2026: '2026-02-17',
    2027: '2027-02-06',
    2028: '2028-01-26',
    2029: '2029-02-13',
    2030: '2030-02-02',
    2031: '2031-01-23',
    2032: '2032-02-11',
    2033: '2033-01-31',
    2034: '2034-02-19',
    2035: '2035-02-08',
  };
  for (const [year, date] of Object.entries(expected)) assert.equal(tetOf(Number(year)), date, `Tết ${year}`);
});

test('Vietnam (UTC+7) and China (UTC+8) celebrate Tết on different days in 1968, 1985, 2007 and 2030', () => {
  assert.equal(tetOf(1968), '1968-01-29');
  assert.equal(tetOf(1968, CHINA), '1968-01-30');
  // 1985: a whole month apart, because the leap month falls differently in the two time zones.
  assert.equal(tetOf(1985), '1985-01-21');
  assert.equal(tetOf(1985, CHINA), '1985-02-20');
  assert.equal(tetOf(2007), '2007-02-17');
  assert.equal(tetOf(2007, CHINA), '2007-02-18');
  assert.equal(tetOf(2030), '2030-02-02');
  assert.equal(tetOf(2030, CHINA), '2030-02-03');
});

test("Hùng Kings' Day (10/3 lunar) is 18/04/2024, 07/04/2025, 26/04/2026 and 16/04/2027", () => {
  const hung = (year: number) => lunarToSolar({ day: 10, month: 3, year, leap: false });
  assert.equal(hung(2024), '2024-04-18');
  assert.equal(hung(2025), '2025-04-07');
  assert.equal(hung(2026), '2026-04-26');
  assert.equal(hung(2027), '2027-04-16');
  assert.equal(hung(2030), '2030-04-12');
});

test('solar→lunar gives the lunar date, year and leap flag of known days', () => {
  assert.deepEqual(lunarDateOf('2025-01-29'), { day: 1, month: 1, year: 2025, leap: false });
  // A January date before Tết belongs to the previous lunar year.
  assert.deepEqual(lunarDateOf('2025-01-28'), { day: 29, month: 12, year: 2024, leap: false });
  // 2025 (Ất Tỵ) has a leap 6th month starting 25/07/2025.
  assert.deepEqual(lunarDateOf('2025-07-25'), { day: 1, month: 6, year: 2025, leap: true });
  assert.deepEqual(lunarDateOf('2025-06-25'), { day: 1, month: 6, year: 2025, leap: false });
  assert.deepEqual(lunarDateOf('2025-08-23'), { day: 1, month: 7, year: 2025, leap: false });
  // 2023 (Quý Mão): leap 2nd month from 22/03/2023; 2020 (Canh Tý): leap 4th month from 23/05/2020.
  assert.deepEqual(lunarDateOf('2023-03-22'), { day: 1, month: 2, year: 2023, leap: true });
  assert.deepEqual(lunarDateOf('2020-05-23'), { day: 1, month: 4, year: 2020, leap: true });
  assert.deepEqual(solarToLunar(2026, 2, 16), { day: 29, month: 12, year: 2025, leap: false });
});

test('leap months: 2020→4, 2023→2, 2025→6, 1985→2 in Vietnam (none in China), 2033→11, none in 2024 and 2026', () => {
  assert.equal(leapMonthOf(2020), 4);
  assert.equal(leapMonthOf(2023), 2);
  assert.equal(leapMonthOf(2025), 6);
  assert.equal(leapMonthOf(1985), 2);
  assert.equal(leapMonthOf(1985, CHINA), null);
  assert.equal(leapMonthOf(2033), 11);
  assert.equal(leapMonthOf(2024), null);
  assert.equal(leapMonthOf(2026), null);
});

test('lunar→solar returns null for dates that do not exist', () => {
  assert.equal(lunarToSolar({ day: 1, month: 5, year: 2025, leap: true }), null, '2025 has no leap 5th month');
  // The 12th month of Ất Tỵ (2025) has 29 days: its 30th does not exist.
  assert.equal(lunarMonthLength(2025, 12), 29);
  assert.equal(lunarToSolar({ day: 30, month: 12, year: 2025, leap: false }), null);
  assert.equal(lunarToSolar({ day: 0, month: 1, year: 2025, leap: false }), null);
  assert.equal(lunarToSolar({ day: 1, month: 13, year: 2025, leap: false }), null);
});

test('every day from 1950 to 2100 converts to lunar and back to the same day', () => {
  const from = dayNumberOf(1950, 1, 1);
  const to = dayNumberOf(2100, 12, 31);
  let previous = solarToLunar(1949, 12, 31);
  for (let n = from; n <= to; n++) {
    const date = fromDayNumber(n);
    const lunar = lunarDateOf(date);
    assert.equal(lunarToSolar(lunar), date, `round trip of ${date}`);
    // Consecutive days: the next lunar day, or day 1 of a new month after day 29 or 30.
    if (lunar.day === 1) assert.ok(previous.day === 29 || previous.day === 30, `month before ${date} has 29 or 30 days`);
    else assert.equal(lunar.day, previous.day + 1);
    previous = lunar;
  }
});

test('Tết always falls between 21/01 and 20/02 (1900–2199)', () => {
  for (let year = 1900; year <= 2199; year++) {
    const md = tetOf(year).slice(5);
    assert.ok(md >= '01-21' && md <= '02-20', `Tết ${year} on ${tetOf(year)}`);
  }
});
