import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signInAs, type SignedIn } from '../../../platform/testing/sign-in.js';
import { agencySearchText } from '../../../platform/agencies/search.js';
import { feedbackDb, type FeedbackDb } from '../tables.js';
import { runDeadlineWatch } from './run.js';

/** Wednesday 02/12/2026 09:00 in Vietnam, a working morning: four working hours later is 14:30 (lunch does not count). */
const NOW = new Date('2026-12-02T02:00:00Z');
const HOUR = 3600_000;

let t: TestPlatform;
let db: FeedbackDb;
let centre: { lat: number; lng: number };
let citizen: SignedIn;
let officer: SignedIn;
let agencyAdmin: SignedIn;
let leader: SignedIn;
const agency: Record<string, string> = {};

before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '1000', FEEDBACK_REMIND_BEFORE_WORKING_HOURS: '4' } });
  db = feedbackDb(t.ctx.db);
  const unit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/18880' })).json();
  centre = { lat: unit.centroid.lat, lng: unit.centroid.lng };
  citizen = await signInAs(t.app, 'citizen');
  officer = await signInAs(t.app, 'officer');
  agencyAdmin = await signInAs(t.app, 'agency_admin');
  leader = await signInAs(t.app, 'leader');
  for (const a of await db.selectFrom('agencies').select(['id', 'code']).where('code', 'in', ['SXD', 'UBND']).execute()) agency[a.code] = a.id;
  // A unit under the Department of Construction, so an escalation can be seen to go to the parent, not always to the province.
  const unitUnder = { code: 'SXD-QLHT', name: 'Phòng Quản lý hạ tầng (thử)', nameEn: 'Infrastructure Office (test)' };
  const row = await db
    .insertInto('agencies')
    .values({ code: unitUnder.code, name: unitUnder.name, name_en: unitUnder.nameEn, kind: 'other', parent_id: agency.SXD!, admin_unit_code: null, address: null, phone: null, email: null, search_text: agencySearchText(unitUnder) })
    .returning('id')
    .executeTakeFirstOrThrow();
  agency.QLHT = row.id;
});
after(() => t.close());

/** A pothole report from the demo citizen, with contact details that must never reach public or supervisor views. */
async function newReport(): Promise<string> {
  const payload = { categoryCode: 'hu-hong-duong', description: 'Ổ gà lớn giữa đường, xe máy dễ ngã.', ...centre, contact: { phone: '0912 345 678', email: 'bimat@example.vn' } };
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', payload, headers: citizen.writeHeaders });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

async function setClock(id: string, clock: { accept_due_at?: Date; due_at?: Date; assigned_to?: string | null }) {
  await db.updateTable('feedback_reports').set(clock).where('id', '=', id).execute();
}

async function act(id: string, action: Record<string, unknown>, who: SignedIn = officer) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${id}/actions`, payload: action, headers: who.writeHeaders });
  assert.equal(res.statusCode, 200, res.body);
}

async function events(id: string, kind: string) {
  return db.selectFrom('feedback_report_events').select(['public', 'data', 'actor_user_id', 'actor_label']).where('report_id', '=', id).where('kind', '=', kind).orderBy('id').execute();
}

/** Who got an in-app notice about this report. */
async function notified(id: string): Promise<string[]> {
  const rows = await t.ctx.db.selectFrom('notifications').select('user_id').where('link', '=', `/can-bo/phan-anh/${id}`).execute();
  return rows.map((r) => r.user_id).sort();
}

test('a report due within the reminder window reminds the agency officers and admins once, with an internal timeline entry and e-mail', async () => {
  const id = await newReport();
  await setClock(id, { accept_due_at: new Date(NOW.getTime() + 2 * HOUR) });
  const mailBefore = await t.ctx.db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();

  const first = await runDeadlineWatch(t.ctx, { now: NOW });
  assert.ok(first.reminded.includes(id));
  assert.ok(!first.escalated.includes(id), 'not overdue yet');
  assert.deepEqual(await notified(id), [officer.userId, agencyAdmin.userId].sort());
  const reminders = await events(id, 'reminder');
  assert.equal(reminders.length, 1);
  assert.equal(reminders[0]!.public, false, 'a reminder is internal');
  assert.equal(reminders[0]!.data.deadlineKind, 'accept');
  const row = await db.selectFrom('feedback_reports').select(['reminded_at', 'escalated_at']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(new Date(row.reminded_at!).getTime(), NOW.getTime());
  assert.equal(row.escalated_at, null);
  const mailAfter = await t.ctx.db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  assert.ok(Number(mailAfter.n) >= Number(mailBefore.n) + 2, 'each reminded person also gets an e-mail');

  const second = await runDeadlineWatch(t.ctx, { now: new Date(NOW.getTime() + 15 * 60_000) });
  assert.ok(!second.reminded.includes(id), 'the next pass does not remind again');
  assert.equal((await events(id, 'reminder')).length, 1);
  assert.equal((await notified(id)).length, 2);
});

test('a report with an assignee reminds only the assignee', async () => {
  const id = await newReport();
  await setClock(id, { accept_due_at: new Date(NOW.getTime() + HOUR), assigned_to: officer.userId });
  const result = await runDeadlineWatch(t.ctx, { now: NOW });
  assert.ok(result.reminded.includes(id));
  assert.deepEqual(await notified(id), [officer.userId]);
});

test('a deadline beyond the window gets no reminder yet', async () => {
  const id = await newReport();
  // 09:00 + 4 working hours = 14:30 (lunch 12:00–13:30 does not count); 15:00 is outside.
  await setClock(id, { accept_due_at: new Date('2026-12-02T08:00:00Z') });
  assert.ok(!(await runDeadlineWatch(t.ctx, { now: NOW })).reminded.includes(id));
  await setClock(id, { accept_due_at: new Date('2026-12-02T07:25:00Z') });
  assert.ok((await runDeadlineWatch(t.ctx, { now: NOW })).reminded.includes(id), '14:25 is within four working hours of 09:00');
});

test('an overdue report is escalated once to the parent agency, with a public timeline entry without personal data, notices and a system audit record', async () => {
  const id = await newReport();
  await setClock(id, { accept_due_at: new Date(NOW.getTime() - HOUR) });

  const result = await runDeadlineWatch(t.ctx, { now: NOW });
  assert.ok(result.escalated.includes(id));
  assert.ok(!result.reminded.includes(id), 'an overdue report is escalated, not reminded');
  const row = await db.selectFrom('feedback_reports').select(['escalated_at', 'escalated_to']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.escalated_to, agency.UBND, "the Department of Construction answers to the provincial People's Committee");
  assert.equal(new Date(row.escalated_at!).getTime(), NOW.getTime());

  const detail = await t.app.inject({ method: 'GET', url: `/api/v1/feedback/reports/${id}` });
  const entry = detail.json().timeline.find((e: { kind: string }) => e.kind === 'escalated');
  assert.ok(entry, 'the escalation is on the public timeline');
  assert.equal(entry.data.toAgencyId, agency.UBND);
  assert.equal(entry.data.deadlineKind, 'accept');
  assert.doesNotMatch(JSON.stringify(entry), /bimat@example\.vn|0912|Nguyễn Văn An/);

  const audit = await t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'actor_label', 'details']).where('action', '=', 'feedback.report.escalate').where('target_id', '=', id).execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.actor_user_id, null);
  assert.equal(audit[0]!.actor_label, 'system:deadline-watch');
  assert.equal(audit[0]!.details.toAgencyId, agency.UBND);

  assert.deepEqual(await notified(id), [leader.userId, officer.userId, agencyAdmin.userId].sort(), 'the supervising leader and the handling agency');

  const again = await runDeadlineWatch(t.ctx, { now: new Date(NOW.getTime() + HOUR) });
  assert.ok(!again.escalated.includes(id), 'not escalated twice for the same deadline');
  assert.equal((await events(id, 'escalated')).length, 1);
});

test('two passes running at once escalate a report only once', async () => {
  const id = await newReport();
  await setClock(id, { accept_due_at: new Date(NOW.getTime() - 2 * HOUR) });
  const [a, b] = await Promise.all([runDeadlineWatch(t.ctx, { now: NOW }), runDeadlineWatch(t.ctx, { now: NOW })]);
  assert.equal([...a.escalated, ...b.escalated].filter((x) => x === id).length, 1);
  assert.equal((await events(id, 'escalated')).length, 1);
});

test('a transfer gives a new deadline: the report is reminded and escalated again, now to the new agency’s parent', async () => {
  const id = await newReport();
  await setClock(id, { accept_due_at: new Date(NOW.getTime() - HOUR) });
  assert.ok((await runDeadlineWatch(t.ctx, { now: NOW })).escalated.includes(id));

  await act(id, { action: 'transfer', agencyId: agency.QLHT, reason: 'Thuộc phạm vi Phòng Quản lý hạ tầng.' });
  // Whatever acceptance deadline the transfer set, move it to just ahead, then just past, of the pass.
  await setClock(id, { accept_due_at: new Date(NOW.getTime() + HOUR) });
  assert.ok((await runDeadlineWatch(t.ctx, { now: NOW })).reminded.includes(id), 'a new deadline is reminded even though the old one was escalated');
  await setClock(id, { accept_due_at: new Date(NOW.getTime() - 30 * 60_000) });
  assert.ok((await runDeadlineWatch(t.ctx, { now: NOW })).escalated.includes(id));

  const row = await db.selectFrom('feedback_reports').select('escalated_to').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.escalated_to, agency.SXD, 'the unit under the department is supervised by the department');
  assert.equal((await events(id, 'escalated')).length, 2);
});

test('a reopened report has a new deadline and is escalated again when that one passes', async () => {
  const id = await newReport();
  await act(id, { action: 'accept' });
  await setClock(id, { due_at: new Date(NOW.getTime() - HOUR) });
  assert.ok((await runDeadlineWatch(t.ctx, { now: NOW })).escalated.includes(id));
  await act(id, { action: 'resolve', resultText: 'Đã vá ổ gà.' });
  const reopen = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${id}/reopen`, payload: { reason: 'Ổ gà vẫn còn nguyên.' }, headers: citizen.writeHeaders });
  assert.equal(reopen.statusCode, 204, reopen.body);
  await setClock(id, { due_at: new Date(NOW.getTime() - 30 * 60_000) });
  assert.ok((await runDeadlineWatch(t.ctx, { now: NOW })).escalated.includes(id));
  assert.deepEqual((await events(id, 'escalated')).map((e) => e.data.deadlineKind), ['resolve', 'resolve']);
});

test('accepting moves the clock to the resolution deadline, which is watched on its own', async () => {
  const id = await newReport();
  await setClock(id, { accept_due_at: new Date(NOW.getTime() + HOUR) });
  assert.ok((await runDeadlineWatch(t.ctx, { now: NOW })).reminded.includes(id));
  await act(id, { action: 'accept' });
  await setClock(id, { due_at: new Date(NOW.getTime() + 2 * HOUR) });
  const result = await runDeadlineWatch(t.ctx, { now: NOW });
  assert.ok(result.reminded.includes(id));
  assert.deepEqual((await events(id, 'reminder')).map((e) => e.data.deadlineKind), ['accept', 'resolve']);
});

test('resolved and closed reports are neither reminded nor escalated', async () => {
  const resolved = await newReport();
  await act(resolved, { action: 'accept' });
  await act(resolved, { action: 'resolve', resultText: 'Đã vá ổ gà.' });
  const closed = await newReport();
  await act(closed, { action: 'refuse', reason: 'Không thuộc phạm vi phản ánh.' });
  const soon = await newReport();
  await act(soon, { action: 'accept' });
  await act(soon, { action: 'resolve', resultText: 'Đã vá ổ gà.' });
  for (const id of [resolved, closed]) await setClock(id, { accept_due_at: new Date(NOW.getTime() - 3 * HOUR), due_at: new Date(NOW.getTime() - HOUR) });
  await setClock(soon, { accept_due_at: new Date(NOW.getTime() - 3 * HOUR), due_at: new Date(NOW.getTime() + HOUR) });

  const result = await runDeadlineWatch(t.ctx, { now: NOW });
  for (const id of [resolved, closed, soon]) {
    assert.ok(!result.escalated.includes(id) && !result.reminded.includes(id));
    assert.equal((await events(id, 'escalated')).length + (await events(id, 'reminder')).length, 0);
  }
});

test('work is done in bounded batches and what is left is picked up by the next pass', async () => {
  const ids = [await newReport(), await newReport(), await newReport()];
  // Far in the past, so these come before any other overdue report (earliest deadline first).
  for (const [i, id] of ids.entries()) await setClock(id, { accept_due_at: new Date(Date.UTC(2000, 0, 1 + i)) });
  const first = await runDeadlineWatch(t.ctx, { now: NOW, batchSize: 2, maxBatches: 1 });
  assert.deepEqual(first.escalated, ids.slice(0, 2));
  const second = await runDeadlineWatch(t.ctx, { now: NOW, batchSize: 2, maxBatches: 1 });
  assert.equal(second.escalated[0], ids[2]);
});
