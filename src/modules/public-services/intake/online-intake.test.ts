import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { todayInVietnam } from '../../../platform/calendar/index.js';
import { psDb } from '../tables.js';
import { APPLICANT, FORM, PDF, componentUpload, exe, insertProcedure, newCitizen, staffOf } from './testing.js';

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
const post = (url: string, who: SignedIn, payload?: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, headers: { ...who.writeHeaders, ...headers }, ...(payload ? { payload } : {}) });

async function newDraft(who: SignedIn, body: Json = { procedureCode: procedure.code }): Promise<Json> {
  const res = await post('/api/v1/dossiers/drafts', who, body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function save(who: SignedIn, draft: Json, changes: Json = {}) {
  return t.app.inject({ method: 'PUT', url: `/api/v1/dossiers/drafts/${draft.id}`, headers: who.writeHeaders, payload: { applicantKind: 'citizen', applicant: APPLICANT, onBehalf: false, formData: FORM, version: draft.version, ...changes } });
}

async function upload(who: SignedIn, id: string, code: string, file: Buffer = PDF, name = 'to-khai.pdf') {
  const { payload, headers } = componentUpload(code, file, name, who.writeHeaders);
  return t.app.inject({ method: 'POST', url: `/api/v1/dossiers/drafts/${id}/components`, payload, headers });
}

/** A draft saved with valid data and both required components, ready to submit. */
async function readyDraft(who: SignedIn, changes: Json = {}): Promise<Json> {
  const draft = await newDraft(who);
  const saved = await save(who, draft, changes);
  assert.equal(saved.statusCode, 200, saved.body);
  for (const code of ['TK', 'CCCD']) assert.equal((await upload(who, draft.id, code)).statusCode, 201);
  return saved.json();
}

test('draft → submit → receive: the code, the due date, the fee and the receipt (Mẫu 01), then the hand-over to the handling agency', async () => {
  const draft = await readyDraft(citizen);
  assert.equal(draft.status, 0);
  assert.ok(draft.allowedActions.includes('submit'));
  const submitted = await post(`/api/v1/dossiers/drafts/${draft.id}/submit`, citizen);
  assert.equal(submitted.statusCode, 200, submitted.body);
  const s = submitted.json();
  assert.equal(s.status, 1);
  assert.equal(s.receivingAgency.code, 'TTPVHCC', 'province-level procedures are received by the provincial centre');
  assert.equal(s.handlingAgency.code, 'SXD', 'and handled by the procedure\'s agency');
  assert.ok(s.submittedAt);
  assert.equal(s.code, null, 'no code before valid receipt');

  const received = await post(`/api/v1/dossiers/${draft.id}/receive`, centre, { note: 'Đủ thành phần' });
  assert.equal(received.statusCode, 200, received.body);
  const r = received.json();
  const yymmdd = todayInVietnam().slice(2).replace(/-/g, '');
  assert.match(r.code, new RegExp(`^TTPVHCC-${yymmdd}-\\d{4}$`));
  assert.equal(r.submittedAt, s.submittedAt, 'the submission time is kept apart from the receipt time');
  assert.ok(new Date(r.receivedAt) >= new Date(s.submittedAt));
  assert.ok(new Date(r.dueAt) > new Date(r.receivedAt));
  assert.ok(r.dueExplanation.vi && r.dueExplanation.en);
  assert.equal(r.feeTotal, 50000);
  assert.equal(r.feeStatus, 'unpaid');
  assert.match(r.paymentReference, /^TS[A-Z2-9]{10}$/);
  assert.equal(r.digitised, true, 'every component of an online dossier is a file');
  assert.equal(r.status, 4, 'the process continues at the handling agency: handed over at once');
  assert.equal(r.currentStep, 2);
  assert.ok(new Date(r.stepDueAt) > new Date(r.receivedAt));
  assert.deepEqual(r.events.map((e: Json) => e.action), ['submit', 'receive', 'start_processing']);
  const receipt = r.documents.find((d: Json) => d.kind === 'receipt');
  assert.ok(receipt, 'Mẫu 01 was issued');
  assert.match(receipt.sha256, /^[0-9a-f]{64}$/);
  const row = await psDb(t.ctx.db).selectFrom('dossiers').select(['due_calendar_version', 'code_format_version']).where('id', '=', draft.id).executeTakeFirstOrThrow();
  assert.ok(row.due_calendar_version! >= 1, 'the due date records its calendar version');
  assert.equal(row.code_format_version, 1);
});

test('a form that breaks the version\'s schema is refused with every problem at once, in both languages', async () => {
  const draft = await newDraft(citizen);
  const saved = (await save(citizen, draft, { formData: { purpose: 'ngắn', copies: 0, birthDate: '2024-02-30' }, applicant: { name: 'Trần Thị Mai' } })).json();
  const res = await post(`/api/v1/dossiers/drafts/${saved.id}/submit`, citizen);
  assert.equal(res.statusCode, 400);
  const problem = res.json();
  assert.equal(problem.code, 'dossier_incomplete');
  assert.ok(problem.message.vi && problem.message.en);
  const fields = problem.errors.map((e: Json) => e.field);
  for (const f of ['formData.purpose', 'formData.copies', 'formData.birthDate', 'applicant.idNumber', 'components.TK', 'components.CCCD']) assert.ok(fields.includes(f), `${f} in ${fields}`);
  assert.ok(problem.errors.every((e: Json) => e.message.vi && e.message.en));
  const row = await psDb(t.ctx.db).selectFrom('dossiers').select('status').where('id', '=', saved.id).executeTakeFirstOrThrow();
  assert.equal(row.status, 0, 'still a draft');
});

test('an executable renamed .pdf is refused by its bytes and leaves no component', async () => {
  const draft = await newDraft(citizen);
  const res = await upload(citizen, draft.id, 'TK', exe(), 'to-khai.pdf');
  assert.equal(res.statusCode, 415, res.body);
  assert.equal(res.json().code, 'unsupported_file_type');
  const rows = await psDb(t.ctx.db).selectFrom('dossier_components').select('id').where('dossier_id', '=', draft.id).execute();
  assert.equal(rows.length, 0);
  const unknown = await upload(citizen, draft.id, 'KHONG-CO');
  assert.equal(unknown.json().code, 'unknown_component');
});

test('a file can be removed from a draft, and the draft then misses that component', async () => {
  const draft = await readyDraft(citizen);
  const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${draft.id}`, headers: citizen.headers })).json();
  const tk = detail.components.find((c: Json) => c.componentCode === 'TK');
  const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/dossiers/drafts/${draft.id}/components/${tk.id}`, headers: citizen.writeHeaders });
  assert.equal(del.statusCode, 204);
  const res = await post(`/api/v1/dossiers/drafts/${draft.id}/submit`, citizen);
  assert.deepEqual(res.json().errors.map((e: Json) => e.field), ['components.TK']);
});

test('saving with a stale version is refused with 409 and changes nothing', async () => {
  const draft = await newDraft(citizen);
  assert.equal((await save(citizen, draft)).statusCode, 200);
  const stale = await save(citizen, draft, { formData: { purpose: 'ghi đè bản cũ' } });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().code, 'stale_version');
  const row = await psDb(t.ctx.db).selectFrom('dossiers').select(['form_data', 'version']).where('id', '=', draft.id).executeTakeFirstOrThrow();
  assert.deepEqual(row.form_data, FORM);
  assert.equal(row.version, draft.version + 1);
});

test('a representative files for someone without an account: the applicant\'s phone is required, the filer owns the dossier', async () => {
  const filer = await newCitizen(t.app, t.ctx);
  const grandmother = { name: 'Lê Thị Bà', idNumber: '044150000999', address: 'Xã Bố Trạch' };
  const draft = await readyDraft(filer, { onBehalf: true, applicant: grandmother });
  const missingPhone = await post(`/api/v1/dossiers/drafts/${draft.id}/submit`, filer);
  assert.equal(missingPhone.statusCode, 400);
  assert.deepEqual(missingPhone.json().errors.map((e: Json) => e.field), ['applicant.phone']);
  const withPhone = (await save(filer, draft, { onBehalf: true, applicant: { ...grandmother, phone: '0987654321' } })).json();
  const res = await post(`/api/v1/dossiers/drafts/${withPhone.id}/submit`, filer);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().onBehalf, true);
  assert.equal(res.json().applicant.name, 'Lê Thị Bà');
  const row = await psDb(t.ctx.db).selectFrom('dossiers').select(['applicant_user_id', 'submitter_user_id']).where('id', '=', draft.id).executeTakeFirstOrThrow();
  assert.equal(row.applicant_user_id, null);
  assert.equal(row.submitter_user_id, filer.userId);
  const mine = (await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${draft.id}`, headers: filer.headers })).json();
  assert.equal(mine.id, draft.id, 'the filer reads it as its owner');
});

test('a retried submission with the same Idempotency-Key returns the first answer and submits once', async () => {
  const draft = await readyDraft(citizen);
  const key = { 'idempotency-key': `submit-${draft.id.slice(0, 8)}` };
  const first = await post(`/api/v1/dossiers/drafts/${draft.id}/submit`, citizen, undefined, key);
  const retry = await post(`/api/v1/dossiers/drafts/${draft.id}/submit`, citizen, undefined, key);
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(retry.statusCode, 200);
  assert.equal(retry.headers['idempotent-replayed'], 'true');
  assert.deepEqual(retry.json(), first.json());
  const events = await psDb(t.ctx.db).selectFrom('dossier_events').select('action').where('dossier_id', '=', draft.id).execute();
  assert.deepEqual(events.map((e) => e.action), ['submit']);
  const again = await post(`/api/v1/dossiers/drafts/${draft.id}/submit`, citizen);
  assert.equal(again.statusCode, 409, 'without the key a second submission is out of turn');
});

test('a claimed exemption is assessed at receipt: no fee, status exempt, no payment reference', async () => {
  const draft = await readyDraft(citizen, { exemptionCodes: ['HN'] });
  assert.equal((await post(`/api/v1/dossiers/drafts/${draft.id}/submit`, citizen)).statusCode, 200);
  const r = (await post(`/api/v1/dossiers/${draft.id}/receive`, centre, {})).json();
  assert.equal(r.feeTotal, 0);
  assert.equal(r.feeStatus, 'exempt');
  assert.equal(r.paymentReference, null);
  const other = await newDraft(citizen);
  const bad = await save(citizen, other, { exemptionCodes: ['KHONG-CO'] });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].field, 'exemptionCodes');
});

test('a commune-level dossier goes to the chosen commune\'s People\'s Committee, which receives and handles it', async () => {
  const communal = await insertProcedure(t.ctx, { level: 'commune', process: [] });
  const ward = await staffOf(t.app, t.ctx, 'UBND-XA-18880');
  const draft = await newDraft(citizen, { procedureCode: communal.code });
  await save(citizen, draft);
  for (const code of ['TK', 'CCCD']) await upload(citizen, draft.id, code);
  const noCommune = await post(`/api/v1/dossiers/drafts/${draft.id}/submit`, citizen);
  assert.equal(noCommune.statusCode, 400);
  assert.ok(noCommune.json().errors.some((e: Json) => e.field === 'communeCode'));
  const current = (await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${draft.id}`, headers: citizen.headers })).json();
  await save(citizen, current, { communeCode: '18880' });
  const s = (await post(`/api/v1/dossiers/drafts/${draft.id}/submit`, citizen)).json();
  assert.equal(s.receivingAgency.code, 'UBND-XA-18880');
  assert.equal(s.handlingAgency.code, 'UBND-XA-18880');
  assert.equal(s.communeCode, '18880');
  const r = (await post(`/api/v1/dossiers/${draft.id}/receive`, ward, {})).json();
  assert.match(r.code, /^UBND-XA-18880-\d{6}-\d{4}$/);
  assert.equal(r.status, 2, 'no further step in the process: it stays received');
});

test('procedures not offered online cannot be started online; my drafts list what waits for me', async () => {
  const offline = await insertProcedure(t.ctx, { onlineLevel: 'none' });
  const res = await post('/api/v1/dossiers/drafts', citizen, { procedureCode: offline.code });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().code, 'procedure_not_online');
  assert.equal((await post('/api/v1/dossiers/drafts', citizen, { procedureCode: 'KHONG.CO' })).statusCode, 404);
  const someone = await newCitizen(t.app, t.ctx);
  const draft = await newDraft(someone);
  const list = (await t.app.inject({ method: 'GET', url: '/api/v1/dossiers/drafts', headers: someone.headers })).json();
  assert.deepEqual(list.items.map((i: Json) => i.id), [draft.id]);
  const theirs = (await t.app.inject({ method: 'GET', url: '/api/v1/dossiers/drafts', headers: citizen.headers })).json();
  assert.ok(!theirs.items.some((i: Json) => i.id === draft.id), 'nobody else sees it');
});
