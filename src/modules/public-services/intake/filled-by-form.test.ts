import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { catalogTestPlatform } from '../catalog/test-platform.js';
import { sampleProcedure } from '../catalog/test-fixtures.js';
import type { ProcedureComponent } from '../tables.js';
import { APPLICANT, FORM, PDF, componentUpload, insertProcedure } from './testing.js';

/** The declaration (tờ khai) is the online form itself; the ID card copy still needs a file. */
const COMPONENTS: ProcedureComponent[] = [
  { code: 'TK', name: 'Tờ khai đề nghị (điền trực tuyến)', kind: 'electronic', count: 1, required: true, filledByForm: true },
  { code: 'CCCD', name: 'Bản sao căn cước', kind: 'copy', count: 1, required: true },
  { code: 'KHAC', name: 'Giấy tờ khác (nếu có)', kind: 'copy', count: 1, required: false },
];

let t: TestPlatform;
let citizen: SignedIn;
let admin: SignedIn;
let procedureCode: string;
before(async () => {
  const platform = await catalogTestPlatform();
  t = platform.t;
  citizen = platform.as.citizen;
  admin = platform.as.system_admin;
  procedureCode = (await insertProcedure(t.ctx, { components: COMPONENTS })).code;
});
after(() => t.close());

type Json = Record<string, any>;
const post = (url: string) => t.app.inject({ method: 'POST', url, headers: citizen.writeHeaders });

/** A draft saved with these form answers, and a file for each of `files`. */
async function draftWith(formData: Json, files: string[]): Promise<string> {
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers/drafts', headers: citizen.writeHeaders, payload: { procedureCode } });
  assert.equal(created.statusCode, 201, created.body);
  const draft = created.json();
  const saved = await t.app.inject({ method: 'PUT', url: `/api/v1/dossiers/drafts/${draft.id}`, headers: citizen.writeHeaders, payload: { applicantKind: 'citizen', applicant: APPLICANT, onBehalf: false, formData, version: draft.version } });
  assert.equal(saved.statusCode, 200, saved.body);
  for (const code of files) {
    const { payload, headers } = componentUpload(code, PDF, `${code}.pdf`, citizen.writeHeaders);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/drafts/${draft.id}/components`, payload, headers });
    assert.equal(res.statusCode, 201, res.body);
  }
  return draft.id;
}

test('a dossier whose declaration is answered in the online form is submitted without a file for it', async () => {
  const id = await draftWith(FORM, ['CCCD']);
  const res = await post(`/api/v1/dossiers/drafts/${id}/submit`);
  assert.equal(res.statusCode, 200, res.body);
  const dossier = res.json();
  assert.equal(dossier.status, 1);
  assert.deepEqual(dossier.formData, FORM, 'the answers are the declaration');
  assert.deepEqual(dossier.components.map((c: Json) => c.componentCode), ['CCCD'], 'no file was needed for the declaration');
});

test('other required components still need their files, and the declaration is never asked for as a file', async () => {
  const id = await draftWith(FORM, []);
  const res = await post(`/api/v1/dossiers/drafts/${id}/submit`);
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json().code, 'dossier_incomplete');
  assert.deepEqual(res.json().errors.map((e: Json) => e.field), ['components.CCCD']);
});

test('a declaration answered badly is refused through its form fields, not as a missing file', async () => {
  const id = await draftWith({ purpose: 'ngắn' }, ['CCCD']);
  const res = await post(`/api/v1/dossiers/drafts/${id}/submit`);
  assert.equal(res.statusCode, 400, res.body);
  const fields: string[] = res.json().errors.map((e: Json) => e.field);
  assert.ok(fields.includes('formData.purpose') && fields.includes('formData.copies'), fields.join());
  assert.ok(!fields.includes('components.TK'), fields.join());
});

test('the demo birth registration marks its declaration as filled in online, and the birth certificate still needs a file', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193', headers: citizen.headers });
  assert.equal(res.statusCode, 200, res.body);
  const components: Json[] = res.json().components;
  assert.equal(components.find((c) => c.code === 'to-khai')?.filledByForm, true);
  assert.equal(components.find((c) => c.code === 'giay-chung-sinh')?.filledByForm, undefined);
});

test('the catalog takes the flag only with an online form that has fields', async () => {
  const flagged = (sampleProcedure('T.DECL0').components as Json[]).map((c) => (c.code === 'don' ? { ...c, filledByForm: true } : c));
  const create = (body: Json) => t.app.inject({ method: 'POST', url: '/api/v1/procedures', headers: admin.writeHeaders, payload: body });
  const empty = await create(sampleProcedure('T.DECL1', { components: flagged, formSchema: { type: 'object', properties: {} } }));
  assert.equal(empty.statusCode, 400, empty.body);
  assert.equal(empty.json().code, 'form_component_without_form');
  assert.ok(empty.json().message.vi && empty.json().message.en);
  const ok = await create(sampleProcedure('T.DECL2', { components: flagged }));
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.json().components.find((c: Json) => c.code === 'don').filledByForm, true);
});
