import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { todayInVietnam } from '../../../platform/calendar/index.js';
import { psDb } from '../tables.js';
import { account, APPLICANT, FORM, PDF, componentUpload, insertProcedure, newCitizen, staffOf } from './testing.js';

let t: TestPlatform;
let citizen: SignedIn;
let centre: SignedIn;
let procedure: { code: string; versionId: string };
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  citizen = await newCitizen(t.app, t.ctx);
  centre = await staffOf(t.app, t.ctx, 'TTPVHCC');
  procedure = await insertProcedure(t.ctx);
});
after(() => t.close());

type Json = Record<string, any>;
const post = (url: string, who: SignedIn, payload?: object) => t.app.inject({ method: 'POST', url, headers: who.writeHeaders, ...(payload ? { payload } : {}) });
const detail = async (id: string, who: SignedIn) => t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}`, headers: who.headers });

/** A dossier submitted online by the citizen, waiting at the provincial centre. */
async function submitted(): Promise<string> {
  const draft = (await post('/api/v1/dossiers/drafts', citizen, { procedureCode: procedure.code })).json();
  await t.app.inject({ method: 'PUT', url: `/api/v1/dossiers/drafts/${draft.id}`, headers: citizen.writeHeaders, payload: { applicantKind: 'citizen', applicant: APPLICANT, onBehalf: false, formData: FORM, version: draft.version } });
  for (const code of ['TK', 'CCCD']) {
    const { payload, headers } = componentUpload(code, PDF, `${code}.pdf`, citizen.writeHeaders);
    await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/drafts/${draft.id}/components`, payload, headers });
  }
  const res = await post(`/api/v1/dossiers/drafts/${draft.id}/submit`, citizen);
  assert.equal(res.statusCode, 200, res.body);
  return draft.id;
}

test('a completion request (Mẫu 02) lists everything missing and returns the dossier to the applicant, who completes and resubmits it', async () => {
  const id = await submitted();
  const missing = ['Bản sao căn cước rõ nét hơn', 'Tờ khai có chữ ký'];
  const res = await post(`/api/v1/dossiers/${id}/request-completion`, centre, { missing });
  assert.equal(res.statusCode, 200, res.body);
  const asked = res.json();
  assert.equal(asked.status, 1);
  assert.equal(asked.subState, 'completion_requested');
  assert.equal(asked.code, null, 'no code: it has not been received');
  assert.ok(asked.documents.some((d: Json) => d.kind === 'completion_request'));
  assert.match(asked.events.at(-1).publicNote.vi, /Bản sao căn cước rõ nét hơn; Tờ khai có chữ ký/);
  assert.equal((await post(`/api/v1/dossiers/${id}/receive`, centre, {})).statusCode, 409, 'nothing to receive until it comes back');

  const mine = (await detail(id, citizen)).json();
  assert.ok(mine.allowedActions.includes('resubmit') && mine.allowedActions.includes('edit'));
  const edited = await t.app.inject({ method: 'PUT', url: `/api/v1/dossiers/drafts/${id}`, headers: citizen.writeHeaders, payload: { applicantKind: 'citizen', applicant: APPLICANT, onBehalf: false, formData: { ...FORM, copies: 3 }, version: mine.version } });
  assert.equal(edited.statusCode, 200, edited.body);
  const again = await post(`/api/v1/dossiers/${id}/resubmit`, citizen);
  assert.equal(again.statusCode, 200, again.body);
  assert.equal(again.json().subState, null);
  assert.equal(again.json().formData.copies, 3);
  const received = await post(`/api/v1/dossiers/${id}/receive`, centre, {});
  assert.equal(received.statusCode, 200, received.body);
  assert.deepEqual(received.json().events.map((e: Json) => e.action), ['submit', 'request_completion', 'resubmit', 'receive', 'start_processing']);
});

test('a refusal needs at least one reason (400), then gives status 3 with the refusal (Mẫu 03)', async () => {
  const id = await submitted();
  for (const body of [{}, { reasons: [] }, { reasons: ['   '] }]) {
    const res = await post(`/api/v1/dossiers/${id}/refuse`, centre, body);
    assert.equal(res.statusCode, 400, JSON.stringify(body));
    assert.ok(res.json().message.vi && res.json().message.en);
  }
  const res = await post(`/api/v1/dossiers/${id}/refuse`, centre, { reasons: ['Thủ tục không thuộc thẩm quyền giải quyết của tỉnh'] });
  assert.equal(res.statusCode, 200, res.body);
  const refused = res.json();
  assert.equal(refused.status, 3);
  assert.equal(refused.outcome, 'refused');
  assert.equal(refused.code, null);
  assert.ok(refused.documents.some((d: Json) => d.kind === 'refusal'));
  assert.equal((await post(`/api/v1/dossiers/${id}/receive`, centre, {})).statusCode, 409);
});

test('a failure after the code is taken rolls the whole receipt back: no code, no sequence step, no document, no trail', async () => {
  const id = await submitted();
  const db = psDb(t.ctx.db);
  const day = todayInVietnam();
  const seqNow = async () => (await db.selectFrom('dossier_code_sequences').select('last_seq').where('agency_code', '=', 'TTPVHCC').where('day', '=', day).executeTakeFirst())?.last_seq ?? 0;
  const before = await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const seqBefore = await seqNow();
  // The receipt (Mẫu 01) is written after the code is taken and the status changed: make that write fail.
  await sql`create function fail_documents() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`.execute(t.ctx.db);
  await sql`create trigger fail_documents before insert on dossier_documents for each row execute function fail_documents()`.execute(t.ctx.db);
  try {
    const res = await post(`/api/v1/dossiers/${id}/receive`, centre, {});
    assert.equal(res.statusCode, 500);
  } finally {
    await sql`drop trigger fail_documents on dossier_documents`.execute(t.ctx.db);
    await sql`drop function fail_documents()`.execute(t.ctx.db);
  }
  const after = await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(after, before, 'the dossier row is untouched');
  assert.equal(await seqNow(), seqBefore, 'the number taken went back with the transaction');
  assert.equal((await db.selectFrom('dossier_documents').select('id').where('dossier_id', '=', id).execute()).length, 0);
  assert.deepEqual((await db.selectFrom('dossier_events').select('action').where('dossier_id', '=', id).execute()).map((e) => e.action), ['submit']);
  const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', id).where('action', '=', 'dossier.receive').execute();
  assert.equal(audit.length, 0);

  const retry = await post(`/api/v1/dossiers/${id}/receive`, centre, {});
  assert.equal(retry.statusCode, 200, retry.body);
  assert.ok(retry.json().code.endsWith(`-${String(seqBefore + 1).padStart(4, '0')}`), 'the next receipt takes the number that was given back');
});

test('only staff of the receiving agency decide: citizens and leaders 403, the handling agency 403, other agencies and strangers 404', async () => {
  const id = await submitted();
  const stranger = await newCitizen(t.app, t.ctx);
  const handling = await staffOf(t.app, t.ctx, 'SXD'); // Sở Xây dựng: handles the dossier, does not receive it
  const other = await staffOf(t.app, t.ctx, 'STP');
  const leader = await account(t.app, t.ctx, 'leader');
  assert.equal((await post(`/api/v1/dossiers/${id}/receive`, citizen, {})).statusCode, 403, 'the applicant cannot receive their own dossier');
  assert.equal((await post(`/api/v1/dossiers/${id}/receive`, leader, {})).statusCode, 403);
  assert.equal((await post(`/api/v1/dossiers/${id}/receive`, handling, {})).statusCode, 403);
  assert.equal((await post(`/api/v1/dossiers/${id}/receive`, other, {})).statusCode, 404);
  assert.equal((await post(`/api/v1/dossiers/${id}/refuse`, other, { reasons: ['x'] })).statusCode, 404);
  assert.equal((await detail(id, other)).statusCode, 404);
  assert.equal((await detail(id, stranger)).statusCode, 404, 'a stranger cannot tell it exists');
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}` })).statusCode, 401);
  const untouched = await psDb(t.ctx.db).selectFrom('dossiers').select(['status', 'code']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(untouched, { status: 1, code: null });
  const stillMine = await t.app.inject({ method: 'PUT', url: `/api/v1/dossiers/drafts/${id}`, headers: stranger.writeHeaders, payload: { applicantKind: 'citizen', applicant: APPLICANT, onBehalf: false, formData: FORM, version: 1 } });
  assert.equal(stillMine.statusCode, 404, 'nobody else edits a draft');
});
