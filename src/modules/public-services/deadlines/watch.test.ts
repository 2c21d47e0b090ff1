import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../../../platform/http/module.js';
import { insertAgency, insertDossier, signedInUser } from '../tracking/test-fixtures.js';
import { DEADLINE_WATCH_JOB, registerDeadlineWatchJob, runDeadlineWatch } from './watch.js';
import { agencyAdmin, db, HOUR, NOW, officer, procedure, secondOfficer, sxd, t, THURSDAY_0900, useWatchFixture } from './watch-fixture.js';

const THURSDAY_1000 = new Date('2026-12-03T03:00:00Z');

// Staff of another agency never hear about this agency's dossiers.
useWatchFixture(async () => signedInUser(t.app, t.ctx, 'officer', (await insertAgency(db, 'Sở Tư pháp (thử)')).id));

function officersOfSxd(): string[] {
  return [officer.userId, secondOfficer.userId].sort();
}

async function notified(id: string): Promise<string[]> {
  const rows = await t.ctx.db.selectFrom('notifications').select('user_id').where('link', '=', `/can-bo/ho-so/${id}`).execute();
  return rows.map((r) => r.user_id).sort();
}

async function marks(id: string) {
  return t.ctx.db.withTables<{ dossier_deadline_marks: { dossier_id: string; kind: string; due_at: Date; recipients: number } }>().selectFrom('dossier_deadline_marks').selectAll().where('dossier_id', '=', id).orderBy('due_at').execute();
}

test('a dossier due within 8 working hours reminds the handling agency officers once, in-app, with no second reminder on the next pass', async () => {
  const d = await insertDossier(db, procedure, sxd, { due_at: THURSDAY_0900 });
  const first = await runDeadlineWatch(t.ctx, { now: NOW });
  assert.ok(first.reminded.includes(d.id));
  assert.ok(!first.escalated.includes(d.id), 'not overdue yet');
  const officers = officersOfSxd();
  assert.deepEqual(await notified(d.id), officers);
  const second = await runDeadlineWatch(t.ctx, { now: new Date(NOW.getTime() + HOUR / 4) });
  assert.ok(!second.reminded.includes(d.id), 'the next pass does not remind again');
  assert.deepEqual(await notified(d.id), officers);
  const rows = await marks(d.id);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.kind, 'reminder');
  assert.equal(new Date(rows[0]!.due_at).getTime(), THURSDAY_0900.getTime());
});

test('an assigned dossier reminds only its assignee', async () => {
  const d = await insertDossier(db, procedure, sxd, { due_at: THURSDAY_0900, assignee_id: officer.userId });
  assert.ok((await runDeadlineWatch(t.ctx, { now: NOW })).reminded.includes(d.id));
  assert.deepEqual(await notified(d.id), [officer.userId]);
});

test('a due date beyond the 8 working hours gets no reminder yet, and gets it once the window reaches it', async () => {
  const d = await insertDossier(db, procedure, sxd, { due_at: THURSDAY_1000 });
  assert.ok(!(await runDeadlineWatch(t.ctx, { now: NOW })).reminded.includes(d.id), 'Thursday 10:00 is 8.5 working hours away');
  assert.ok((await runDeadlineWatch(t.ctx, { now: new Date(NOW.getTime() + HOUR) })).reminded.includes(d.id), 'from 10:00 on Wednesday it is 8 working hours away');
});

test('a paused dossier (supplement requested) is neither reminded nor escalated: its clock is stopped', async () => {
  const soon = await insertDossier(db, procedure, sxd, { status: 5, due_at: THURSDAY_0900, paused_since: new Date(NOW.getTime() - 24 * HOUR) });
  const late = await insertDossier(db, procedure, sxd, { status: 5, due_at: new Date(NOW.getTime() - HOUR), paused_since: new Date(NOW.getTime() - 48 * HOUR) });
  const result = await runDeadlineWatch(t.ctx, { now: NOW });
  for (const d of [soon, late]) {
    assert.ok(!result.reminded.includes(d.id) && !result.escalated.includes(d.id));
    assert.deepEqual(await notified(d.id), []);
  }
});

test('an overdue dossier is escalated once to the head of the handling unit, with an in-app notice and a system audit record', async () => {
  const d = await insertDossier(db, procedure, sxd, { due_at: new Date(NOW.getTime() - HOUR), assignee_id: officer.userId });
  const result = await runDeadlineWatch(t.ctx, { now: NOW });
  assert.ok(result.escalated.includes(d.id));
  assert.ok(!result.reminded.includes(d.id), 'an overdue dossier is escalated, not reminded');
  assert.deepEqual(await notified(d.id), [agencyAdmin.userId], 'the agency admin is the head of unit; the officers are not told');
  const notice = await t.ctx.db.selectFrom('notifications').select(['title', 'body', 'category']).where('link', '=', `/can-bo/ho-so/${d.id}`).executeTakeFirstOrThrow();
  assert.equal(notice.category, 'services');
  assert.match(JSON.stringify(notice.title), new RegExp(d.code!));
  assert.doesNotMatch(JSON.stringify(notice.body), /Bímật/, 'no applicant name in the notice');
  const audit = await t.ctx.db.selectFrom('audit_log').select(['actor_label', 'details']).where('action', '=', 'dossier.escalate_overdue').where('target_id', '=', d.id).execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.actor_label, 'system:deadline-watch');
  const again = await runDeadlineWatch(t.ctx, { now: new Date(NOW.getTime() + 24 * HOUR) });
  assert.ok(!again.escalated.includes(d.id), 'escalated once for that due date');
  assert.equal((await notified(d.id)).length, 1);
});

test('a due date moved later (a pause that ended) gets its own reminder', async () => {
  const d = await insertDossier(db, procedure, sxd, { due_at: THURSDAY_0900, assignee_id: officer.userId });
  assert.ok((await runDeadlineWatch(t.ctx, { now: NOW })).reminded.includes(d.id));
  const moved = new Date(THURSDAY_0900.getTime() + 24 * HOUR);
  await db.updateTable('dossiers').set({ due_at: moved }).where('id', '=', d.id).execute();
  const nextDay = new Date(NOW.getTime() + 24 * HOUR);
  assert.ok((await runDeadlineWatch(t.ctx, { now: nextDay })).reminded.includes(d.id));
  assert.deepEqual((await marks(d.id)).map((m) => new Date(m.due_at).getTime()), [THURSDAY_0900.getTime(), moved.getTime()]);
});

test('finished, returned and withdrawn dossiers are left alone even when their due date has passed', async () => {
  const ids = [];
  for (const status of [7, 8, 9, 10]) ids.push((await insertDossier(db, procedure, sxd, { status, due_at: new Date(NOW.getTime() - HOUR), finished_at: NOW })).id);
  const result = await runDeadlineWatch(t.ctx, { now: NOW });
  for (const id of ids) assert.ok(!result.escalated.includes(id) && !result.reminded.includes(id));
});

test('a dossier received but not yet handed over is watched through its receiving agency', async () => {
  const d = await insertDossier(db, procedure, sxd, { status: 2, handling_agency_id: null, due_at: THURSDAY_0900 });
  assert.ok((await runDeadlineWatch(t.ctx, { now: NOW })).reminded.includes(d.id));
  assert.deepEqual(await notified(d.id), officersOfSxd());
});

function fakeContext(env: Record<string, string>) {
  const registered: Array<{ name: string; cron: string | undefined }> = [];
  const ctx = { config: { env }, jobs: { register: (name: string, _h: unknown, options: { cron?: string } = {}) => registered.push({ name, cron: options.cron }) } };
  return { ctx: ctx as unknown as AppContext, registered };
}

test('the watch is one job every 15 minutes, and a bad reminder setting stops the start', () => {
  const good = fakeContext({});
  registerDeadlineWatchJob(good.ctx);
  assert.deepEqual(good.registered, [{ name: DEADLINE_WATCH_JOB, cron: '*/15 * * * *' }]);
  const bad = fakeContext({ PUBLIC_SERVICES_REMIND_BEFORE_WORKING_HOURS: 'eight' });
  assert.throws(() => registerDeadlineWatchJob(bad.ctx), /PUBLIC_SERVICES_REMIND_BEFORE_WORKING_HOURS/);
  assert.equal(bad.registered.length, 0);
});
