import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signInAs, type SignedIn } from '../../../platform/testing/sign-in.js';
import { agencySearchText } from '../../../platform/agencies/search.js';
import { feedbackDb, type FeedbackDb } from '../tables.js';
import { runDeadlineWatch } from './run.js';

const URL = '/api/v1/feedback/escalated';
const NOW = new Date('2026-12-02T02:00:00Z');

let t: TestPlatform;
let db: FeedbackDb;
let citizen: SignedIn;
let officer: SignedIn;
let agencyAdmin: SignedIn;
let leader: SignedIn;
let systemAdmin: SignedIn;
const agency: Record<string, string> = {};
/** Escalated to the provincial People's Committee: `older` missed its deadline first. */
let older: string;
let newer: string;
/** Escalated to the Department of Construction (it supervises the unit the report went to). */
let underSxd: string;

type Item = { id: string; deadline: string; deadlineKind: string; escalatedTo: { id: string }; escalatedAt: string };

before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '1000' } });
  db = feedbackDb(t.ctx.db);
  const unit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/18880' })).json();
  citizen = await signInAs(t.app, 'citizen');
  officer = await signInAs(t.app, 'officer');
  agencyAdmin = await signInAs(t.app, 'agency_admin');
  leader = await signInAs(t.app, 'leader');
  systemAdmin = await signInAs(t.app, 'system_admin');
  for (const a of await db.selectFrom('agencies').select(['id', 'code']).where('code', 'in', ['SXD', 'UBND']).execute()) agency[a.code] = a.id;
  const sub = { code: 'SXD-DOI', name: 'Đội kiểm tra (thử)', nameEn: 'Inspection team (test)' };
  agency.DOI = (await db.insertInto('agencies').values({ code: sub.code, name: sub.name, name_en: sub.nameEn, kind: 'other', parent_id: agency.SXD!, admin_unit_code: null, address: null, phone: null, email: null, search_text: agencySearchText(sub) }).returning('id').executeTakeFirstOrThrow()).id;

  const report = async () => {
    const payload = { categoryCode: 'hu-hong-duong', description: 'Ổ gà lớn giữa đường, xe máy dễ ngã.', lat: unit.centroid.lat, lng: unit.centroid.lng, contact: { phone: '0912 345 678', email: 'bimat@example.vn' } };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', payload, headers: citizen.writeHeaders });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };
  older = await report();
  newer = await report();
  underSxd = await report();
  const transfer = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${underSxd}/actions`, payload: { action: 'transfer', agencyId: agency.DOI, reason: 'Giao đội kiểm tra xử lý.' }, headers: officer.writeHeaders });
  assert.equal(transfer.statusCode, 200, transfer.body);
  // Long past, so these lead the lists (demo reports escalated by the same pass come after them).
  await db.updateTable('feedback_reports').set({ accept_due_at: new Date('2000-01-01T10:00:00Z') }).where('id', '=', older).execute();
  await db.updateTable('feedback_reports').set({ accept_due_at: new Date('2000-01-02T10:00:00Z') }).where('id', '=', newer).execute();
  await db.updateTable('feedback_reports').set({ accept_due_at: new Date('2000-01-03T10:00:00Z') }).where('id', '=', underSxd).execute();
  const result = await runDeadlineWatch(t.ctx, { now: NOW });
  for (const id of [older, newer, underSxd]) assert.ok(result.escalated.includes(id));
});
after(() => t.close());

async function list(who: SignedIn | null, query = '') {
  return t.app.inject({ method: 'GET', url: `${URL}${query}`, headers: who?.headers ?? {} });
}

async function ids(who: SignedIn, query = ''): Promise<string[]> {
  const res = await list(who, query);
  assert.equal(res.statusCode, 200, res.body);
  return (res.json().items as Item[]).map((i) => i.id);
}

test("the supervising agency's leader sees its escalated reports, most overdue first, without the reporter's contact details", async () => {
  const res = await list(leader);
  assert.equal(res.statusCode, 200, res.body);
  const items = res.json().items as Item[];
  assert.deepEqual(items.slice(0, 2).map((i) => i.id), [older, newer]);
  assert.ok(!items.some((i) => i.id === underSxd), 'what was escalated to another agency is not listed');
  assert.ok(items.every((i) => i.escalatedTo.id === agency.UBND));
  assert.equal(items[0]!.deadlineKind, 'accept');
  assert.equal(items[0]!.deadline, '2000-01-01T10:00:00.000Z');
  assert.equal(items[0]!.escalatedAt, NOW.toISOString());
  assert.doesNotMatch(res.body, /bimat@example\.vn|0912 345 678/);
});

test("the department's officers and agency admins see what was escalated to the department, and only that", async () => {
  assert.deepEqual(await ids(officer), [underSxd]);
  assert.deepEqual(await ids(agencyAdmin), [underSxd]);
});

test("staff cannot read another agency's escalations; citizens are refused and anonymous callers must sign in", async () => {
  const other = await list(officer, `?agencyId=${agency.UBND}`);
  assert.equal(other.statusCode, 403);
  assert.ok(other.json().message.vi && other.json().message.en);
  assert.equal((await list(citizen)).statusCode, 403);
  assert.equal((await list(null)).statusCode, 401);
});

test('a system admin sees every escalation, or one agency’s with agencyId', async () => {
  const all = await ids(systemAdmin, '?limit=200');
  for (const id of [older, newer, underSxd]) assert.ok(all.includes(id));
  assert.deepEqual(await ids(systemAdmin, `?agencyId=${agency.SXD}`), [underSxd]);
});

test('pages follow each other by cursor without repeats', async () => {
  const first = (await list(leader, '?limit=1')).json();
  assert.deepEqual(first.items.map((i: Item) => i.id), [older]);
  assert.ok(first.nextCursor);
  const second = (await list(leader, `?limit=1&cursor=${first.nextCursor}`)).json();
  assert.deepEqual(second.items.map((i: Item) => i.id), [newer]);
  assert.equal((await list(leader, '?cursor=bm90LWEtY3Vyc29y')).statusCode, 400);
});

test('a report with a new deadline (accepted) leaves the list: its escalation no longer stands', async () => {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${newer}/actions`, payload: { action: 'accept' }, headers: officer.writeHeaders });
  assert.equal(res.statusCode, 200, res.body);
  const now = await ids(leader);
  assert.ok(now.includes(older));
  assert.ok(!now.includes(newer));
});
