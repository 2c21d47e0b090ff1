import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Insertable } from 'kysely';
import { calendarService } from '../../../platform/calendar/index.js';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { createTestUser } from '../../../platform/testing/users.js';
import type { DossierRow } from '../dossiers/transition.js';
import { psDb, type DossierTable, type PsDb } from '../tables.js';
import { insertAgency, insertDossier, insertProcedure, signedInUser, type TestProcedure } from '../tracking/test-fixtures.js';
import { computeDue, extendByWorkingMinutes } from './index.js';
import { recomputeDeadlines, type RecomputeResult } from './recompute.js';

/**
 * Dossiers received at 10:00 Wednesday 23/12/2026 with 15 working days are due 10:00 Thursday
 * 14/01/2027 (1/1 off). The test adds an extra day off on Monday 04/01/2027 to the 2027 overlay:
 * on the new calendar they are due a working day later, 10:00 Friday 15/01/2027.
 */
const RECEIVED = new Date('2026-12-23T03:00:00Z');
const NOW = new Date('2026-12-28T02:00:00Z');
const DUE_V1 = new Date('2027-01-14T03:00:00Z');
const DUE_V2 = new Date('2027-01-15T03:00:00Z');
const APOLOGY_DATE = new Date('2027-01-20T03:00:00Z');
const ADMIN_ACTOR = { userId: null, label: 'test:system-admin', agencyId: null };

let t: TestPlatform;
let db: PsDb;
let sxd: string;
let stp: string;
let fifteenDays: TestProcedure;
let fiveDays: TestProcedure;
let admin: SignedIn;
let citizenId: string;
let firstVersion: number;
const d: Record<string, DossierRow> = {};

/** A dossier whose stored due date is what intake would have written on the first calendar version. */
async function received(procedure: TestProcedure, amount: number, agencyId: string, fields: Partial<Insertable<DossierTable>> = {}): Promise<DossierRow> {
  const due = await computeDue(t.ctx.db, { receivedAt: RECEIVED, amount, unit: 'working_days', cutoff: null, calendarVersion: firstVersion });
  const dueAt = await extendByWorkingMinutes(t.ctx.db, due.dueAt, Number(fields.paused_working_minutes ?? 0), firstVersion);
  return insertDossier(db, procedure, agencyId, {
    received_at: RECEIVED,
    due_at: dueAt,
    due_calendar_version: firstVersion,
    due_explanation: JSON.stringify(due.explanation),
    applicant_user_id: citizenId,
    ...fields,
  });
}

async function stored(id: string) {
  return db.selectFrom('dossiers').select(['due_at', 'due_calendar_version', 'due_explanation', 'extended_due_at', 'status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
}

async function recomputeEvents(id: string) {
  return db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).where('action', '=', 'recompute_due').execute();
}

function codes(result: RecomputeResult): string[] {
  return result.moved.map((m) => m.code!).sort();
}

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  db = psDb(t.ctx.db);
  sxd = (await insertAgency(db)).id;
  stp = (await insertAgency(db, 'Sở Tư pháp (thử)')).id;
  fifteenDays = await insertProcedure(db, sxd, { timeAmount: 15 });
  fiveDays = await insertProcedure(db, sxd, { timeAmount: 5 });
  admin = await signedInUser(t.app, t.ctx, 'system_admin');
  citizenId = (await createTestUser(t.ctx, 'citizen')).id;
  firstVersion = await calendarService(t.ctx.db).currentVersion();
  d.inProgress = await received(fifteenDays, 15, sxd);
  d.paused = await received(fifteenDays, 15, sxd, { status: 5, paused_working_minutes: 90, paused_since: NOW });
  d.apologised = await received(fifteenDays, 15, stp, { status: 2, handling_agency_id: null, extended_due_at: APOLOGY_DATE });
  d.dueBefore = await received(fiveDays, 5, sxd, { status: 6 });
  d.finished = await received(fifteenDays, 15, sxd, { status: 9, finished_at: NOW });
  d.setByHand = await received(fifteenDays, 15, sxd, { due_at: new Date('2027-01-14T09:00:00Z') });
});
after(() => t.close());

test('editing the 2027 overlay through the calendar API leaves every stored due date, calendar version and explanation as it was', async () => {
  const before = await Promise.all(Object.values(d).map((x) => stored(x.id)));
  assert.equal(new Date(d.inProgress!.due_at!).getTime(), DUE_V1.getTime(), 'fixture: due 10:00 14/01/2027 on the first version');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/calendar/overrides',
    headers: admin.writeHeaders,
    payload: { date: '2027-01-04', kind: 'day_off', name: { vi: 'Nghỉ thêm (thử)', en: 'Extra day off (test)' }, source: 'Thông báo thử nghiệm số 1/TB-TEST', note: 'test' },
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().calendarVersion, firstVersion + 1);
  const now = await computeDue(t.ctx.db, { receivedAt: RECEIVED, amount: 15, unit: 'working_days', cutoff: null });
  assert.equal(now.dueAt.getTime(), DUE_V2.getTime(), 'the new calendar would give a later date');
  const after = await Promise.all(Object.values(d).map((x) => stored(x.id)));
  assert.deepEqual(after, before);
});

test('a dry run lists the dossiers whose due date moves, old → new with the new explanation, and writes nothing', async () => {
  const auditBefore = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/deadlines/recompute', headers: admin.writeHeaders, payload: { dryRun: true } });
  assert.equal(res.statusCode, 200, res.body);
  const result = res.json() as RecomputeResult;
  assert.equal(result.calendarVersion, firstVersion + 1);
  assert.deepEqual(codes(result), [d.inProgress!.code, d.paused!.code, d.apologised!.code].sort());
  const item = result.moved.find((m) => m.code === d.inProgress!.code)!;
  assert.equal(item.oldDue, DUE_V1.toISOString());
  assert.equal(item.newDue, DUE_V2.toISOString());
  assert.match(item.explanation.vi, /04\/01\/2027/);
  assert.match(item.explanation.vi, /phiên bản 1 → 2/);
  const paused = result.moved.find((m) => m.code === d.paused!.code)!;
  assert.equal(paused.newDue, new Date(DUE_V2.getTime() + 90 * 60_000).toISOString(), 'the 90 paused working minutes are added back');
  assert.equal(result.unchanged, 1, 'the 5-day dossier is due before the new day off');
  assert.deepEqual(result.skipped, [{ code: d.setByHand!.code, reason: 'not_reproducible' }]);
  assert.equal(new Date((await stored(d.inProgress!.id)).due_at!).getTime(), DUE_V1.getTime());
  assert.equal((await recomputeEvents(d.inProgress!.id)).length, 0);
  const auditAfter = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(auditAfter.n), Number(auditBefore.n), 'a dry run writes no audit record');
});

test('a dry run for one agency lists only the dossiers that agency holds', async () => {
  const result = await recomputeDeadlines(t.ctx, { dryRun: true, agencyId: stp, actor: ADMIN_ACTOR, now: NOW });
  assert.deepEqual(codes(result), [d.apologised!.code]);
});

test('apply moves the due dates with version and explanation, writes a trail note without a status change, an audit record and the applicant notice; a second apply changes nothing', async () => {
  const result = await recomputeDeadlines(t.ctx, { dryRun: false, actor: ADMIN_ACTOR, now: NOW });
  assert.equal(result.failed, 0);
  assert.deepEqual(codes(result), [d.inProgress!.code, d.paused!.code, d.apologised!.code].sort());
  const row = await stored(d.inProgress!.id);
  assert.equal(new Date(row.due_at!).getTime(), DUE_V2.getTime());
  assert.equal(row.due_calendar_version, firstVersion + 1);
  assert.match(row.due_explanation!.vi, /Hạn trả kết quả: 10:00 15\/01\/2027/);
  assert.match(row.due_explanation!.en, /previous due date was 14\/01\/2027 10:00/);
  assert.equal(row.status, 4);
  assert.equal((await stored(d.paused!.id)).status, 5, 'the paused dossier stays paused');

  const events = await recomputeEvents(d.inProgress!.id);
  assert.equal(events.length, 1);
  assert.equal(events[0]!.from_status, 4);
  assert.equal(events[0]!.to_status, 4);
  assert.equal(new Date(events[0]!.at).getTime(), NOW.getTime());
  assert.match(JSON.stringify(events[0]!.public_note), /14\/01\/2027 10:00.*15\/01\/2027 10:00/);

  const audit = await db.selectFrom('audit_log').select(['actor_label']).where('action', '=', 'dossier.recompute_due').where('target_id', '=', d.inProgress!.id).execute();
  assert.deepEqual(audit, [{ actor_label: ADMIN_ACTOR.label }]);
  const runs = await db.selectFrom('audit_log').select(['details']).where('action', '=', 'services.deadlines.recompute').execute();
  assert.equal(runs.length, 1);
  assert.equal((runs[0]!.details as { moved: number }).moved, 3);

  const notices = await db.selectFrom('notifications').select(['body']).where('user_id', '=', citizenId).where('link', '=', `/dich-vu-cong/tra-cuu/${d.inProgress!.code}`).execute();
  assert.equal(notices.length, 1);
  const body = notices[0]!.body as unknown as { vi: string; en: string };
  assert.match(body.vi, /từ 14\/01\/2027 10:00 sang 15\/01\/2027 10:00/);
  assert.match(body.en, /from 14\/01\/2027 10:00 to 15\/01\/2027 10:00/);

  const again = await t.app.inject({ method: 'POST', url: '/api/v1/admin/deadlines/recompute', headers: admin.writeHeaders, payload: { dryRun: false } });
  assert.equal(again.statusCode, 200, again.body);
  assert.deepEqual(again.json().moved, []);
  assert.equal((await recomputeEvents(d.inProgress!.id)).length, 1);
  assert.equal(new Date((await stored(d.inProgress!.id)).due_at!).getTime(), DUE_V2.getTime());
});

test('the apology date, finished dossiers and dates set by other means are never touched', async () => {
  const apologised = await stored(d.apologised!.id);
  assert.equal(new Date(apologised.due_at!).getTime(), DUE_V2.getTime(), 'the legal due date moved');
  assert.equal(new Date(apologised.extended_due_at!).getTime(), APOLOGY_DATE.getTime(), 'the apology date did not');
  for (const key of ['finished', 'dueBefore', 'setByHand'] as const) {
    const row = await stored(d[key]!.id);
    assert.equal(new Date(row.due_at!).getTime(), new Date(d[key]!.due_at!).getTime(), key);
    assert.equal(row.due_calendar_version, firstVersion, key);
    assert.equal(row.version, d[key]!.version, `${key} was not written`);
    assert.equal((await recomputeEvents(d[key]!.id)).length, 0, key);
  }
});

test('only system administrators may recompute: other staff get 403, anonymous callers 401', async () => {
  for (const role of ['agency_admin', 'officer', 'leader'] as const) {
    const user = await signedInUser(t.app, t.ctx, role, role === 'leader' ? null : sxd);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/deadlines/recompute', headers: user.writeHeaders, payload: { dryRun: true } });
    assert.equal(res.statusCode, 403, role);
  }
  const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/admin/deadlines/recompute', payload: { dryRun: true } });
  assert.equal(anonymous.statusCode, 401);
});

test('an unknown agency is 404 and a body without dryRun is 400', async () => {
  const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/admin/deadlines/recompute', headers: admin.writeHeaders, payload: { dryRun: true, agencyId: '00000000-0000-4000-8000-000000000000' } });
  assert.equal(unknown.statusCode, 404);
  const missing = await t.app.inject({ method: 'POST', url: '/api/v1/admin/deadlines/recompute', headers: admin.writeHeaders, payload: {} });
  assert.equal(missing.statusCode, 400);
});
