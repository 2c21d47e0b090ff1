import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { importAdminUnits } from './import.js';
import { resolvePoint } from './resolve.js';
import { convertOldUnit } from './conversion.js';
import { getAdminUnit } from './queries.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
});
after(() => t.close());

const count = async (where: string) =>
  Number((await sql<{ n: string }>`select count(*) as n from admin_units where ${sql.raw(where)}`.execute(t.ctx.db)).rows[0]!.n);

test('the demo seed imports all 34 provinces and 3,321 communes, 78 of them in Quảng Trị (44) all with boundaries', async () => {
  assert.equal(await count('parent_code is null'), 34);
  assert.equal(await count('level = 2'), 3321);
  assert.equal(await count(`parent_code = '44'`), 78);
  assert.equal(await count(`parent_code = '44' and boundary is not null and centroid_lat is not null`), 78);
  assert.equal(await count('level = 1 and boundary is not null'), 34);
});

test('codes keep the official zero padding: Hà Nội is 01, Phường Ba Đình 00004', async () => {
  const hanoi = await getAdminUnit(t.ctx.db, '01');
  assert.equal(hanoi?.name, 'Thành phố Hà Nội');
  assert.equal(hanoi?.type, 'municipality');
  const badinh = await getAdminUnit(t.ctx.db, '00004');
  assert.equal(badinh?.parentCode, '01');
  assert.equal(badinh?.type, 'ward');
});

test('stored rings follow RFC 7946: exterior rings run counter-clockwise', async () => {
  const row = await t.ctx.db.selectFrom('admin_units').select('boundary').where('code', '=', '18880').executeTakeFirstOrThrow();
  const ring = (row.boundary!.type === 'MultiPolygon' ? row.boundary!.coordinates[0]![0] : row.boundary!.coordinates[0])!;
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  assert.ok(area > 0);
});

test('re-importing the same files is a no-op, and a forced re-import changes no counts', async () => {
  const again = await importAdminUnits(t.ctx);
  assert.equal(again.skipped, true);
  const forced = await importAdminUnits(t.ctx, { force: true });
  assert.equal(forced.skipped, false);
  assert.equal(forced.units, 34 + 3321);
  assert.equal(await count('true'), 34 + 3321);
  const conversions = await t.ctx.db.selectFrom('admin_unit_conversions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(conversions.n), forced.conversions);
  assert.ok(forced.conversions > 10_000);
});

test('the pin point of Phường Đồng Hới resolves back to Phường Đồng Hới (18880)', async () => {
  const unit = await getAdminUnit(t.ctx.db, '18880');
  assert.ok(unit?.centroid);
  assert.equal(await resolvePoint(t.ctx.db, unit.centroid.lat, unit.centroid.lng), '18880');
});

test('every Quảng Trị commune pin lies inside its own commune, even for concave shapes', async () => {
  const rows = await t.ctx.db.selectFrom('admin_units').select(['code', 'centroid_lat', 'centroid_lng']).where('parent_code', '=', '44').execute();
  for (const r of rows) assert.equal(await resolvePoint(t.ctx.db, r.centroid_lat!, r.centroid_lng!), r.code, r.code);
});

test('points at sea, in Hà Nội or outside Vietnam resolve to nothing (only Quảng Trị has commune outlines)', async () => {
  assert.equal(await resolvePoint(t.ctx.db, 17.6, 107.3), null, 'South China Sea off Quảng Trị');
  assert.equal(await resolvePoint(t.ctx.db, 21.0285, 105.8542), null, 'Hoàn Kiếm, Hà Nội');
  assert.equal(await resolvePoint(t.ctx.db, 48.85, 2.35), null, 'Paris');
});

test('an old commune code converts to the commune it merged into', async () => {
  const [hit] = await convertOldUnit(t.ctx.db, { oldCode: '18853' });
  assert.equal(hit?.oldName, 'Phường Hải Thành');
  assert.equal(hit?.newCode, '18880');
  assert.equal(hit?.newName, 'Phường Đồng Hới');
});

test('an old commune name converts without diacritics or type word, narrowed by district and province', async () => {
  const hits = await convertOldUnit(t.ctx.db, { oldName: 'hai thanh', oldDistrict: 'Đồng Hới', oldProvince: 'quang binh' });
  assert.deepEqual(
    hits.map((h) => h.newCode),
    ['18880'],
  );
  const split = await convertOldUnit(t.ctx.db, { oldCode: '19' });
  assert.ok(split.length > 1, 'an old commune split between several new ones lists each');
});
