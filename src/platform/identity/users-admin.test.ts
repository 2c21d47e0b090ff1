import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { createTestUser } from '../testing/users.js';
import { createTestSession } from '../testing/sessions.js';
import { signInAs } from '../testing/sign-in.js';

let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
});
after(() => t.close());

async function agencyId(code: string): Promise<string> {
  const row = (await t.ctx.db.selectFrom('agencies' as never).select('id' as never).where('code' as never, '=', code as never).executeTakeFirstOrThrow()) as { id: string };
  return row.id;
}

test('each demo role can sign in with the printed demo password', async () => {
  for (const role of ['citizen', 'business', 'officer', 'agency_admin', 'leader', 'system_admin'] as const) {
    const s = await signInAs(t.app, role);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers });
    assert.equal(me.json().user.role, role);
    assert.equal(me.json().user.isDemo, true);
  }
});

test('a system admin creates an officer in an agency; the officer signs in', async () => {
  const admin = await signInAs(t.app, 'system_admin');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin.writeHeaders,
    payload: { email: 'can.bo.moi@test.tinhso.vn', fullName: 'Đặng Văn Giang', role: 'officer', password: 'mat-khau-can-bo-1', agencyId: await agencyId('SXD') },
  });
  assert.equal(res.statusCode, 201, res.body);
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'can.bo.moi@test.tinhso.vn', password: 'mat-khau-can-bo-1' } });
  assert.equal(login.statusCode, 200);
});

test('an officer role without an agency is refused with a field error', async () => {
  const admin = await signInAs(t.app, 'system_admin');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.writeHeaders, payload: { email: 'no.agency@test.tinhso.vn', fullName: 'Không Cơ Quan', role: 'officer' } });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().code, 'agency_required');
});

test('an agency admin sees and manages only the staff of their own agency', async () => {
  const agencyAdmin = await signInAs(t.app, 'agency_admin');
  const list = await t.app.inject({ method: 'GET', url: '/api/v1/users?limit=200', headers: agencyAdmin.headers });
  assert.equal(list.statusCode, 200);
  const own = await agencyId('SXD');
  assert.ok(list.json().items.length > 0);
  assert.ok(list.json().items.every((u: { agencyId: string }) => u.agencyId === own));
  const elsewhere = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: agencyAdmin.writeHeaders,
    payload: { email: 'khac@test.tinhso.vn', fullName: 'Cơ Quan Khác', role: 'officer', agencyId: await agencyId('UBND') },
  });
  assert.equal(elsewhere.statusCode, 403);
  const promote = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: agencyAdmin.writeHeaders, payload: { email: 'lanh.dao@test.tinhso.vn', fullName: 'Tự Phong', role: 'system_admin' } });
  assert.equal(promote.statusCode, 403);
});

test('disabling an account ends its sessions at once', async () => {
  const citizen = await createTestUser(t.ctx, 'citizen');
  const session = await createTestSession(t.app, t.ctx, citizen.id);
  const admin = await signInAs(t.app, 'system_admin');
  const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${citizen.id}`, headers: admin.writeHeaders, payload: { status: 'disabled' } });
  assert.equal(res.statusCode, 200);
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers });
  assert.equal(me.statusCode, 401);
});

test('listing users is itself recorded in the audit trail with the users read', async () => {
  const admin = await signInAs(t.app, 'system_admin');
  await t.app.inject({ method: 'GET', url: '/api/v1/users?q=nguyen', headers: admin.headers });
  const row = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.list').orderBy('seq', 'desc').executeTakeFirstOrThrow();
  assert.equal(row.purpose, 'user-administration');
  assert.ok(Array.isArray((row.details as { userIds: string[] }).userIds));
});

test('user search ignores diacritics', async () => {
  const admin = await signInAs(t.app, 'system_admin');
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/users?q=${encodeURIComponent('nguyen van an')}`, headers: admin.headers });
  assert.ok(res.json().items.some((u: { fullName: string }) => u.fullName === 'Nguyễn Văn An'));
});
