import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../platform/testing/test-platform.js';
import { signInAs, type SignedIn } from '../../platform/testing/sign-in.js';
import { feedbackDb } from './tables.js';

let t: TestPlatform;
let centre: { lat: number; lng: number };
let officer: SignedIn;
let citizen: SignedIn;
before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '1000' } });
  const unit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/18880' })).json();
  centre = { lat: unit.centroid.lat, lng: unit.centroid.lng };
  officer = await signInAs(t.app, 'officer');
  citizen = await signInAs(t.app, 'citizen');
});
after(() => t.close());

const db = () => feedbackDb(t.ctx.db);
const deadlinesOf = (id: string) => db().selectFrom('feedback_reports').select(['accept_due_at', 'due_at', 'agency_id']).where('id', '=', id).executeTakeFirstOrThrow();
const act = (id: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${id}/actions`, headers: officer.writeHeaders, payload });

async function pothole(): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', headers: citizen.writeHeaders, payload: { categoryCode: 'hu-hong-duong', description: 'Ổ gà sâu, cần vá trước mùa mưa.', ...centre } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

/** Moves a report's clock back, as if it had been received `days` days ago and its deadlines had passed. */
async function age(id: string, days: number): Promise<void> {
  const shift = (d: Date | null) => (d ? new Date(new Date(d).getTime() - days * 86_400_000) : null);
  const row = await deadlinesOf(id);
  await db().updateTable('feedback_reports').set({ accept_due_at: shift(row.accept_due_at)!, due_at: shift(row.due_at) }).where('id', '=', id).execute();
}

test('a transfer gives the receiving agency its own acceptance and resolution deadlines from the moment of transfer', async () => {
  const id = await pothole();
  await age(id, 30);
  const other = (await t.app.inject({ method: 'GET', url: '/api/v1/agencies?q=cong%20thuong' })).json().items[0].id as string;
  const res = await act(id, { action: 'transfer', agencyId: other, reason: 'Thuộc thẩm quyền Sở Công Thương.' });
  assert.equal(res.statusCode, 200, res.body);
  const after = await deadlinesOf(id);
  assert.equal(after.agency_id, other);
  assert.ok(new Date(after.accept_due_at).getTime() > Date.now(), 'acceptance is due in the future again');
  assert.ok(after.due_at && new Date(after.due_at).getTime() > new Date(after.accept_due_at).getTime(), 'resolution after acceptance');
});

test('a reopened report gets a new resolution deadline, and its first result keeps the deadline it was judged by', async () => {
  const id = await pothole();
  assert.equal((await act(id, { action: 'accept' })).statusCode, 200);
  assert.equal((await act(id, { action: 'resolve', resultText: 'Đã vá ổ gà.' })).statusCode, 200);
  const resolveEvent = await db().selectFrom('feedback_report_events').select('data').where('report_id', '=', id).where('kind', '=', 'resolve').executeTakeFirstOrThrow();
  const firstDue = (await deadlinesOf(id)).due_at!;
  assert.equal((resolveEvent.data as { dueAt: string }).dueAt, new Date(firstDue).toISOString());
  await age(id, 30);
  const reopen = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${id}/reopen`, headers: citizen.writeHeaders, payload: { reason: 'Ổ gà lại xuất hiện sau mưa.' } });
  assert.equal(reopen.statusCode, 204, reopen.body);
  const after = await deadlinesOf(id);
  assert.ok(after.due_at && new Date(after.due_at).getTime() > Date.now(), 'the agency has time again');
});
