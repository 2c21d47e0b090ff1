import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { signIn, type SignedIn } from '../testing/sign-in.js';
import { hashPassword } from '../identity/passwords.js';
import type { Role } from '../identity/roles.js';

let t: TestPlatform;
let admin: SignedIn;
let citizen: SignedIn;

/** A user made directly in the database, so these tests don't depend on the demo data. */
async function userWithRole(role: Role): Promise<SignedIn> {
  const email = `${role}.calendar@test.tinhso.vn`;
  const password = 'Calendar-Test-Password-1';
  await t.ctx.db
    .insertInto('users')
    .values({ email, full_name: `Test ${role}`, phone: null, password_hash: await hashPassword(password), role, agency_id: null, oidc_subject: null, locked_until: null, search_text: email })
    .execute();
  return signIn(t.app, email, password);
}

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  admin = await userWithRole('system_admin');
  citizen = await userWithRole('citizen');
});
after(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

function assertBilingualProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code?: string) {
  assert.equal(res.statusCode, status);
  assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  const body = res.json();
  assert.ok(body.message.vi && body.message.en, 'messages in Vietnamese and English');
  if (code) assert.equal(body.code, code);
  return body;
}

test('GET add-working-days answers {date, calendarVersion} and counts from the day after the start', async () => {
  const res = await get('/api/v1/calendar/add-working-days?start=2026-02-13&days=5');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { date: '2026-02-27', calendarVersion: 1 });
  assert.equal((await get('/api/v1/calendar/add-working-days?start=2025-04-25&days=1')).json().date, '2025-04-26');
  assert.equal((await get('/api/v1/calendar/add-working-days?start=2025-03-12&days=0')).json().date, '2025-03-12');
});

test('GET add-working-days refuses bad input with a bilingual 400: invalid date, days outside 0..3650, missing fields', async () => {
  for (const query of ['start=2025-02-30&days=1', 'start=25-01-2025&days=1', 'start=1800-01-01&days=1', 'start=2025-01-01&days=3651', 'start=2025-01-01&days=-1', 'start=2025-01-01&days=abc', 'days=1']) {
    assertBilingualProblem(await get(`/api/v1/calendar/add-working-days?${query}`), 400);
  }
  const body = assertBilingualProblem(await get('/api/v1/calendar/add-working-days?start=2199-12-01&days=3650'), 400, 'date_out_of_range');
  assert.equal(body.status, 400);
});

test('GET lunar answers {day, month, year, leap} for Vietnam time', async () => {
  assert.deepEqual((await get('/api/v1/calendar/lunar?date=1985-01-21')).json(), { day: 1, month: 1, year: 1985, leap: false });
  assert.deepEqual((await get('/api/v1/calendar/lunar?date=2025-07-25')).json(), { day: 1, month: 6, year: 2025, leap: true });
  assertBilingualProblem(await get('/api/v1/calendar/lunar?date=2025-13-01'), 400);
});

test('GET days-off lists the year with names in both languages and a kind per day', async () => {
  const res = await get('/api/v1/calendar/days-off?year=2026');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.year, 2026);
  assert.equal(body.computedOnly, true, 'no official 2026 decisions shipped');
  const hung = body.items.find((i: any) => i.date === '2026-04-26');
  assert.deepEqual(Object.keys(hung).sort(), ['date', 'kind', 'name']);
  assert.equal(hung.kind, 'holiday');
  assert.ok(hung.name.vi.includes('Hùng Vương') && hung.name.en.includes('Hung Kings'));
  assert.equal(body.items.find((i: any) => i.date === '2026-04-27').kind, 'compensation');

  const y2025 = (await get('/api/v1/calendar/days-off?year=2025')).json();
  assert.equal(y2025.computedOnly, false);
  assert.equal(y2025.items.find((i: any) => i.date === '2025-05-02').kind, 'overlay');
  assert.deepEqual(y2025.extraWorkingDays.map((d: any) => d.date), ['2025-02-03', '2025-04-26']);
  assertBilingualProblem(await get('/api/v1/calendar/days-off?year=1800'), 400);
});

test('GET working-days-between counts working days after `from` through `to`', async () => {
  const res = await get('/api/v1/calendar/working-days-between?from=2025-01-24&to=2025-02-05');
  assert.deepEqual(res.json(), { from: '2025-01-24', to: '2025-02-05', workingDays: 3, calendarVersion: 1 });
  assertBilingualProblem(await get('/api/v1/calendar/working-days-between?from=2025-01-24'), 400);
});

test('only a system administrator may change the overlay: anonymous 401, citizen 403', async () => {
  const payload = { date: '2031-03-04', kind: 'day_off', name: { vi: 'Nghỉ', en: 'Off' }, source: 'Thông báo 1/TB' };
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/calendar/overrides', payload })).statusCode, 401);
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/calendar/overrides', payload, headers: citizen.writeHeaders })).statusCode, 403);
  assert.equal((await get('/api/v1/calendar/overrides', citizen.headers)).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/overrides/00000000-0000-4000-8000-000000000000', headers: citizen.writeHeaders })).statusCode, 403);
});

test('an admin adds and removes an overlay entry; each write bumps the version, is audited, and old versions still answer', async () => {
  const before = (await get('/api/v1/calendar/add-working-days?start=2031-03-03&days=2')).json();
  assert.equal(before.date, '2031-03-05');

  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/calendar/overrides',
    headers: admin.writeHeaders,
    payload: { date: '2031-03-04', kind: 'day_off', name: { vi: 'Nghỉ thêm', en: 'Extra day off' }, source: 'Thông báo thử nghiệm 2/TB', note: 'test' },
  });
  assert.equal(created.statusCode, 201);
  const { override, calendarVersion } = created.json();
  assert.equal(calendarVersion, before.calendarVersion + 1);
  assert.equal(override.date, '2031-03-04');
  assert.equal(override.validFromVersion, calendarVersion);

  assert.equal((await get('/api/v1/calendar/add-working-days?start=2031-03-03&days=2')).json().date, '2031-03-06');
  const old = (await get(`/api/v1/calendar/add-working-days?start=2031-03-03&days=2&version=${before.calendarVersion}`)).json();
  assert.deepEqual(old, before, 'evaluated on the version it was promised under');

  const list = (await get('/api/v1/calendar/overrides?year=2031', admin.headers)).json();
  assert.equal(list.calendarVersion, calendarVersion);
  assert.deepEqual(list.items.map((i: any) => i.id), [override.id]);

  const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/calendar/overrides/${override.id}?note=mistake`, headers: admin.writeHeaders });
  assert.equal(removed.statusCode, 200);
  assert.equal(removed.json().calendarVersion, calendarVersion + 1);
  assert.equal((await get('/api/v1/calendar/overrides?year=2031', admin.headers)).json().items.length, 0);
  const history = (await get('/api/v1/calendar/overrides?year=2031&history=true', admin.headers)).json();
  assert.equal(history.items[0].validToVersion, calendarVersion + 1);
  assertBilingualProblem(await t.app.inject({ method: 'DELETE', url: `/api/v1/calendar/overrides/${override.id}`, headers: admin.writeHeaders }), 404);

  const versions = (await get('/api/v1/calendar/versions', admin.headers)).json().items;
  assert.equal(versions[0].version, calendarVersion + 1);
  assert.equal(versions[0].note, 'mistake');
  const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('target_id', '=', override.id).orderBy('seq').execute();
  assert.deepEqual(audit, [
    { action: 'calendar.override.create', actor_user_id: admin.userId },
    { action: 'calendar.override.delete', actor_user_id: admin.userId },
  ]);
});

test('overlay writes refuse invalid entries with bilingual problems', async () => {
  const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/calendar/overrides', headers: admin.writeHeaders, payload });
  const base = { name: { vi: 'Điều chỉnh', en: 'Adjustment' }, source: 'Thông báo thử nghiệm 3/TB' };
  assertBilingualProblem(await post({ ...base, date: '2031-09-05', kind: 'national_day_second' }), 400, 'not_national_day_candidate');
  assertBilingualProblem(await post({ ...base, date: '2031-04-30', kind: 'working_day' }), 400, 'cannot_cancel_holiday');
  // 2/9/2031 is a Tuesday, so 1/9 is the computed second National Day: also not cancellable.
  assertBilingualProblem(await post({ ...base, date: '2031-09-01', kind: 'working_day' }), 400, 'cannot_cancel_holiday');
  assertBilingualProblem(await post({ ...base, date: '2031-03-12', kind: 'working_day' }), 409, 'already_working_day');
  assertBilingualProblem(await post({ ...base, date: '2031-03-08', kind: 'day_off' }), 409, 'already_day_off');
  assertBilingualProblem(await post({ ...base, date: '2031-03-12', kind: 'holiday' }), 400, 'validation_failed');
  assertBilingualProblem(await post({ ...base, date: '2031-03-12', kind: 'day_off', extra: 1 }), 400, 'validation_failed');
  assertBilingualProblem(await post({ ...base, date: '2031-02-30', kind: 'day_off' }), 400);
});

test('a chosen day joining 2/9 replaces the computed default in days-off', async () => {
  // 2/9/2032 is a Thursday: the computed default is Friday 3/9; the (test) decision picks 1/9.
  const before = (await get('/api/v1/calendar/days-off?year=2032')).json().items.map((i: any) => i.date);
  assert.ok(before.includes('2032-09-03') && !before.includes('2032-09-01'));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/calendar/overrides',
    headers: admin.writeHeaders,
    payload: { date: '2032-09-01', kind: 'national_day_second', name: { vi: 'Quốc khánh (ngày liền kề 2/9)', en: 'National Day (day joining 2 September)' }, source: 'Thông báo thử nghiệm 4/TB' },
  });
  assert.equal(res.statusCode, 201);
  const after = (await get('/api/v1/calendar/days-off?year=2032')).json().items;
  assert.equal(after.find((i: any) => i.date === '2032-09-01').kind, 'holiday');
  assert.ok(!after.some((i: any) => i.date === '2032-09-03'), '3/9 is a working day again');
  const second = await t.app.inject({
    method: 'POST',
    url: '/api/v1/calendar/overrides',
    headers: admin.writeHeaders,
    payload: { date: '2032-09-03', kind: 'national_day_second', name: { vi: 'Quốc khánh', en: 'National Day' }, source: 'Thông báo thử nghiệm 5/TB' },
  });
  assertBilingualProblem(second, 409, 'national_day_already_set');
});
