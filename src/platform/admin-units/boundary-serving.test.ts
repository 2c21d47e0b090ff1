import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { signInAs } from '../testing/sign-in.js';
import { chooseEncoding, matchesEtag } from './boundary-cache.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
});
after(() => t.close());

const URL_FULL = '/api/v1/admin-units/44/children/boundaries';
const URL_LIGHT = `${URL_FULL}?detail=light`;
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
type Collection = { type: string; features: Array<{ id: string; properties: { code: string; name: string }; geometry: { type: string; coordinates: unknown } }> };

test('the light outlines have every commune of the full ones, in under a ninth of the bytes', async () => {
  const full = await get(URL_FULL);
  const light = await get(URL_LIGHT);
  assert.equal(full.statusCode, 200);
  assert.equal(light.statusCode, 200);
  assert.match(String(light.headers['content-type']), /^application\/json/);
  const a = full.json() as Collection;
  const b = light.json() as Collection;
  assert.equal(b.type, 'FeatureCollection');
  assert.equal(b.features.length, 78);
  assert.deepEqual(
    b.features.map((f) => [f.id, f.properties.name, f.geometry.type]),
    a.features.map((f) => [f.id, f.properties.name, f.geometry.type]),
  );
  assert.ok(light.rawPayload.length * 9 < full.rawPayload.length, `light ${light.rawPayload.length} B, full ${full.rawPayload.length} B`);
});

test('gzip and brotli responses decode to exactly the uncompressed JSON, and say they vary by Accept-Encoding', async () => {
  for (const url of [URL_LIGHT, URL_FULL]) {
    const plain = await get(url);
    assert.equal(plain.headers['content-encoding'], undefined, 'nothing asked, nothing compressed');
    const gz = await get(url, { 'accept-encoding': 'gzip, deflate' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.rawPayload), plain.rawPayload);
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(brotliDecompressSync(br.rawPayload), plain.rawPayload);
    assert.ok(gz.rawPayload.length * 3 < plain.rawPayload.length, `gzip ${gz.rawPayload.length} of ${plain.rawPayload.length} B`);
    for (const res of [plain, gz, br]) {
      assert.equal(res.headers.vary, 'accept-encoding');
      assert.equal(res.headers['cache-control'], 'public, max-age=86400');
      assert.equal(res.headers.etag, plain.headers.etag, 'one ETag for one content, whatever the coding');
    }
  }
});

test('a client holding the current outlines gets 304 without a body; the full and light outlines have different ETags', async () => {
  const light = await get(URL_LIGHT);
  const etag = String(light.headers.etag);
  assert.match(etag, /^"[\w-]{20,}"$/);
  const again = await get(URL_LIGHT, { 'if-none-match': etag, 'accept-encoding': 'gzip' });
  assert.equal(again.statusCode, 304);
  assert.equal(again.rawPayload.length, 0);
  assert.equal(again.headers.etag, etag);
  assert.notEqual((await get(URL_FULL)).headers.etag, etag);
  assert.equal((await get(URL_LIGHT, { 'if-none-match': '"stale"' })).statusCode, 200);
});

test('renaming a commune changes the outlines served (the cache follows the data) and their ETag', async () => {
  const admin = await signInAs(t.app, 'system_admin');
  const before = await get(URL_LIGHT);
  const rename = await t.app.inject({ method: 'PATCH', url: '/api/v1/admin-units/18880', headers: admin.writeHeaders, payload: { name: 'Phường Đồng Hới (thử)' } });
  assert.equal(rename.statusCode, 200, rename.body);
  try {
    const after = await get(URL_LIGHT);
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.equal((after.json() as Collection).features.find((f) => f.id === '18880')?.properties.name, 'Phường Đồng Hới (thử)');
  } finally {
    await t.app.inject({ method: 'PATCH', url: '/api/v1/admin-units/18880', headers: admin.writeHeaders, payload: { name: 'Phường Đồng Hới' } });
  }
});

test('an unknown unit is 404 and an unknown detail level 400, both in Vietnamese and English', async () => {
  const missing = await get('/api/v1/admin-units/99999/children/boundaries?detail=light');
  assert.equal(missing.statusCode, 404);
  assert.ok(missing.json().message.vi && missing.json().message.en);
  const wrong = await get(`${URL_FULL}?detail=tiny`);
  assert.equal(wrong.statusCode, 400);
  assert.ok(wrong.json().message.vi && wrong.json().message.en);
});

test('the coding follows Accept-Encoding: brotli before gzip, q=0 refuses, * accepts any', () => {
  assert.equal(chooseEncoding(undefined), 'identity');
  assert.equal(chooseEncoding('gzip, deflate'), 'gzip');
  assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(chooseEncoding('*'), 'br');
  assert.equal(chooseEncoding('*;q=0, identity'), 'identity');
  assert.equal(chooseEncoding(['deflate', 'GZIP']), 'gzip');
  assert.ok(matchesEtag('W/"abc", "def"', '"abc"'));
  assert.ok(matchesEtag('*', '"abc"'));
  assert.ok(!matchesEtag('"abcd"', '"abc"'));
});
