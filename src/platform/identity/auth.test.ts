import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { signIn } from '../testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../testing/users.js';
import { MAX_FAILED_LOGINS } from './login.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
after(() => t.close());

test('login sets an HttpOnly SameSite session cookie and /me returns the user', async () => {
  const user = await createTestUser(t.ctx, 'citizen');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
  assert.equal(res.statusCode, 200);
  const cookie = String(res.headers['set-cookie']);
  assert.match(cookie, /ts_session=/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.doesNotMatch(cookie, /Secure/, 'no Secure flag over plain http');
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookie.split(';')[0]! } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().user.email, user.email);
  assert.equal(typeof me.json().csrfToken, 'string');
});

test('login behind TLS marks the cookie Secure', async () => {
  const tls = await createTestPlatform({ seedDemo: false, env: { PUBLIC_URL: 'https://tinhso.example.vn' } });
  try {
    const user = await createTestUser(tls.ctx, 'citizen');
    const res = await tls.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    assert.match(String(res.headers['set-cookie']), /Secure/);
    assert.ok(res.headers['strict-transport-security'], 'HSTS behind TLS');
  } finally {
    await tls.close();
  }
});

test('a wrong password and an unknown email get the same 401', async () => {
  const user = await createTestUser(t.ctx, 'citizen');
  const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'nope-nope-nope' } });
  const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ghost@test.tinhso.vn', password: 'nope-nope-nope' } });
  assert.equal(wrong.statusCode, 401);
  assert.equal(unknown.statusCode, 401);
  assert.equal(wrong.json().code, unknown.json().code);
  assert.ok(wrong.json().message.vi.length > 0);
});

test('repeated wrong passwords lock the account with 429 and Retry-After', async () => {
  const user = await createTestUser(t.ctx, 'citizen');
  for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'wrong-password-x' } });
  }
  const locked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
  assert.equal(locked.statusCode, 429);
  assert.ok(Number(locked.headers['retry-after']) > 0);
});

test('a cookie-authenticated write without the CSRF token is refused with 403', async () => {
  const user = await createTestUser(t.ctx, 'citizen');
  const s = await signIn(t.app, user.email, TEST_PASSWORD);
  const without = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
  assert.equal(without.statusCode, 403);
  assert.equal(without.json().code, 'csrf_token_invalid');
  const withToken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.writeHeaders });
  assert.equal(withToken.statusCode, 204);
  const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers });
  assert.equal(after.statusCode, 401, 'the session is gone after logout');
});

test('register creates a citizen, signs in, and refuses a duplicate email with 409', async () => {
  const payload = { email: 'Moi.Dang.Ky@Test.TinhSo.vn', password: 'mat-khau-rat-dai-1', fullName: 'Lê Thị Hoa', accountType: 'citizen' };
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload });
  assert.equal(res.statusCode, 201);
  assert.equal(res.json().user.email, 'moi.dang.ky@test.tinhso.vn');
  assert.equal(res.json().user.role, 'citizen');
  const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload });
  assert.equal(again.statusCode, 409);
});

test('register refuses staff roles, unknown fields and weak passwords with field errors', async () => {
  const staff = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: 'x1@test.tinhso.vn', password: 'mat-khau-rat-dai-1', fullName: 'X Y', accountType: 'system_admin' } });
  assert.equal(staff.statusCode, 400);
  const extra = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: 'x2@test.tinhso.vn', password: 'mat-khau-rat-dai-1', fullName: 'X Y', accountType: 'citizen', role: 'system_admin' } });
  assert.equal(extra.statusCode, 400);
  assert.ok(extra.json().errors.some((e: { field: string }) => e.field === 'body.role'));
  const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: 'x3@test.tinhso.vn', password: 'short', fullName: 'X Y', accountType: 'citizen' } });
  assert.equal(weak.statusCode, 400);
  assert.equal(weak.json().code, 'weak_password');
  assert.ok(weak.json().message.vi && weak.json().message.en);
});

test('input text is stored NFC-normalised whatever form it arrives in', async () => {
  const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: 'nfd@test.tinhso.vn', password: 'mat-khau-rat-dai-1', fullName: nfd, accountType: 'citizen' } });
  assert.equal(res.statusCode, 201);
  assert.equal(res.json().user.fullName, 'Nguyễn Thị Ánh'.normalize('NFC'));
});

test('a body over the size limit is refused with 413', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.vn', password: 'x'.repeat(2 * 1024 * 1024) } });
  assert.equal(res.statusCode, 413);
  assert.equal(res.json().code, 'payload_too_large');
});

test('a disabled account cannot sign in', async () => {
  const user = await createTestUser(t.ctx, 'citizen');
  await t.ctx.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
  assert.equal(res.statusCode, 401);
});
