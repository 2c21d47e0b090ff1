import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { signInAs, type SignedIn } from '../testing/sign-in.js';
import { toSearchText } from '../search/search-text.js';
import type { Role } from '../identity/roles.js';

let t: TestPlatform;
const as: Partial<Record<Role, SignedIn>> = {};
before(async () => {
  t = await createTestPlatform();
  for (const role of ['system_admin', 'agency_admin', 'leader', 'officer', 'citizen'] as const) as[role] = await signInAs(t.app, role);
});
after(() => t.close());

const idOf = async (code: string) => (await t.ctx.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const staffOf = async (code: string, who?: SignedIn) => t.app.inject({ method: 'GET', url: `/api/v1/agencies/${await idOf(code)}/staff`, headers: who?.headers ?? {} });
const assign = async (code: string, userId: string, role: string, who: SignedIn) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/agencies/${await idOf(code)}/staff/${userId}`, headers: who.writeHeaders, payload: { role } });

async function newCitizen(email: string): Promise<string> {
  const row = await t.ctx.db
    .insertInto('users')
    .values({ email, full_name: 'Võ Thị Giang', phone: null, password_hash: null, role: 'citizen', agency_id: null, oidc_subject: null, locked_until: null, search_text: toSearchText(email) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

test('a system admin reads any agency staff list, and each person listed gets an audit row with purpose staff-admin', async () => {
  const res = await staffOf('SXD', as.system_admin);
  assert.equal(res.statusCode, 200);
  const ids = res.json().items.map((u: { id: string }) => u.id).sort();
  assert.equal(ids.length, 2, 'the demo officer and agency admin');
  const audit = await t.ctx.db.selectFrom('audit_log').select(['subject_user_id', 'purpose']).where('action', '=', 'agency.staff.read').execute();
  assert.deepEqual(audit.map((a) => a.subject_user_id).sort(), ids);
  assert.ok(audit.every((a) => a.purpose === 'staff-admin'));
});

test('agency admins and leaders read only their own agency staff; officers, citizens and anonymous callers are refused', async () => {
  assert.equal((await staffOf('SXD', as.agency_admin)).statusCode, 200);
  assert.equal((await staffOf('UBND', as.leader)).statusCode, 200);
  assert.equal((await staffOf('STC', as.agency_admin)).statusCode, 403);
  assert.equal((await staffOf('SXD', as.leader)).statusCode, 403);
  assert.equal((await staffOf('SXD', as.officer)).statusCode, 403);
  assert.equal((await staffOf('SXD', as.citizen)).statusCode, 403);
  assert.equal((await staffOf('SXD')).statusCode, 401);
});

test('an agency admin assigns a citizen account as officer of their own agency, audited with the person as subject', async () => {
  const userId = await newCitizen('giang.vo@example.vn');
  const res = await assign('SXD', userId, 'officer', as.agency_admin!);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().role, 'officer');
  assert.equal(res.json().agencyId, await idOf('SXD'));
  const audit = await t.ctx.db.selectFrom('audit_log').select(['subject_user_id', 'details']).where('action', '=', 'agency.staff.assign').execute();
  assert.equal(audit.at(-1)?.subject_user_id, userId);
});

test('an agency admin may not name agency admins, staff other agencies, or take staff from another agency', async () => {
  const userId = await newCitizen('other.person@example.vn');
  assert.equal((await assign('SXD', userId, 'agency_admin', as.agency_admin!)).statusCode, 403);
  assert.equal((await assign('STC', userId, 'officer', as.agency_admin!)).statusCode, 403);
  assert.equal((await assign('STC', userId, 'officer', as.system_admin!)).statusCode, 200);
  assert.equal((await assign('SXD', userId, 'officer', as.agency_admin!)).statusCode, 403, 'now staff of STC');
  assert.equal((await assign('SXD', as.leader!.userId, 'officer', as.agency_admin!)).statusCode, 403, 'a leader');
});

test('only system and agency admins reach the assign route, nobody changes their own role, and bad input is 400 in two languages', async () => {
  const userId = await newCitizen('third.person@example.vn');
  assert.equal((await assign('SXD', userId, 'officer', as.officer!)).statusCode, 403);
  assert.equal((await assign('UBND', userId, 'officer', as.leader!)).statusCode, 403);
  const self = await assign('SXD', as.system_admin!.userId, 'officer', as.system_admin!);
  assert.equal(self.statusCode, 400);
  const badRole = await assign('SXD', userId, 'system_admin', as.system_admin!);
  assert.equal(badRole.statusCode, 400);
  assert.ok(badRole.json().message.vi && badRole.json().message.en);
  const unknown = await assign('SXD', '00000000-0000-4000-8000-000000000000', 'officer', as.system_admin!);
  assert.equal(unknown.statusCode, 404);
  const promoted = await assign('SXD', userId, 'agency_admin', as.system_admin!);
  assert.equal(promoted.statusCode, 200);
  assert.equal(promoted.json().role, 'agency_admin');
});

test('a write without the CSRF token is refused', async () => {
  const userId = await newCitizen('csrf.person@example.vn');
  const res = await t.app.inject({ method: 'PUT', url: `/api/v1/agencies/${await idOf('SXD')}/staff/${userId}`, headers: as.system_admin!.headers, payload: { role: 'officer' } });
  assert.equal(res.statusCode, 403);
});
