import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { psDb } from '../tables.js';
import { PDF, componentUpload, counterBody, insertProcedure, staffOf, newCitizen } from './testing.js';

let t: TestPlatform;
let centre: SignedIn;
let procedure: { code: string; versionId: string };
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  centre = await staffOf(t.app, t.ctx, 'TTPVHCC');
  procedure = await insertProcedure(t.ctx);
});
after(() => t.close());

type Json = Record<string, any>;
const counter = (who: SignedIn, body: Json) => t.app.inject({ method: 'POST', url: '/api/v1/dossiers/counter', headers: who.writeHeaders, payload: body });
const paper = (extra: Json = {}) => counterBody(procedure.code, extra);

test('counter intake creates and receives in one step; scans added later make the dossier digitised', async () => {
  const res = await counter(centre, paper());
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json();
  assert.equal(d.channel, 'counter');
  assert.match(d.code, /^TTPVHCC-\d{6}-\d{4}$/);
  assert.equal(d.status, 4, 'received and handed to the handling agency');
  assert.equal(d.receivingAgency.code, 'TTPVHCC');
  assert.equal(d.handlingAgency.code, 'SXD');
  assert.ok(d.documents.some((doc: Json) => doc.kind === 'receipt'));
  assert.deepEqual(d.components.map((c: Json) => [c.componentCode, c.digitised, c.fileId, c.addedIn]), [['TK', true, null, 'receipt'], ['CCCD', false, null, 'receipt']]);
  assert.equal(d.digitised, false, 'the identity copy is still only on paper');
  assert.deepEqual(d.events.map((e: Json) => e.action), ['submit', 'receive', 'start_processing']);
  const row = await psDb(t.ctx.db).selectFrom('dossiers').select(['applicant_user_id', 'submitter_user_id', 'submitted_at', 'received_at']).where('id', '=', d.id).executeTakeFirstOrThrow();
  assert.deepEqual([row.applicant_user_id, row.submitter_user_id], [null, null], 'the applicant at the counter needs no account');

  const { payload, headers } = componentUpload('CCCD', PDF, 'scan-cccd.pdf', centre.writeHeaders);
  const scan = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/components`, payload, headers });
  assert.equal(scan.statusCode, 201, scan.body);
  assert.equal(scan.json().digitised, true);
  const after = (await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${d.id}`, headers: centre.headers })).json();
  const cccd = after.components.filter((c: Json) => c.componentCode === 'CCCD');
  assert.equal(cccd.length, 1, 'the scan fills the paper component, it is not a second one');
  assert.equal(cccd[0].fileId, scan.json().fileId);
  assert.equal(after.digitised, true);
  assert.equal(after.version, d.version + 1);
});

test('postal intake is channel 3 and a commune counter receives commune-level dossiers for its own commune by default', async () => {
  const communal = await insertProcedure(t.ctx, { level: 'commune', process: [] });
  const ward = await staffOf(t.app, t.ctx, 'UBND-XA-18880');
  const res = await counter(ward, paper({ procedureCode: communal.code, channel: 'post' }));
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().channel, 'post');
  assert.equal(res.json().handlingAgency.code, 'UBND-XA-18880');
  assert.equal(res.json().communeCode, '18880');
  assert.equal(res.json().status, 2);
});

test('counter intake checks the dossier like online intake: missing components and unknown ones are refused with 400', async () => {
  const missing = await counter(centre, paper({ components: [{ componentCode: 'TK', kind: 'original', digitised: true }] }));
  assert.equal(missing.statusCode, 400);
  assert.deepEqual(missing.json().errors.map((e: Json) => e.field), ['components.CCCD']);
  const bad = await counter(centre, paper({ formData: { purpose: 'x' }, applicant: { name: '' } }));
  const fields = bad.json().errors.map((e: Json) => e.field);
  for (const f of ['applicant.name', 'applicant.idNumber', 'formData.purpose', 'formData.copies']) assert.ok(fields.includes(f), f);
});

test('only officers of a one-stop counter receive at the counter; scans are for the dossier\'s own agencies', async () => {
  const department = await staffOf(t.app, t.ctx, 'SXD'); // Sở Xây dựng has no one-stop counter of its own here
  const refused = await counter(department, paper());
  assert.equal(refused.statusCode, 403);
  const citizen = await newCitizen(t.app, t.ctx);
  assert.equal((await counter(citizen, paper())).statusCode, 403);
  const d = (await counter(centre, paper())).json();
  const other = await staffOf(t.app, t.ctx, 'STP');
  const { payload, headers } = componentUpload('CCCD', PDF, 'scan.pdf', other.writeHeaders);
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/components`, payload, headers })).statusCode, 404);
  const handling = componentUpload('CCCD', PDF, 'scan.pdf', department.writeHeaders);
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/components`, payload: handling.payload, headers: handling.headers })).statusCode, 201, 'the handling agency may digitise too');
});
