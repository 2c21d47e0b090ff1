import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { account, APPLICANT, FORM, PDF, componentUpload, insertProcedure, newCitizen, staffOf } from '../intake/testing.js';
import { FINISHED, RETURNED } from '../statuses.js';
import { psDb } from '../tables.js';

let t: TestPlatform;
let citizen: SignedIn;
let centre: SignedIn;
let leader: SignedIn;
let procedureCode: string;
before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  citizen = await newCitizen(t.app, t.ctx);
  centre = await staffOf(t.app, t.ctx, 'TTPVHCC');
  leader = await account(t.app, t.ctx, 'leader');
  procedureCode = (await insertProcedure(t.ctx)).code;
});
after(() => t.close());


/** A dossier the citizen filed online (status 1). */
async function submitted(): Promise<string> {
  const draft = (await t.app.inject({ method: 'POST', url: '/api/v1/dossiers/drafts', headers: citizen.writeHeaders, payload: { procedureCode } })).json();
  await t.app.inject({ method: 'PUT', url: `/api/v1/dossiers/drafts/${draft.id}`, headers: citizen.writeHeaders, payload: { applicantKind: 'citizen', applicant: APPLICANT, onBehalf: false, formData: FORM, version: draft.version } });
  for (const code of ['TK', 'CCCD']) {
    const { payload, headers } = componentUpload(code, PDF, `${code}.pdf`, citizen.writeHeaders);
    await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/drafts/${draft.id}/components`, payload, headers });
  }
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/drafts/${draft.id}/submit`, headers: citizen.writeHeaders });
  assert.equal(res.statusCode, 200, res.body);
  return draft.id;
}

/** The result is out: the processing chain is tested elsewhere, here only the status matters. */
const resultOut = (id: string, status: number) => psDb(t.ctx.db).updateTable('dossiers').set({ status, finished_at: new Date() }).where('id', '=', id).execute();

async function actionsOf(who: SignedIn, id: string): Promise<string[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}`, headers: who.headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().allowedActions;
}

const evaluation = { rating: 5, criteria: { timeliness: 5, contacts: 4, attitude: 5, clarity: 4 } };

test('the applicant may evaluate a finished dossier once: offered after the result, gone after evaluating', async () => {
  const id = await submitted();
  assert.ok(!(await actionsOf(citizen, id)).includes('evaluate'), 'no evaluation before the result');
  await resultOut(id, FINISHED);
  assert.ok((await actionsOf(citizen, id)).includes('evaluate'), 'offered once the result is out');
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/evaluation`, headers: citizen.writeHeaders, payload: evaluation });
  assert.equal(res.statusCode, 201, res.body);
  assert.ok(!(await actionsOf(citizen, id)).includes('evaluate'), 'not offered a second time');
});

test('a returned dossier is offered for evaluation to its applicant, never to staff or leaders who read it', async () => {
  const id = await submitted();
  await resultOut(id, RETURNED);
  assert.ok((await actionsOf(citizen, id)).includes('evaluate'));
  for (const reader of [centre, leader]) assert.ok(!(await actionsOf(reader, id)).includes('evaluate'));
});
