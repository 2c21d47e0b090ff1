import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { loadConfig, ConfigError } from '../config/config.js';

const platforms: TestPlatform[] = [];
after(() => Promise.all(platforms.map((p) => p.close())));

async function platform(env: Record<string, string>): Promise<TestPlatform> {
  const t = await createTestPlatform({ seedDemo: false, env });
  platforms.push(t);
  return t;
}

test('with MAP_TILE_URL the map settings name the tiles and the page policy lets the browser fetch them; without it, outlines only', async () => {
  const tiled = await platform({ MAP_TILE_URL: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© OpenStreetMap' });
  const res = await tiled.app.inject({ method: 'GET', url: '/api/v1/map-settings' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { tileUrl: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' });
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /img-src 'self' data: blob: https:\/\/\*\.tile\.openstreetmap\.org/);

  const plain = await platform({});
  const none = await plain.app.inject({ method: 'GET', url: '/api/v1/map-settings' });
  assert.deepEqual(none.json(), { tileUrl: null, attribution: '' });
  assert.match(String(none.headers['content-security-policy']), /img-src 'self' data: blob:;/);
});

test('a MAP_TILE_URL without {z}, {x} and {y} or not http(s) is refused at start, naming the variable', () => {
  assert.throws(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.vn/map.png' }), (e: Error) => e instanceof ConfigError && /MAP_TILE_URL/.test(e.message));
  assert.throws(() => loadConfig({ MAP_TILE_URL: 'ftp://tiles.example.vn/{z}/{x}/{y}.png' }), ConfigError);
  assert.equal(loadConfig({ MAP_TILE_URL: 'http://10.0.0.5:8080/{z}/{x}/{y}.png' }).mapTiles?.urlTemplate, 'http://10.0.0.5:8080/{z}/{x}/{y}.png');
});
