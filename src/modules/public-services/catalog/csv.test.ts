import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, toCsv } from './csv.js';

test('CSV round trip keeps commas, quotes, line breaks and Vietnamese text', () => {
  const rows = [['code', 'name', 'json'], ['1.001193', 'Đăng ký khai sinh, "đúng hạn"', '{"a":[1,2]}'], ['X', 'dòng 1\r\ndòng 2', '']];
  const text = toCsv(rows);
  assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark for spreadsheet programs');
  assert.deepEqual(parseCsv(text), rows);
});

test('an unterminated quoted field is a 400, not a silent truncation', () => {
  assert.throws(() => parseCsv('a,"b\n'), (e: { status?: number }) => e.status === 400);
});
