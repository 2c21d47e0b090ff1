import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signIn, signInAs, type SignedIn } from '../../../platform/testing/sign-in.js';
import { createTestUser, TEST_PASSWORD } from '../../../platform/testing/users.js';
import { DEMO_TEMPLATES, seedDemoTemplates } from './demo.js';

let t: TestPlatform;
let officer: SignedIn;
let admin: SignedIn;
let sysadmin: SignedIn;
let otherAdmin: SignedIn;
let sxd: string;
let otherAgency: string;

before(async () => {
  t = await createTestPlatform();
  officer = await signInAs(t.app, 'officer');
  admin = await signInAs(t.app, 'agency_admin');
  sysadmin = await signInAs(t.app, 'system_admin');
  sxd = (await t.ctx.db.selectFrom('agencies').select('id').where('code', '=', 'SXD').executeTakeFirstOrThrow()).id;
  otherAgency = (await t.app.inject({ method: 'GET', url: '/api/v1/agencies?q=cong%20thuong' })).json().items[0].id;
  const other = await createTestUser(t.ctx, 'agency_admin', { agencyId: otherAgency });
  otherAdmin = await signIn(t.app, other.email, TEST_PASSWORD);
});
after(() => t.close());

type View = { id: string; agencyId: string | null; action: string; title: string; body: string; active: boolean };
const list = async (who: SignedIn, query = '') => (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/templates${query}`, headers: who.headers })).json().items as View[];
const create = (who: SignedIn, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/feedback/templates', headers: who.writeHeaders, payload });

test('demo templates are seeded once, however often the seed runs', async () => {
  const count = async () => Number((await t.ctx.db.selectFrom('feedback_response_templates' as never).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const before = await count();
  assert.ok(before >= DEMO_TEMPLATES.length);
  await seedDemoTemplates(t.ctx);
  assert.equal(await count(), before);
});

test('an officer reads their agency\'s templates and the province-wide ones, filtered by action', async () => {
  const all = await list(officer);
  assert.ok(all.some((x) => x.agencyId === sxd) && all.some((x) => x.agencyId === null));
  assert.ok(all.every((x) => x.agencyId === sxd || x.agencyId === null));
  const resolve = await list(officer, '?action=resolve');
  assert.ok(resolve.length > 0 && resolve.every((x) => x.action === 'resolve'));
  const mine = await t.app.inject({ method: 'GET', url: `/api/v1/feedback/templates?agencyId=${otherAgency}`, headers: officer.headers });
  assert.equal(mine.statusCode, 403, 'not another agency\'s');
});

test('an agency admin manages their own agency\'s templates, audited; an officer cannot write', async () => {
  const res = await create(admin, { action: 'resolve', title: 'Đã thay nắp hố ga', body: 'Đã thay nắp hố ga tại {communeName} cho phản ánh {trackingCode}.' });
  assert.equal(res.statusCode, 201, res.body);
  const made = res.json() as View;
  assert.equal(made.agencyId, sxd);
  assert.equal((await create(officer, { action: 'note', title: 'Ghi chú', body: 'Nội dung ghi chú' })).statusCode, 403);
  const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/feedback/templates/${made.id}`, headers: admin.writeHeaders, payload: { active: false } });
  assert.equal(patch.json().active, false);
  assert.ok(!(await list(officer)).some((x) => x.id === made.id), 'a switched-off template is not offered');
  assert.ok((await list(admin, '?includeInactive=true')).some((x) => x.id === made.id), 'but the admin still sees it');
  const gone = await t.app.inject({ method: 'DELETE', url: `/api/v1/feedback/templates/${made.id}`, headers: admin.writeHeaders });
  assert.equal(gone.statusCode, 204);
  const actions = (await t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', made.id).orderBy('seq').execute()).map((r) => r.action);
  assert.deepEqual(actions, ['feedback.template.create', 'feedback.template.update', 'feedback.template.delete']);
});

test('an agency admin cannot touch another agency\'s or the province-wide templates; a system admin can', async () => {
  const own = (await create(admin, { action: 'note', title: 'Kiểm tra thực địa', body: 'Đã cử cán bộ kiểm tra thực địa.' })).json() as View;
  const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/feedback/templates/${own.id}`, headers: otherAdmin.writeHeaders, payload: { title: 'Sửa bậy' } });
  assert.equal(patch.statusCode, 403);
  assert.equal((await create(admin, { agencyId: null, action: 'note', title: 'Toàn tỉnh', body: 'Mẫu toàn tỉnh' })).statusCode, 403);
  assert.equal((await create(admin, { agencyId: otherAgency, action: 'note', title: 'Của cơ quan khác', body: 'Không được phép' })).statusCode, 403);
  const province = await create(sysadmin, { agencyId: null, action: 'close', title: 'Đã xử lý theo kế hoạch', body: 'Phản ánh {trackingCode} đã được đưa vào kế hoạch.' });
  assert.equal(province.statusCode, 201);
  assert.equal(province.json().agencyId, null);
  const provinceId = province.json().id as string;
  assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/feedback/templates/${provinceId}`, headers: admin.writeHeaders })).statusCode, 403);
  assert.ok((await list(otherAdmin)).some((x) => x.id === provinceId), 'province-wide templates reach every agency');
  assert.ok(!(await list(otherAdmin)).some((x) => x.id === own.id), 'one agency\'s templates stay with it');
});

test('a template with an unknown placeholder or too short a text is refused with a field error', async () => {
  const typo = await create(admin, { action: 'resolve', title: 'Sai chỗ điền', body: 'Đã xử lý tại {comuneName}.' });
  assert.equal(typo.statusCode, 400);
  assert.equal(typo.json().code, 'unknown_placeholder');
  assert.equal(typo.json().errors[0].field, 'body.body');
  const short = await create(admin, { action: 'resolve', title: 'A', body: 'B' });
  assert.equal(short.statusCode, 400);
  const action = await create(admin, { action: 'accept', title: 'Tiếp nhận', body: 'Đã tiếp nhận' });
  assert.equal(action.statusCode, 400, 'accept needs no text, so it has no templates');
});
