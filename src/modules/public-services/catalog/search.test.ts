import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestPlatform } from '../../../platform/testing/test-platform.js';
import { compareVietnamese } from '../../../platform/search/search-text.js';
import { psDb } from '../tables.js';
import { catalogTestPlatform } from './test-platform.js';
import { DEMO_PROCEDURES } from './demo/index.js';

let t: TestPlatform;
before(async () => {
  const platform = await catalogTestPlatform();
  t = platform.t;
});
after(() => t.close());

type Item = { code: string; name: string; field: string; level: string; agency: { code: string } | null; onlineLevel: string; feeTotal: number; version: number };
const list = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/procedures?${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { items: Item[]; nextCursor: string | null };
};
const q = (text: string) => `q=${encodeURIComponent(text)}`;

test('"đăng ký khai sinh" is found the same with diacritics, without them, in NFD and in upper case, and ranks first', async () => {
  const spellings = ['đăng ký khai sinh', 'dang ky khai sinh', 'đăng ký khai sinh'.normalize('NFD'), 'ĐĂNG KÝ KHAI SINH'];
  assert.notEqual(spellings[2], spellings[0], 'the NFD spelling really differs byte-wise');
  const results = await Promise.all(spellings.map((s) => list(q(s))));
  for (const r of results) {
    assert.equal(r.items[0]?.code, '1.001193', 'the exact name comes first');
    assert.equal(r.items[0]?.name, 'Đăng ký khai sinh');
    assert.deepEqual(r.items.map((i) => i.code), results[0]!.items.map((i) => i.code), 'every spelling gives the same list');
  }
  assert.ok(results[0]!.items.some((i) => i.code === '1.000689'), 'names that merely contain the words are found too, after');
});

test('the words of a query may come in any order, and a code finds its procedure', async () => {
  assert.ok((await list(q('khai sinh dang ky'))).items.some((i) => i.code === '1.001193'));
  assert.equal((await list(q('2.000635'))).items[0]?.code, '2.000635');
  assert.equal((await list(q('cap ban sao'))).items[0]?.name, 'Cấp bản sao trích lục hộ tịch', 'C8: "cap ban sao" finds "Cấp bản sao"');
});

test('a query matches the field too, and wildcards typed by a user match literally', async () => {
  const byField = await list(q('ho tich'));
  assert.ok(byField.items.length >= 8 && byField.items.every((i) => i.field === 'Hộ tịch' || /hộ tịch/i.test(i.name)));
  assert.equal((await list(q('%'))).items.length, 0, '"%" is not a wildcard');
});

test('without a query the catalog is in Vietnamese alphabetical order and cursor paging walks it once, in order', async () => {
  const all: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await list(`limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.ok(page.items.length <= 7);
    all.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  assert.equal(cursor, null, 'the last page has no next cursor');
  assert.equal(new Set(all.map((i) => i.code)).size, all.length, 'no procedure twice');
  assert.ok(all.length >= DEMO_PROCEDURES.length, 'every demo procedure is listed');
  for (let i = 1; i < all.length; i++) assert.ok(compareVietnamese(all[i - 1]!.name, all[i]!.name) <= 0, `${all[i - 1]!.name} before ${all[i]!.name}`);
  const one = await list('limit=200');
  assert.deepEqual(one.items.map((i) => i.code), all.map((i) => i.code), 'pages join up to the single-page list');
});

test('cursor paging of a ranked search keeps best matches first across pages', async () => {
  const walked: Item[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(`${q('dang ky')}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    walked.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const whole = await list(`${q('dang ky')}&limit=200`);
  assert.deepEqual(walked.map((i) => i.code), whole.items.map((i) => i.code), 'pages of 3 join up to the whole list');
  const prefixed = walked.map((i) => i.name.startsWith('Đăng ký'));
  const firstOther = prefixed.indexOf(false);
  assert.ok(firstOther > 0, 'names starting with the query exist and come first');
  assert.ok(prefixed.slice(firstOther).every((p) => !p), 'no name starting with the query comes after one that does not');
  assert.ok(walked.some((i) => i.name.includes('đăng ký đầu tư')), 'a name with the words inside is found too');
});

test('filters by field, level, online level and agency', async () => {
  const commune = await list('level=commune&limit=200');
  assert.ok(commune.items.length > 0 && commune.items.every((i) => i.level === 'commune' && i.agency === null));
  const full = await list('onlineLevel=full&limit=200');
  assert.ok(full.items.length > 0 && full.items.every((i) => i.onlineLevel === 'full'));
  const civil = await list(`field=${encodeURIComponent('Hộ tịch')}&limit=200`);
  assert.ok(civil.items.every((i) => i.field === 'Hộ tịch'));
  const cat = await t.ctx.db.selectFrom('agencies').select('id').where('code', '=', 'CAT').executeTakeFirstOrThrow();
  const police = await list(`agencyId=${cat.id}&limit=200`);
  assert.ok(police.items.length >= 3 && police.items.every((i) => i.agency?.code === 'CAT'));
});

test('a forged cursor is a bilingual 400', async () => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/procedures?cursor=${Buffer.from('{"x":1}').toString('base64url')}` });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().code, 'invalid_cursor');
  assert.ok(res.json().message.vi && res.json().message.en);
});

test('fields come with their counts, in Vietnamese order', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/fields' });
  const items = res.json().items as Array<{ field: string; count: number }>;
  assert.equal(items.find((i) => i.field === 'Hộ tịch')?.count, DEMO_PROCEDURES.filter((p) => p.field === 'Hộ tịch').length);
  for (let i = 1; i < items.length; i++) assert.ok(compareVietnamese(items[i - 1]!.field, items[i]!.field) < 0);
});

test('the demo catalog: at least 30 real-named procedures in force, the five required ones among them', async () => {
  const all = (await list('limit=200')).items;
  const demo = all.filter((i) => DEMO_PROCEDURES.some((d) => d.code === i.code));
  assert.ok(demo.length >= 30, `${demo.length} demo procedures`);
  for (const name of ['Đăng ký khai sinh', 'Đăng ký kết hôn', 'Cấp bản sao trích lục hộ tịch', 'Đăng ký thành lập hộ kinh doanh']) {
    assert.ok(all.some((i) => i.name === name), name);
  }
  assert.ok(all.some((i) => i.name.startsWith('Cấp giấy phép xây dựng') && i.level === 'commune'), 'a commune-level building permit');
  const levels = new Set(demo.map((i) => i.onlineLevel));
  assert.deepEqual([...levels].sort(), ['full', 'none', 'partial']);
  assert.ok(demo.filter((i) => i.onlineLevel !== 'none').length > demo.length / 2, 'most are online');
  assert.ok(demo.some((i) => i.level === 'province') && demo.some((i) => i.level === 'commune'));
});

test('every demo procedure is published from 01/07/2025, flagged demo, and at least three hand over to another agency', async () => {
  const rows = await psDb(t.ctx.db)
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .select(['p.code', 'v.is_demo', 'v.effective_from', 'v.process'])
    .where('p.code', 'in', DEMO_PROCEDURES.map((d) => d.code))
    .execute();
  assert.equal(rows.length, DEMO_PROCEDURES.length, 'one version each');
  for (const r of rows) {
    assert.equal(r.is_demo, true);
    assert.equal(r.effective_from?.toISOString(), '2025-06-30T17:00:00.000Z');
  }
  assert.ok(rows.filter((r) => r.process.some((s) => typeof s.actor === 'object')).length >= 3);
});

test('seeding the demo catalog again adds nothing', async () => {
  const { seedDemoCatalog } = await import('./seed-demo.js');
  const count = async () => Number((await psDb(t.ctx.db).selectFrom('procedure_versions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const before = await count();
  await seedDemoCatalog(t.ctx);
  assert.equal(await count(), before);
});
