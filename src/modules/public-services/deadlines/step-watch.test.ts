import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insertDossier } from '../tracking/test-fixtures.js';
import { runDeadlineWatch } from './watch.js';
import { agencyAdmin, db, HOUR, NOW, officer, procedure, secondOfficer, sxd, t, THURSDAY_0900, useWatchFixture } from './watch-fixture.js';

/** The dossier's own due date, far outside the reminder window. */
const NEXT_WEEK = new Date('2026-12-10T02:00:00Z');

useWatchFixture();

async function notified(id: string): Promise<string[]> {
  const rows = await t.ctx.db.selectFrom('notifications').select('user_id').where('link', '=', `/can-bo/ho-so/${id}`).execute();
  return rows.map((r) => r.user_id).sort();
}

async function markKinds(id: string): Promise<string[]> {
  const rows = await t.ctx.db
    .withTables<{ dossier_deadline_marks: { dossier_id: string; kind: string; due_at: Date } }>()
    .selectFrom('dossier_deadline_marks')
    .select('kind')
    .where('dossier_id', '=', id)
    .orderBy('due_at')
    .execute();
  return rows.map((r) => r.kind);
}

const stepDossier = (stepDueAt: Date, extra: Record<string, unknown> = {}) => insertDossier(db, procedure, sxd, { due_at: NEXT_WEEK, step_due_at: stepDueAt, current_step: 2, ...extra });

test('a step due within the reminder window warns its assignee once, and the dossier itself is not reminded', async () => {
  const d = await stepDossier(THURSDAY_0900, { assignee_id: officer.userId });
  const first = await runDeadlineWatch(t.ctx, { now: NOW });
  assert.ok(first.stepReminded.includes(d.id));
  assert.ok(!first.reminded.includes(d.id), 'the dossier is due next week');
  assert.deepEqual(await notified(d.id), [officer.userId]);
  const notice = await t.ctx.db.selectFrom('notifications').select('title').where('link', '=', `/can-bo/ho-so/${d.id}`).executeTakeFirstOrThrow();
  assert.match(JSON.stringify(notice.title), /bước xử lý 2/);
  const second = await runDeadlineWatch(t.ctx, { now: new Date(NOW.getTime() + HOUR / 4) });
  assert.ok(!second.stepReminded.includes(d.id), 'the next pass does not warn again');
  assert.deepEqual(await notified(d.id), [officer.userId]);
  assert.deepEqual(await markKinds(d.id), ['step_reminder']);
});

test('an unassigned dossier’s step warning goes to the agency’s officers', async () => {
  const d = await stepDossier(THURSDAY_0900);
  assert.ok((await runDeadlineWatch(t.ctx, { now: NOW })).stepReminded.includes(d.id));
  assert.deepEqual(await notified(d.id), [officer.userId, secondOfficer.userId].sort());
});

test('a step past its due time while the dossier is not late notifies the head of unit once, with a system audit record', async () => {
  const d = await stepDossier(new Date(NOW.getTime() - HOUR), { assignee_id: officer.userId });
  const first = await runDeadlineWatch(t.ctx, { now: NOW });
  assert.ok(first.stepEscalated.includes(d.id));
  assert.ok(!first.stepReminded.includes(d.id) && !first.escalated.includes(d.id));
  assert.deepEqual(await notified(d.id), [agencyAdmin.userId]);
  const again = await runDeadlineWatch(t.ctx, { now: new Date(NOW.getTime() + 2 * HOUR) });
  assert.ok(!again.stepEscalated.includes(d.id), 'once per step due time');
  assert.deepEqual(await notified(d.id), [agencyAdmin.userId]);
  const audit = await t.ctx.db.selectFrom('audit_log').select(['actor_label']).where('action', '=', 'dossier.escalate_step_overdue').where('target_id', '=', d.id).execute();
  assert.deepEqual(audit.map((a) => a.actor_label), ['system:deadline-watch']);
});

test('a late dossier is escalated for its due date only, not again for its step', async () => {
  const d = await stepDossier(new Date(NOW.getTime() - 3 * HOUR), { due_at: new Date(NOW.getTime() - HOUR) });
  const result = await runDeadlineWatch(t.ctx, { now: NOW });
  assert.ok(result.escalated.includes(d.id));
  assert.ok(!result.stepEscalated.includes(d.id));
  assert.deepEqual(await markKinds(d.id), ['escalation']);
});

test('a step due at the dossier’s own due date is left to the dossier’s reminder', async () => {
  const d = await stepDossier(THURSDAY_0900, { due_at: THURSDAY_0900, assignee_id: officer.userId });
  const result = await runDeadlineWatch(t.ctx, { now: NOW });
  assert.ok(result.reminded.includes(d.id));
  assert.ok(!result.stepReminded.includes(d.id));
  assert.equal((await notified(d.id)).length, 1);
});

test('a new step (a transfer sets a new step due time) gets its own warning; a paused dossier gets none', async () => {
  const d = await stepDossier(THURSDAY_0900, { assignee_id: officer.userId });
  assert.ok((await runDeadlineWatch(t.ctx, { now: NOW })).stepReminded.includes(d.id));
  const nextDay = new Date(NOW.getTime() + 24 * HOUR);
  await db.updateTable('dossiers').set({ step_due_at: new Date(THURSDAY_0900.getTime() + 24 * HOUR), current_step: 3 }).where('id', '=', d.id).execute();
  assert.ok((await runDeadlineWatch(t.ctx, { now: nextDay })).stepReminded.includes(d.id));
  assert.deepEqual(await markKinds(d.id), ['step_reminder', 'step_reminder']);
  const paused = await stepDossier(new Date(NOW.getTime() - HOUR), { status: 5, paused_since: new Date(NOW.getTime() - 24 * HOUR) });
  const result = await runDeadlineWatch(t.ctx, { now: NOW });
  assert.ok(!result.stepEscalated.includes(paused.id) && !result.stepReminded.includes(paused.id));
  assert.deepEqual(await notified(paused.id), []);
});
