import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { createTestUser } from '../testing/users.js';
import { createTestSession } from '../testing/sessions.js';

let t: TestPlatform;
let admin: { headers: Record<string, string> };
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  admin = await createTestSession(t.app, t.ctx, (await createTestUser(t.ctx, 'system_admin')).id);
});
after(() => t.close());

async function issue(body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: admin.headers, payload: body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; key: string; prefix: string };
}

test('an issued key is shown once and only its hash is stored', async () => {
  const { id, key } = await issue({ name: 'Hệ thống 1022', scopes: ['users:read'] });
  assert.match(key, /^tsk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
  const row = await t.ctx.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const secret = key.slice('tsk_'.length + 12 + 1); // the secret itself may contain '_'
  assert.ok(!JSON.stringify(row).includes(secret), 'the secret is not stored');
  const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: admin.headers });
  assert.ok(!list.body.includes(key), 'the list never shows the key');
});

test('a bearer key works within its scopes and is refused outside them', async () => {
  const { key } = await issue({ name: 'Đọc người dùng', scopes: ['users:read'] });
  const inScope = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: `Bearer ${key}` } });
  assert.equal(inScope.statusCode, 200);
  const outOfScope = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { authorization: `Bearer ${key}` } });
  assert.equal(outOfScope.statusCode, 403);
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${key}` } });
  assert.deepEqual(me.json().apiKey.scopes, ['users:read']);
});

test('a revoked key stops working at once', async () => {
  const { id, key } = await issue({ name: 'Thu hồi', scopes: ['users:read'] });
  const revoke = await t.app.inject({ method: 'POST', url: `/api/v1/api-keys/${id}/revoke`, headers: admin.headers });
  assert.equal(revoke.statusCode, 204);
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: `Bearer ${key}` } });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().code, 'invalid_api_key');
});

test('an expired key is refused and an expiry in the past cannot be set', async () => {
  const { id, key } = await issue({ name: 'Hết hạn', scopes: ['users:read'], expiresAt: new Date(Date.now() + 60_000).toISOString() });
  await t.ctx.db.updateTable('api_keys').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: `Bearer ${key}` } });
  assert.equal(res.statusCode, 401);
  const past = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: admin.headers, payload: { name: 'x y', scopes: ['users:read'], expiresAt: '2020-01-01T00:00:00Z' } });
  assert.equal(past.statusCode, 400);
});

test('a malformed or forged bearer token gets 401, never 500', async () => {
  for (const token of ['garbage', 'tsk_abc_def', `tsk_aaaaaaaaaaaa_${'A'.repeat(43)}`]) {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.statusCode, 401, token);
  }
});

test('an API key cannot be used to write through cookie-only routes', async () => {
  const { key } = await issue({ name: 'Không ghi', scopes: ['users:read'] });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { authorization: `Bearer ${key}` }, payload: { email: 'x@test.tinhso.vn', fullName: 'X Y', role: 'citizen' } });
  assert.equal(res.statusCode, 403);
});
