import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVietnamese } from '../../../platform/search/search-text.js';
import { DEMO_PROCEDURES } from './demo/index.js';
import { vietnameseSortKey } from './sort-key.js';

const byKey = (a: string, b: string) => (vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : vietnameseSortKey(a) > vietnameseSortKey(b) ? 1 : 0);

test('byte order of the sort key is Vietnamese alphabetical order (a ă â … d đ …, tones ngang huyền hỏi ngã sắc nặng)', () => {
  const words = ['ạ', 'a', 'á', 'à', 'ã', 'ả', 'ă', 'â', 'b', 'đ', 'd', 'ê', 'e', 'ơ', 'ô', 'o', 'ư', 'u', 'y', 'x'];
  assert.deepEqual([...words].sort(byKey), ['a', 'à', 'ả', 'ã', 'á', 'ạ', 'ă', 'â', 'b', 'd', 'đ', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư', 'x', 'y']);
});

test('the sort key orders like compareVietnamese for the demo names and tricky cases', () => {
  const names = [...DEMO_PROCEDURES.map((p) => p.name), 'Cấp giấy phép 10', 'Cấp giấy phép 2', 'an', 'anh', 'Ánh', 'a b', 'ab', 'Đan', 'dan', 'Dân', 'ma', 'mạ', 'mac'];
  const sorted = [...names].sort(byKey);
  for (let i = 1; i < sorted.length; i++) assert.ok(compareVietnamese(sorted[i - 1]!, sorted[i]!) <= 0, `${sorted[i - 1]} ≤ ${sorted[i]}`);
  assert.ok(sorted.indexOf('Cấp giấy phép 2') < sorted.indexOf('Cấp giấy phép 10'), 'numbers by value');
});

test('NFC and NFD spellings get the same key, and the key is plain ASCII', () => {
  const name = 'Đăng ký khai sinh';
  assert.equal(vietnameseSortKey(name.normalize('NFD')), vietnameseSortKey(name));
  assert.match(vietnameseSortKey(name), /^[\x20-\x7e]+$/);
});
