import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { psDb, type PsDb } from '../tables.js';
import { insertAgency, insertDossier, insertProcedure, signedInUser, type TestProcedure } from './test-fixtures.js';

let t: TestPlatform;
let db: PsDb;
let agency: string;
let procedure: TestProcedure;
let citizen: SignedIn;
let representative: SignedIn;
let stranger: SignedIn;

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  db = psDb(t.ctx.db);
  agency = (await insertAgency(db)).id;
  procedure = await insertProcedure(db, agency);
  citizen = await signedInUser(t.app, t.ctx, 'citizen');
  representative = await signedInUser(t.app, t.ctx, 'citizen');
  stranger = await signedInUser(t.app, t.ctx, 'business');
});
after(() => t.close());

const EVALUATION = { rating: 4, criteria: { timeliness: 5, contacts: 4, attitude: 4, clarity: 3 }, comment: '  Cán bộ hướng dẫn rõ ràng.  ' };

function evaluate(id: string, who: SignedIn, payload: unknown = EVALUATION) {
  return t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/evaluation`, payload: payload as object, headers: who.writeHeaders });
}

function mine(who: SignedIn, query = '') {
  return t.app.inject({ method: 'GET', url: `/api/v1/dossiers/mine${query}`, headers: who.headers });
}

test('my dossiers lists those I am the applicant or the filer of, newest first, without drafts or anyone else’s', async () => {
  const own = await insertDossier(db, procedure, agency, { applicant_user_id: citizen.userId, submitter_user_id: citizen.userId, created_at: new Date('2026-11-01T00:00:00Z') });
  const filedForOther = await insertDossier(db, procedure, agency, { submitter_user_id: citizen.userId, on_behalf: true, status: 9, finished_at: new Date('2026-12-01T03:00:00Z'), created_at: new Date('2026-11-02T00:00:00Z') });
  await insertDossier(db, procedure, agency, { applicant_user_id: citizen.userId, status: 0, code: null, received_at: null, due_at: null });
  await insertDossier(db, procedure, agency, { applicant_user_id: stranger.userId });
  const res = await mine(citizen);
  assert.equal(res.statusCode, 200, res.body);
  const items = res.json().items as Array<Record<string, unknown>>;
  assert.deepEqual(items.map((i) => i.id), [filedForOther.id, own.id]);
  assert.equal(items[0]!.onBehalf, true);
  assert.equal(items[0]!.onTime, true);
  assert.equal(items[0]!.canEvaluate, true);
  assert.equal(items[1]!.canEvaluate, false, 'still in progress');
  assert.equal(items[1]!.onTime, null);
  assert.deepEqual(items[1]!.procedure, { code: procedure.code, name: procedure.name, version: 1 });

  const results = (await mine(citizen, '?view=results')).json().items as Array<{ id: string }>;
  assert.deepEqual(results.map((i) => i.id), [filedForOther.id]);
});

test('my dossiers pages with a cursor, and a forged cursor is a 400', async () => {
  const user = await signedInUser(t.app, t.ctx, 'citizen');
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await insertDossier(db, procedure, agency, { applicant_user_id: user.userId, created_at: new Date(Date.UTC(2026, 10, 10 + i)) })).id);
  const first = (await mine(user, '?limit=2')).json();
  assert.deepEqual(first.items.map((i: { id: string }) => i.id), [ids[2], ids[1]]);
  assert.ok(first.nextCursor);
  const second = (await mine(user, `?limit=2&cursor=${first.nextCursor}`)).json();
  assert.deepEqual(second.items.map((i: { id: string }) => i.id), [ids[0]]);
  assert.equal(second.nextCursor, null);
  assert.equal((await mine(user, `?cursor=${Buffer.from('["x", 1]').toString('base64url')}`)).statusCode, 400);
});

test('my dossiers needs a signed-in person', async () => {
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/dossiers/mine' })).statusCode, 401);
});

test('the applicant evaluates a finished dossier once: 201 with an audit record, then 409', async () => {
  const d = await insertDossier(db, procedure, agency, { applicant_user_id: citizen.userId, status: 10, finished_at: new Date('2026-12-01T03:00:00Z'), returned_at: new Date('2026-12-02T03:00:00Z') });
  const res = await evaluate(d.id, citizen);
  assert.equal(res.statusCode, 201, res.body);
  const body = res.json();
  assert.equal(body.rating, 4);
  assert.deepEqual(body.criteria, EVALUATION.criteria);
  assert.equal(body.comment, 'Cán bộ hướng dẫn rõ ràng.');
  const stored = await db.selectFrom('dossier_evaluations').selectAll().where('dossier_id', '=', d.id).execute();
  assert.equal(stored.length, 1);
  const audit = await t.ctx.db.selectFrom('audit_log').select(['actor_user_id']).where('action', '=', 'dossier.evaluate').where('target_id', '=', d.id).execute();
  assert.deepEqual(audit.map((a) => a.actor_user_id), [citizen.userId]);

  const again = await evaluate(d.id, citizen, { ...EVALUATION, rating: 1 });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'dossier_already_evaluated');
  assert.equal((await db.selectFrom('dossier_evaluations').select('rating').where('dossier_id', '=', d.id).executeTakeFirstOrThrow()).rating, 4, 'the first evaluation stands');
  const listed = ((await mine(citizen)).json().items as Array<{ id: string; evaluated: boolean; canEvaluate: boolean }>).find((i) => i.id === d.id)!;
  assert.deepEqual([listed.evaluated, listed.canEvaluate], [true, false]);
});

test('the filer (a representative) may evaluate too; someone else gets a 404 as if the dossier did not exist', async () => {
  const d = await insertDossier(db, procedure, agency, { applicant_user_id: citizen.userId, submitter_user_id: representative.userId, on_behalf: true, status: 9, finished_at: new Date('2026-12-01T03:00:00Z') });
  const refused = await evaluate(d.id, stranger);
  assert.equal(refused.statusCode, 404);
  assert.equal(refused.json().code, 'dossier_not_found');
  assert.equal((await evaluate(d.id, representative)).statusCode, 201);
});

test('a dossier still in progress cannot be evaluated (409), nor with out-of-range or missing scores or a long comment (400)', async () => {
  const open = await insertDossier(db, procedure, agency, { applicant_user_id: citizen.userId, status: 4 });
  const early = await evaluate(open.id, citizen);
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().code, 'dossier_wrong_status');
  const done = await insertDossier(db, procedure, agency, { applicant_user_id: citizen.userId, status: 9, finished_at: new Date('2026-12-01T03:00:00Z') });
  for (const payload of [
    { ...EVALUATION, rating: 6 },
    { ...EVALUATION, rating: 0 },
    { ...EVALUATION, criteria: { timeliness: 5, contacts: 4, attitude: 4 } },
    { ...EVALUATION, criteria: { ...EVALUATION.criteria, clarity: 9 } },
    { ...EVALUATION, comment: 'x'.repeat(1001) },
  ]) {
    assert.equal((await evaluate(done.id, citizen, payload)).statusCode, 400, JSON.stringify(payload).slice(0, 80));
  }
  assert.equal((await db.selectFrom('dossier_evaluations').select('dossier_id').where('dossier_id', '=', done.id).execute()).length, 0);
});
