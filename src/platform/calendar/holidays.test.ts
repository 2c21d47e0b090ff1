import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compensationDays, defaultNationalDaySecond, statutoryHolidays } from './holidays.js';

const dates = (list: Array<{ date: string }>) => list.map((d) => d.date);

test('the 11 statutory holidays of 2025 (Labour Code 2019 Art. 112): 1/1, 5 Tết days, Giỗ Tổ, 30/4, 1/5, 2/9 and 1/9', () => {
  const holidays = statutoryHolidays(2025, '2025-09-01');
  assert.equal(holidays.length, 11);
  assert.deepEqual(dates(holidays), [
    '2025-01-01',
    '2025-01-28', // last day of the lunar year (29 tháng Chạp)
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-02-01',
    '2025-04-07',
    '2025-04-30',
    '2025-05-01',
    '2025-09-01',
    '2025-09-02',
  ]);
  assert.ok(holidays.every((h) => h.name.vi.length > 0 && h.name.en.length > 0));
});

test('Tết 2026 runs from the last day of Ất Tỵ (16/02) to the 4th of Bính Ngọ (20/02)', () => {
  const tet = statutoryHolidays(2026).filter((h) => h.key === 'tet');
  assert.deepEqual(dates(tet), ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
});

test("Hùng Kings' Day 2026 falls on Sunday 26/04, so Monday 27/04/2026 is the compensation day", () => {
  const comp = compensationDays(statutoryHolidays(2026));
  assert.deepEqual(dates(comp), ['2026-04-27']);
  assert.equal(comp[0]!.forDate, '2026-04-26');
  assert.match(comp[0]!.name.vi, /Nghỉ bù/);
});

test('a Tết whose Saturday and Sunday are holidays gives two compensation days after the break (2024: 14 and 15/02)', () => {
  const comp = compensationDays(statutoryHolidays(2024, '2024-09-03'));
  assert.deepEqual(dates(comp).filter((d) => d < '2024-03-01'), ['2024-02-14', '2024-02-15']);
});

test('New Year on a Saturday is compensated on Monday (2022), on a Sunday on Monday too (2023)', () => {
  assert.ok(dates(compensationDays(statutoryHolidays(2022))).includes('2022-01-03'));
  assert.ok(dates(compensationDays(statutoryHolidays(2023))).includes('2023-01-02'));
});

test('2/9 on a Saturday with 1/9 chosen: the compensation day is Monday 4/9 (2023), skipping Sunday 3/9', () => {
  const comp = compensationDays(statutoryHolidays(2023, '2023-09-01'));
  assert.ok(dates(comp).includes('2023-09-04'));
});

test('the default day joining 2/9 reproduces the decisions of 2021–2025 and is absent before 2021', () => {
  assert.equal(defaultNationalDaySecond(2021), '2021-09-03'); // 2/9 Thursday
  assert.equal(defaultNationalDaySecond(2022), '2022-09-01'); // Friday
  assert.equal(defaultNationalDaySecond(2023), '2023-09-01'); // Saturday
  assert.equal(defaultNationalDaySecond(2024), '2024-09-03'); // Monday
  assert.equal(defaultNationalDaySecond(2025), '2025-09-01'); // Tuesday
  assert.equal(defaultNationalDaySecond(2020), null);
  assert.equal(statutoryHolidays(2020).length, 10, 'one National Day before the 2019 Labour Code took effect');
});

test('every year 2021–2199 has 11 distinct statutory holidays and compensation days never land on a holiday or weekend', () => {
  for (let year = 2021; year <= 2199; year++) {
    const holidays = statutoryHolidays(year);
    assert.equal(new Set(dates(holidays)).size, 11, `year ${year}`);
    const holidaySet = new Set(dates(holidays));
    for (const c of compensationDays(holidays)) {
      assert.ok(!holidaySet.has(c.date), `${c.date} is a holiday`);
      const weekday = new Date(`${c.date}T00:00:00Z`).getUTCDay();
      assert.ok(weekday !== 0 && weekday !== 6, `${c.date} is a weekend`);
    }
  }
});
