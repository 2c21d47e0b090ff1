import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { compareVietnamese, likePattern, normalizeNfc, toSearchText } from './search-text.js';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';

test('search text folds diacritics, đ and case, whatever the Unicode form', () => {
  assert.equal(toSearchText('Quảng Trị'), 'quang tri');
  assert.equal(toSearchText('Quảng Trị'.normalize('NFD')), 'quang tri');
  assert.equal(toSearchText('Phường Đồng Hới'), 'phuong dong hoi');
  assert.equal(toSearchText('  ĐẮK   LẮK '), 'dak lak');
  assert.equal(toSearchText('Nguyễn', null, 'Văn'), 'nguyen van');
});

test('LIKE wildcards typed by a user match literally', () => {
  assert.equal(likePattern('100%'), '%100\\%%');
  assert.equal(likePattern('a_b'), '%a\\_b%');
});

test('NFC normalisation reaches nested strings and leaves other values alone', () => {
  const nfd = 'Huế'.normalize('NFD');
  assert.deepEqual(normalizeNfc({ a: nfd, b: [nfd, 3], c: null }), { a: 'Huế', b: ['Huế', 3], c: null });
});

test('Vietnamese sorting puts ă â after a, đ after d and ơ after o', () => {
  const names = ['Đông Hà', 'Dương Kinh', 'Ân Thi', 'An Khê', 'Ơn', 'Ô Môn', 'Ba Đồn'];
  assert.deepEqual([...names].sort(compareVietnamese), ['An Khê', 'Ân Thi', 'Ba Đồn', 'Dương Kinh', 'Đông Hà', 'Ô Môn', 'Ơn']);
});

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  await sql`create table search_probe (name text not null, search_text text not null)`.execute(t.ctx.db);
  await sql`create index search_probe_idx on search_probe using gin (search_text gin_trgm_ops)`.execute(t.ctx.db);
  for (const name of ['Tỉnh Quảng Trị', 'Phường Đồng Hới', 'Xã Cam Lộ', 'Phường Đông Hà', 'Thành phố Huế']) {
    await sql`insert into search_probe values (${name}, ${toSearchText(name)})`.execute(t.ctx.db);
  }
});
after(() => t.close());

test('the same queries find the same rows in the database (both engines run this suite)', async () => {
  const find = async (q: string) =>
    (await sql<{ name: string }>`select name from search_probe where search_text like ${likePattern(q)} order by name`.execute(t.ctx.db)).rows.map((r) => r.name);
  assert.deepEqual(await find('quang tri'), ['Tỉnh Quảng Trị']);
  assert.deepEqual(await find('Quảng Trị'), ['Tỉnh Quảng Trị']);
  assert.deepEqual(await find('Quảng Trị'.normalize('NFD')), ['Tỉnh Quảng Trị']);
  assert.deepEqual(await find('dong'), ['Phường Đông Hà', 'Phường Đồng Hới']);
  assert.deepEqual(await find('đồng hới'), ['Phường Đồng Hới']);
});
