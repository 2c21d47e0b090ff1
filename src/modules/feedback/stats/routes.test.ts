import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signInAs, type SignedIn } from '../../../platform/testing/sign-in.js';
import { todayInVietnam } from '../../../platform/calendar/index.js';

let t: TestPlatform;
let centre: { lat: number; lng: number };
let citizen: SignedIn;
let officer: SignedIn;
let admin: SignedIn;
before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '1000' } });
  const unit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/18880' })).json();
  centre = { lat: unit.centroid.lat, lng: unit.centroid.lng };
  citizen = await signInAs(t.app, 'citizen');
  officer = await signInAs(t.app, 'officer');
  admin = await signInAs(t.app, 'system_admin');
});
after(() => t.close());

const today = () => todayInVietnam();
const stats = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/feedback/stats?${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};
const report = async (headers: Record<string, string> = citizen.writeHeaders) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', headers, payload: { categoryCode: 'hu-hong-duong', description: 'Ổ gà lớn giữa đường, xe máy dễ ngã.', ...centre, contact: { name: 'Lê Thị Hoa', phone: '0987654321', email: 'hoa@example.vn' } } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; agency: { id: string } };
};
const act = (id: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${id}/actions`, headers: officer.writeHeaders, payload });
const itemOf = (body: { items: Array<{ key: string }> }, key: string) => body.items.find((i) => i.key === key) as Record<string, any> | undefined;
const zero = { received: 0, accepted: 0, resolved: 0, resolvedOnTime: 0, reopened: 0, satisfaction: { count: 0 }, outcomes: { fixed: 0, notFixed: 0, notOurs: 0, duplicate: 0, refused: 0 } };

test('per-agency figures count received, resolved on time, median working days, satisfaction and outcomes as the work happens', async () => {
  const query = `groupBy=agency&from=${today()}&to=${today()}&categoryCode=hu-hong-duong`;
  const a = await report();
  const agencyId = a.agency.id;
  const before = itemOf(await stats(query), agencyId) ?? zero;
  const b = await report();
  const c = await report();
  for (const r of [a, b]) {
    assert.equal((await act(r.id, { action: 'accept' })).statusCode, 200);
    assert.equal((await act(r.id, { action: 'resolve', resultText: 'Đã vá ổ gà.' })).statusCode, 200);
  }
  assert.equal((await act(c.id, { action: 'close', outcome: 'not_fixed', reason: 'Chờ vốn sửa chữa lớn.' })).statusCode, 200);
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${a.id}/rating`, headers: citizen.writeHeaders, payload: { stars: 4 } })).statusCode, 204);
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${b.id}/reopen`, headers: citizen.writeHeaders, payload: { reason: 'Vẫn còn ổ gà.' } })).statusCode, 204);

  const body = await stats(query);
  const now = itemOf(body, agencyId)!;
  assert.equal(now.name, 'Sở Xây dựng');
  assert.equal(now.received - before.received, 2);
  assert.equal(now.accepted - before.accepted, 2);
  assert.equal(now.resolved - before.resolved, 2);
  assert.equal(now.resolvedOnTime - before.resolvedOnTime, 2);
  assert.equal(now.onTimeRate, 1, 'results given the same day are on time');
  assert.equal(now.medianWorkingDays, 0, 'a result on the day of receipt took 0 working days');
  assert.equal(now.satisfaction.count - before.satisfaction.count, 1);
  assert.equal(now.satisfaction.average, 4);
  assert.equal(now.outcomes.notFixed - before.outcomes.notFixed, 1);
  assert.equal(now.reopened - before.reopened, 1);
  assert.deepEqual(body.total.received, body.items.reduce((n: number, i: { received: number }) => n + i.received, 0));
});

test('grouping by commune and by category names each group; categories in both languages', async () => {
  await report();
  const byCommune = await stats(`groupBy=commune&from=${today()}&to=${today()}`);
  assert.ok(typeof itemOf(byCommune, '18880')?.name === 'string' && itemOf(byCommune, '18880')!.name.length > 0);
  const byCategory = await stats(`groupBy=category&from=${today()}&to=${today()}&communeCode=18880`);
  assert.deepEqual(itemOf(byCategory, 'hu-hong-duong')?.name, { vi: 'Hư hỏng đường, cầu', en: 'Damaged road or bridge' });
});

test('every response states the definition of each figure in Vietnamese and English', async () => {
  const body = await stats('groupBy=agency');
  for (const metric of ['received', 'resolved', 'onTimeRate', 'medianWorkingDays', 'satisfaction', 'outcomes']) {
    assert.ok(body.definitions.vi[metric] && body.definitions.en[metric], metric);
  }
  assert.equal(body.to, today(), 'the period defaults to the last 30 days');
});

test('the statistics never contain personal data of reporters', async () => {
  await report();
  for (const groupBy of ['agency', 'commune', 'category']) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/feedback/stats?groupBy=${groupBy}` });
    for (const secret of ['Lê Thị Hoa', '0987654321', 'hoa@example.vn']) assert.ok(!res.body.includes(secret), `${groupBy}: ${secret}`);
  }
});

test('a period ending before it starts, or an unknown grouping, is refused with 400 in both languages', async () => {
  const reversed = await t.app.inject({ method: 'GET', url: '/api/v1/feedback/stats?groupBy=agency&from=2026-02-01&to=2026-01-01' });
  assert.equal(reversed.statusCode, 400);
  assert.equal(reversed.json().code, 'invalid_period');
  assert.ok(reversed.json().message.vi && reversed.json().message.en);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/feedback/stats?groupBy=reporter' })).statusCode, 400);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/feedback/stats?groupBy=agency&from=2026-13-01' })).statusCode, 400);
});

test('only a system administrator may rebuild the statistics; the rebuild is audited and changes no figure', async () => {
  await report();
  const query = `groupBy=category&from=${today()}&to=${today()}`;
  const figures = (await stats(query)).items;
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/feedback/stats/rebuild', headers: officer.writeHeaders })).statusCode, 403);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/stats/rebuild', headers: admin.writeHeaders });
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.json().reports > 0 && res.json().rows > 0);
  assert.deepEqual((await stats(query)).items, figures);
  const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'feedback.stats.rebuild').executeTakeFirst();
  assert.equal(audit?.actor_user_id, admin.userId);
});
