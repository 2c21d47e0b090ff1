import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { signInAs, type SignedIn } from '../testing/sign-in.js';
import { seedDemoAgencies } from './seed-demo.js';

let t: TestPlatform;
let admin: SignedIn;
before(async () => {
  t = await createTestPlatform();
  admin = await signInAs(t.app, 'system_admin');
});
after(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const idOf = async (code: string) => (await t.ctx.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

test('the demo seed creates UBND tỉnh, its departments and one UBND for each of the 78 communes, linked to its unit', async () => {
  const rows = await t.ctx.db.selectFrom('agencies').select(['code', 'kind', 'admin_unit_code', 'is_demo']).execute();
  assert.ok(rows.every((r) => r.is_demo));
  assert.equal(rows.filter((r) => r.kind === 'provincial_committee').length, 1);
  assert.ok(rows.filter((r) => r.kind === 'department').length >= 14);
  const communes = rows.filter((r) => r.kind === 'commune_committee');
  assert.equal(communes.length, 78);
  const dongHoi = communes.find((r) => r.code === 'UBND-XA-18880');
  assert.equal(dongHoi?.admin_unit_code, '18880');
  const sxd = await get(`/api/v1/agencies/${await idOf('SXD')}`);
  assert.equal(sxd.json().name, 'Sở Xây dựng');
  assert.equal(sxd.json().parent.code, 'UBND');
});

test('the demo officers belong to SXD, the provincial one-stop centre and the Đồng Hới ward, the agency admin to SXD and the leader to UBND (agencies are seeded first)', async () => {
  const users = await t.ctx.db.selectFrom('users').innerJoin('agencies', 'agencies.id', 'users.agency_id').select(['users.role', 'agencies.code']).orderBy('users.role').orderBy('agencies.code').execute();
  assert.deepEqual(
    users.map((u) => `${u.role}:${u.code}`),
    ['agency_admin:SXD', 'leader:UBND', 'officer:SXD', 'officer:TTPVHCC', 'officer:UBND-XA-18880'],
  );
});

test('seeding demo agencies again writes nothing', async () => {
  const before = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  await seedDemoAgencies(t.ctx);
  const after = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  assert.equal(after.n, before.n);
});

test('the public list searches without diacritics, filters by kind and parent, and pages with a cursor', async () => {
  const found = (await get('/api/v1/agencies?q=so%20xay%20dung')).json();
  assert.equal(found.items[0].code, 'SXD');
  const ubnd = (await get('/api/v1/agencies?q=ubnd%20phuong%20dong%20hoi')).json();
  assert.equal(ubnd.items[0].code, 'UBND-XA-18880');
  const codes: string[] = [];
  let cursor: string | null = null;
  do {
    const page = (await get(`/api/v1/agencies?kind=commune_committee&parentId=${await idOf('UBND')}&limit=25${cursor ? `&cursor=${cursor}` : ''}`)).json() as {
      items: Array<{ code: string; kind: string }>;
      nextCursor: string | null;
    };
    codes.push(...page.items.map((i) => i.code));
    cursor = page.nextCursor;
  } while (cursor);
  assert.equal(codes.length, 78);
  assert.equal(new Set(codes).size, 78);
  assert.equal((await get('/api/v1/agencies?kind=ministry')).statusCode, 400);
});

test('the tree has UBND tỉnh at the top with departments before commune committees', async () => {
  const { items } = (await get('/api/v1/agencies/tree')).json();
  assert.equal(items.length, 1);
  assert.equal(items[0].code, 'UBND');
  const kinds: string[] = items[0].children.map((c: { kind: string }) => c.kind);
  assert.equal(kinds[0], 'department');
  assert.equal(kinds.at(-1), 'commune_committee');
});

test('creating and changing agencies is for system admins: 401 anonymous, 403 agency admin', async () => {
  const body = { code: 'TEST-1', name: 'Ban Thử nghiệm', kind: 'other' };
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/agencies', payload: body })).statusCode, 401);
  const agencyAdmin = await signInAs(t.app, 'agency_admin');
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/agencies', headers: agencyAdmin.writeHeaders, payload: body })).statusCode, 403);
  const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/agencies/${await idOf('SXD')}`, headers: agencyAdmin.writeHeaders, payload: { name: 'Sở X' } });
  assert.equal(patch.statusCode, 403);
});

test('a system admin creates an agency (audited), and a duplicate code is 409', async () => {
  const payload = { code: 'BQLDA', name: 'Ban Quản lý dự án đầu tư xây dựng', kind: 'public_service_unit', parentId: await idOf('SXD'), adminUnitCode: '44', email: 'BQLDA@example.vn' };
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/agencies', headers: admin.writeHeaders, payload });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().email, 'bqlda@example.vn');
  assert.equal(res.json().isDemo, false);
  const audit = await t.ctx.db.selectFrom('audit_log').select('target_id').where('action', '=', 'agency.create').execute();
  assert.deepEqual(audit, [{ target_id: res.json().id }]);
  const again = await t.app.inject({ method: 'POST', url: '/api/v1/agencies', headers: admin.writeHeaders, payload });
  assert.equal(again.statusCode, 409);
});

test('bad agency input is refused with 400 and messages in Vietnamese and English', async () => {
  const cases = [
    { code: 'lower case', name: 'Ban A', kind: 'other' },
    { code: 'OK1', name: 'Ban A', kind: 'other', adminUnitCode: '99999' },
    { code: 'OK2', name: 'Ban A', kind: 'other', parentId: '00000000-0000-4000-8000-000000000000' },
    { code: 'OK3', name: 'Ban A', kind: 'other', extra: true },
  ];
  for (const payload of cases) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/agencies', headers: admin.writeHeaders, payload });
    assert.equal(res.statusCode, 400, JSON.stringify(payload));
    assert.ok(res.json().message.vi && res.json().message.en);
  }
});

test('moving an agency under itself or under its own sub-agency is refused with 400 (no cycles)', async () => {
  const ubnd = await idOf('UBND');
  const sxd = await idOf('SXD');
  const self = await t.app.inject({ method: 'PATCH', url: `/api/v1/agencies/${ubnd}`, headers: admin.writeHeaders, payload: { parentId: ubnd } });
  assert.equal(self.statusCode, 400);
  const loop = await t.app.inject({ method: 'PATCH', url: `/api/v1/agencies/${ubnd}`, headers: admin.writeHeaders, payload: { parentId: sxd } });
  assert.equal(loop.statusCode, 400);
  assert.equal(loop.json().code, 'agency_cycle');
  assert.ok(loop.json().message.vi && loop.json().message.en);
  const fine = await t.app.inject({ method: 'PATCH', url: `/api/v1/agencies/${await idOf('TTPVHCC')}`, headers: admin.writeHeaders, payload: { parentId: await idOf('VPUBND'), phone: '0232 3822 000' } });
  assert.equal(fine.statusCode, 200, fine.body);
  assert.equal(fine.json().parent.code, 'VPUBND');
});
