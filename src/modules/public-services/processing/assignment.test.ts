import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import type { TestPlatform } from '../../../platform/testing/test-platform.js';
import { psDb } from '../tables.js';
import { account, openProcessingPlatform, seedDossier, seedProcedure, type DossierSeed, type TestProcedure } from './testing.js';

let t: TestPlatform;
let sxd: string;
let stp: string;
let procedure: TestProcedure;
let stpProcedure: TestProcedure;
let officer: SignedIn;
let colleague: SignedIn;
let admin: SignedIn;
let stpOfficer: SignedIn;

before(async () => {
  ({ t, sxd, stp, procedure } = await openProcessingPlatform());
  stpProcedure = await seedProcedure(t.ctx, stp);
  officer = await account(t, 'officer', sxd);
  colleague = await account(t, 'officer', sxd);
  admin = await account(t, 'agency_admin', sxd);
  stpOfficer = await account(t, 'officer', stp);
});
after(() => t.close());

const db = () => psDb(t.ctx.db);
const dossier = (seed: Partial<DossierSeed> = {}) => seedDossier(t.ctx, procedure, { agencyId: sxd, ...seed });
const assign = (who: SignedIn, id: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/assign`, headers: who.writeHeaders, payload });
const bulk = (who: SignedIn, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/dossiers/assignments', headers: who.writeHeaders, payload });
const events = (id: string) => db().selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).orderBy('id').execute();
const assigneeOf = async (id: string) => (await db().selectFrom('dossiers').select('assignee_id').where('id', '=', id).executeTakeFirstOrThrow()).assignee_id;
const notices = (userId: string, id: string) => t.ctx.db.selectFrom('notifications').select(['title', 'body']).where('user_id', '=', userId).where('link', '=', `/can-bo/ho-so/${id}`).execute();

test('reassigning a dossier that has an assignee without a reason is a bilingual 400 and writes nothing', async () => {
  const d = await dossier({ assigneeId: officer.userId });
  for (const payload of [{ userId: colleague.userId }, { userId: colleague.userId, reason: '  ' }]) {
    const res = await assign(admin, d.id, payload);
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().code, 'reassign_reason_required');
    assert.match(JSON.stringify(res.json()), /lý do/);
  }
  assert.equal((await events(d.id)).length, 1, 'only the receipt is on the trail');
  assert.equal(await assigneeOf(d.id), officer.userId);
});

test('reassigning with a reason writes the reason on the trail and the audit log, and tells the new and the previous assignee', async () => {
  const d = await dossier({ assigneeId: officer.userId });
  const res = await assign(admin, d.id, { userId: colleague.userId, reason: 'Cán bộ nghỉ phép' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().assigneeId, colleague.userId);
  const row = (await events(d.id)).at(-1)!;
  assert.equal(row.action, 'assign');
  assert.equal(row.comment, 'Cán bộ nghỉ phép');
  assert.deepEqual(row.data, { assigneeId: colleague.userId, previousAssigneeId: officer.userId, reassigned: true });
  const audit = await t.ctx.db.selectFrom('audit_log').select(['details']).where('action', '=', 'dossier.reassign').where('target_id', '=', d.id).execute();
  assert.equal(audit.length, 1);
  assert.equal((audit[0]!.details as { reason: string }).reason, 'Cán bộ nghỉ phép');
  const toNew = await notices(colleague.userId, d.id);
  const toPrevious = await notices(officer.userId, d.id);
  assert.equal(toNew.length, 1);
  assert.equal(toPrevious.length, 1);
  assert.match(JSON.stringify(toPrevious[0]!.body), /Cán bộ nghỉ phép/);
});

test('an officer cannot take a dossier from a colleague, even with a reason', async () => {
  const d = await dossier({ assigneeId: colleague.userId });
  const res = await assign(officer, d.id, { userId: officer.userId, reason: 'Tôi làm nhanh hơn' });
  assert.equal(res.statusCode, 403);
  assert.equal(await assigneeOf(d.id), colleague.userId);
});

test('a first assignment needs no reason', async () => {
  const d = await dossier();
  const res = await assign(admin, d.id, { userId: officer.userId });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal((await events(d.id)).at(-1)!.comment, null);
});

test('bulk assignment of three dossiers, one of another agency, assigns the two and answers 404 for the third, each with its own trail row', async () => {
  const a = await dossier();
  const b = await dossier({ status: 2 });
  const foreign = await seedDossier(t.ctx, stpProcedure, { agencyId: stp });
  const res = await bulk(admin, { dossierIds: [a.id, foreign.id, b.id], assigneeId: officer.userId });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual(body.results.map((r: { id: string; ok: boolean }) => [r.id, r.ok]), [[a.id, true], [foreign.id, false], [b.id, true]]);
  assert.equal(body.results[1].error.status, 404);
  assert.equal(body.results[1].error.code, 'dossier_not_found');
  assert.ok(body.results[1].error.message.vi && body.results[1].error.message.en, 'the error is bilingual');
  assert.deepEqual([body.assigned, body.failed], [2, 1]);
  for (const d of [a, b]) {
    assert.equal(await assigneeOf(d.id), officer.userId);
    const last = (await events(d.id)).at(-1)!;
    assert.equal(last.action, 'assign');
    assert.equal((last.data as { bulk?: boolean }).bulk, true);
  }
  assert.equal((await db().selectFrom('dossiers').select('status').where('id', '=', b.id).executeTakeFirstOrThrow()).status, 4, 'received (2) → in progress (4)');
  assert.equal(await assigneeOf(foreign.id), null);
  assert.equal((await events(foreign.id)).length, 1, 'nothing written on the other agency’s dossier');
});

test('bulk assignment asks the reason only for dossiers that already have another assignee', async () => {
  const free = await dossier();
  const taken = await dossier({ assigneeId: officer.userId });
  const without = (await bulk(admin, { dossierIds: [free.id, taken.id], assigneeId: colleague.userId })).json();
  assert.deepEqual(without.results.map((r: { ok: boolean; error?: { code: string } }) => r.ok || r.error!.code), [true, 'reassign_reason_required']);
  const withReason = (await bulk(admin, { dossierIds: [taken.id], assigneeId: colleague.userId, reason: 'Cân đối khối lượng việc' })).json();
  assert.equal(withReason.results[0].ok, true);
  assert.equal((await events(taken.id)).at(-1)!.comment, 'Cân đối khối lượng việc');
});

test('bulk assignment refuses the whole request for an assignee outside the agency, an officer assigning a colleague, or more than 100 dossiers', async () => {
  const d = await dossier();
  const outside = await bulk(admin, { dossierIds: [d.id], assigneeId: stpOfficer.userId });
  assert.equal(outside.statusCode, 400);
  assert.equal(outside.json().code, 'invalid_assignee');
  assert.equal((await bulk(officer, { dossierIds: [d.id], assigneeId: colleague.userId })).statusCode, 403);
  const tooMany = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  assert.equal((await bulk(admin, { dossierIds: tooMany, assigneeId: officer.userId })).statusCode, 400);
  assert.equal((await events(d.id)).length, 1);
  const self = (await bulk(officer, { dossierIds: [d.id], assigneeId: officer.userId })).json();
  assert.equal(self.results[0].ok, true, 'an officer may take dossiers for themselves in bulk');
});
