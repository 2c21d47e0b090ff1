import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
after(() => t.close());

test('healthz answers 200 once serving', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ok' });
});

test('readyz reports ready when the database is reachable and migrated', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().status, 'ready');
});

test('every response carries a request id, and a safe incoming one is echoed', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
  assert.equal(res.headers['x-request-id'], 'abc-123');
  const other = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
  assert.match(String(other.headers['x-request-id']), /^[0-9a-f-]{36}$/);
});

test('an unknown route answers a bilingual problem document', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
  assert.equal(res.statusCode, 404);
  assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  const body = res.json();
  assert.equal(body.status, 404);
  assert.ok(body.message.vi && body.message.en);
  assert.equal(body.requestId, res.headers['x-request-id']);
});

test('security headers are set, with a CSP that allows no inline scripts', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/healthz' });
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.ok(res.headers['x-frame-options']);
  assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS without TLS');
});

test('the OpenAPI 3.1 document is served', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().openapi, '3.1.0');
});
