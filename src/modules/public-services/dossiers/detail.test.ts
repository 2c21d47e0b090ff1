import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { account, APPLICANT, FORM, PDF, componentUpload, insertProcedure, newCitizen, staffOf } from '../intake/testing.js';

let t: TestPlatform;
let citizen: SignedIn;
let centre: SignedIn;
let id: string;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  citizen = await newCitizen(t.app, t.ctx);
  centre = await staffOf(t.app, t.ctx, 'TTPVHCC');
  const procedure = await insertProcedure(t.ctx);
  const draft = (await t.app.inject({ method: 'POST', url: '/api/v1/dossiers/drafts', headers: citizen.writeHeaders, payload: { procedureCode: procedure.code } })).json();
  await t.app.inject({ method: 'PUT', url: `/api/v1/dossiers/drafts/${draft.id}`, headers: citizen.writeHeaders, payload: { applicantKind: 'citizen', applicant: APPLICANT, onBehalf: false, formData: FORM, version: draft.version } });
  for (const code of ['TK', 'CCCD']) {
    const { payload, headers } = componentUpload(code, PDF, `${code}.pdf`, citizen.writeHeaders);
    await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/drafts/${draft.id}/components`, payload, headers });
  }
  await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/drafts/${draft.id}/submit`, headers: citizen.writeHeaders });
  id = draft.id;
});
after(() => t.close());

type Json = Record<string, any>;
const read = (who: SignedIn) => t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}`, headers: who.headers });
const readsOf = async () => t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'dossier.read').where('target_id', '=', id).execute();

test('each reader gets the actions open to them: the counter decides, the applicant waits, the leader only reads', async () => {
  const counter = (await read(centre)).json();
  assert.deepEqual(counter.allowedActions, ['receive', 'request_completion', 'refuse']);
  const mine = (await read(citizen)).json();
  assert.deepEqual(mine.allowedActions.filter((a: string) => ['receive', 'refuse', 'submit', 'edit'].includes(a)), [], 'a submitted dossier is out of the applicant\'s hands');
  const leader = await account(t.app, t.ctx, 'leader');
  const seen = await read(leader);
  assert.equal(seen.statusCode, 200);
  assert.ok(!seen.json().allowedActions.includes('receive'));
  assert.equal(mine.applicant.idNumber, APPLICANT.idNumber);
  assert.deepEqual(mine.formData, FORM);
  assert.equal(mine.components.length, 2);
  assert.ok(mine.components.every((c: Json) => c.name && c.sha256));
});

test('staff reading the applicant\'s data leave an audit record with the purpose; the applicant reading their own does not', async () => {
  const before = (await readsOf()).length;
  await read(citizen);
  assert.equal((await readsOf()).length, before);
  await read(centre);
  const after = await readsOf();
  assert.equal(after.length, before + 1);
  const last = after.at(-1)!;
  assert.equal(last.actor_user_id, centre.userId);
  assert.equal(last.purpose, 'handling');
  assert.equal(last.subject_user_id, citizen.userId);
});

test('internal comments reach staff only', async () => {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/receive`, headers: centre.writeHeaders, payload: { note: 'Ghi chú nội bộ: bản gốc đã đối chiếu' } });
  assert.equal(res.statusCode, 200, res.body);
  const staffView = (await read(centre)).json();
  assert.equal(staffView.events.find((e: Json) => e.action === 'receive').comment, 'Ghi chú nội bộ: bản gốc đã đối chiếu');
  const applicantView = (await read(citizen)).json();
  const receive = applicantView.events.find((e: Json) => e.action === 'receive');
  assert.equal(receive.comment, null);
  assert.match(receive.publicNote.vi, new RegExp(applicantView.code));
});
