import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { signInAs } from '../testing/sign-in.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
});
after(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

test('without parent the list gives the 34 top-level units in the contract shape {code,name,type,parentCode}', async () => {
  const res = await get('/api/v1/admin-units?limit=200');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.items.length, 34);
  assert.equal(body.nextCursor, null);
  assert.deepEqual(body.items[0], { code: '01', name: 'Thành phố Hà Nội', type: 'municipality', parentCode: null });
});

test('children of Quảng Trị page by code with a cursor, 78 in all with no repeats', async () => {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await get(`/api/v1/admin-units?parent=44&limit=30${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.statusCode, 200);
    const body = res.json() as { items: Array<{ code: string; parentCode: string }>; nextCursor: string | null };
    for (const item of body.items) assert.equal(item.parentCode, '44');
    seen.push(...body.items.map((i) => i.code));
    cursor = body.nextCursor;
    pages++;
  } while (cursor);
  assert.equal(pages, 3);
  assert.equal(seen.length, 78);
  assert.equal(new Set(seen).size, 78);
  assert.deepEqual(seen, [...seen].sort());
});

test('an unknown parent is 404 and a forged cursor is 400, both in Vietnamese and English', async () => {
  const missing = await get('/api/v1/admin-units?parent=99999');
  assert.equal(missing.statusCode, 404);
  assert.ok(missing.json().message.vi && missing.json().message.en);
  const forged = await get('/api/v1/admin-units?parent=44&cursor=not-a-cursor');
  assert.equal(forged.statusCode, 400);
  assert.equal(forged.json().code, 'invalid_cursor');
});

test('a unit shows its pin point, box, boundary flag and ancestors', async () => {
  const res = await get('/api/v1/admin-units/18880');
  assert.equal(res.statusCode, 200);
  const unit = res.json();
  assert.equal(unit.name, 'Phường Đồng Hới');
  assert.equal(unit.hasBoundary, true);
  assert.equal(unit.bbox.length, 4);
  assert.ok(unit.centroid.lat > 17 && unit.centroid.lat < 18 && unit.centroid.lng > 106 && unit.centroid.lng < 107);
  assert.deepEqual(unit.ancestors, [{ code: '44', name: 'Tỉnh Quảng Trị', type: 'province', parentCode: null }]);
  const hanoiWard = (await get('/api/v1/admin-units/00004')).json();
  assert.equal(hanoiWard.hasBoundary, false);
  assert.equal(hanoiWard.centroid, null);
});

test('resolve returns the commune containing a point and 404 (vi+en) for a point in Hà Nội or at sea', async () => {
  const { centroid } = (await get('/api/v1/admin-units/18880')).json();
  const hit = await get(`/api/v1/admin-units/resolve?lat=${centroid.lat}&lng=${centroid.lng}`);
  assert.equal(hit.statusCode, 200);
  assert.equal(hit.json().code, '18880');
  assert.equal(hit.json().parentCode, '44');
  for (const [lat, lng] of [[21.0285, 105.8542], [17.6, 107.3]]) {
    const miss = await get(`/api/v1/admin-units/resolve?lat=${lat}&lng=${lng}`);
    assert.equal(miss.statusCode, 404);
    assert.ok(miss.json().message.vi && miss.json().message.en);
  }
});

test('resolve refuses a missing or out-of-range coordinate with 400 in both languages', async () => {
  for (const query of ['lat=95&lng=106', 'lat=abc&lng=106', 'lng=106']) {
    const res = await get(`/api/v1/admin-units/resolve?${query}`);
    assert.equal(res.statusCode, 400, query);
    assert.equal(res.json().code, 'validation_failed');
    assert.ok(res.json().message.vi && res.json().message.en);
  }
});

test('search ignores diacritics and Unicode form: "quang tri", "Quảng Trị" and its NFD form all find the province first', async () => {
  for (const q of ['quang tri', 'Quảng Trị', 'Quảng Trị'.normalize('NFD')]) {
    const res = await get(`/api/v1/admin-units/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().items[0].code, '44', q);
  }
});

test('search "dong hoi" finds Phường Đồng Hới first, and `within` keeps results inside a subtree', async () => {
  const res = await get('/api/v1/admin-units/search?q=dong%20hoi');
  assert.equal(res.json().items[0].code, '18880');
  const inside = (await get('/api/v1/admin-units/search?q=phuong&within=44&limit=200')).json();
  assert.ok(inside.items.length > 5);
  for (const item of inside.items) assert.equal(item.parentCode, '44');
});

test('search pages with a cursor without repeating results', async () => {
  const first = (await get('/api/v1/admin-units/search?q=xa&limit=10')).json();
  assert.ok(first.nextCursor);
  const second = (await get(`/api/v1/admin-units/search?q=xa&limit=10&cursor=${first.nextCursor}`)).json();
  const codes = [...first.items, ...second.items].map((i: { code: string }) => i.code);
  assert.equal(new Set(codes).size, 20);
});

test('convert maps an old code and an old name (with district and province) to the new commune', async () => {
  const byCode = await get('/api/v1/admin-units/convert?oldCode=18853');
  assert.equal(byCode.statusCode, 200);
  assert.equal(byCode.json().items[0].newCode, '18880');
  const byName = await get(`/api/v1/admin-units/convert?oldName=${encodeURIComponent('Phường Hải Thành')}&oldDistrict=dong%20hoi&oldProvince=${encodeURIComponent('Quảng Bình')}`);
  assert.deepEqual(byName.json().items.map((i: { newCode: string }) => i.newCode), ['18880']);
  assert.equal((await get('/api/v1/admin-units/convert')).statusCode, 400);
  assert.equal((await get('/api/v1/admin-units/convert?oldCode=99998')).statusCode, 404);
});

test('boundaries are served as a GeoJSON Feature and as a FeatureCollection of children', async () => {
  const feature = await get('/api/v1/admin-units/18880/boundary');
  assert.equal(feature.statusCode, 200);
  assert.equal(feature.json().type, 'Feature');
  assert.equal(feature.json().geometry.type, 'MultiPolygon');
  const children = await get('/api/v1/admin-units/44/children/boundaries');
  assert.equal(children.json().type, 'FeatureCollection');
  assert.equal(children.json().features.length, 78);
  assert.equal((await get('/api/v1/admin-units/00004/boundary')).statusCode, 404);
});

test('renaming needs a signed-in system admin: 401 anonymous, 403 officer, 200 admin with an audit row', async () => {
  const anonymous = await t.app.inject({ method: 'PATCH', url: '/api/v1/admin-units/18880', payload: { name: 'Phường Đồng Hới mới' } });
  assert.equal(anonymous.statusCode, 401);
  const officer = await signInAs(t.app, 'officer');
  const refused = await t.app.inject({ method: 'PATCH', url: '/api/v1/admin-units/18880', headers: officer.writeHeaders, payload: { name: 'X Y' } });
  assert.equal(refused.statusCode, 403);
  const admin = await signInAs(t.app, 'system_admin');
  const bad = await t.app.inject({ method: 'PATCH', url: '/api/v1/admin-units/18880', headers: admin.writeHeaders, payload: { name: 'X', code: '1' } });
  assert.equal(bad.statusCode, 400);
  const ok = await t.app.inject({ method: 'PATCH', url: '/api/v1/admin-units/18871', headers: admin.writeHeaders, payload: { name: 'Phường Thử Nghiệm' } });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().name, 'Phường Thử Nghiệm');
  assert.equal((await get('/api/v1/admin-units/search?q=thu%20nghiem')).json().items[0].code, '18871');
  const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'admin-unit.rename').execute();
  assert.deepEqual(audit, [{ action: 'admin-unit.rename', target_id: '18871' }]);
});
