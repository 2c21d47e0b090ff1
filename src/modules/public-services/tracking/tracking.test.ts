import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { storeUpload } from '../../../platform/files/file-service.js';
import type { DossierRow } from '../dossiers/transition.js';
import { psDb, type PsDb } from '../tables.js';
import { insertAgency, insertDossier, insertProcedure, SECRET_APPLICANT, SECRET_FORM_DATA, type TestProcedure } from './test-fixtures.js';

let t: TestPlatform;
let db: PsDb;
let sxd: string;
let procedure: TestProcedure;

const INTERNAL = 'Ghi-chu-noi-bo-khong-cong-khai';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  db = psDb(t.ctx.db);
  sxd = (await insertAgency(db)).id;
  procedure = await insertProcedure(db, sxd);
});
after(() => t.close());

async function event(d: DossierRow, at: string, from: number | null, to: number, note: { vi: string; en: string } | null, comment: string | null = null) {
  await db
    .insertInto('dossier_events')
    .values({ dossier_id: d.id, at: new Date(at), action: 'test', from_status: from, to_status: to, actor_label: 'canbo@demo', agency_id: sxd, comment, public_note: note ? JSON.stringify(note) : null, data: JSON.stringify({ internal: INTERNAL }) })
    .execute();
}

/** A dossier finished on time, with a trail holding internal comments, a receipt and a result file. */
async function finishedDossier(finishedAt = '2026-12-08T03:00:00Z') {
  const d = await insertDossier(db, procedure, sxd, { status: 9, finished_at: new Date(finishedAt), outcome: 'approved', result_number: '123/GPXD', fee_total: 150000, fee_status: 'paid' });
  await event(d, '2026-11-20T02:00:00Z', null, 1, { vi: 'Đã nộp hồ sơ trực tuyến.', en: 'Submitted online.' });
  await event(d, '2026-11-20T03:00:00Z', 1, 2, { vi: 'Hồ sơ đã được tiếp nhận.', en: 'Received.' }, `${INTERNAL} 1`);
  await event(d, '2026-11-20T04:00:00Z', 2, 4, null, `${INTERNAL} 2`);
  await event(d, '2026-11-25T04:00:00Z', 4, 4, { vi: 'Đang thẩm định.', en: 'Under appraisal.' }, `${INTERNAL} 3`);
  await event(d, finishedAt, 4, 9, { vi: 'Đã có kết quả.', en: 'The result is ready.' });
  const receipt = await storeUpload(t.ctx, undefined, { buffer: PDF, filename: 'mau-01.pdf', ownerUserId: null, purpose: 'attachment' });
  await db.insertInto('dossier_documents').values({ dossier_id: d.id, kind: 'receipt', number: '01/TN', file_id: receipt.id, sha256: receipt.sha256 }).execute();
  const result = await storeUpload(t.ctx, undefined, { buffer: PDF, filename: 'giay-phep.pdf', ownerUserId: null, purpose: 'attachment' });
  await db.updateTable('dossiers').set({ result_file_id: result.id, result_sha256: result.sha256 }).where('id', '=', d.id).execute();
  return d;
}

function assertNoPersonalData(body: string) {
  const secrets = [SECRET_APPLICANT.name, SECRET_APPLICANT.idNumber!, SECRET_APPLICANT.phone!, '0912345678', '912345678', SECRET_APPLICANT.email!, SECRET_APPLICANT.address!, ...Object.values(SECRET_FORM_DATA), INTERNAL];
  for (const secret of secrets) assert.ok(!body.includes(secret), `the public answer must not contain "${secret}"`);
  for (const key of ['applicant', 'formData', 'form_data', 'comment', 'assignee']) assert.ok(!body.includes(`"${key}"`), `no "${key}" field`);
}

test('tracking by code shows status, dates, agency, payment and the national-status timeline, and none of the personal data or internal comments', async () => {
  const d = await finishedDossier();
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/track/${d.code}` });
  assert.equal(res.statusCode, 200, res.body);
  assertNoPersonalData(res.body);
  const body = res.json();
  assert.equal(body.code, d.code);
  assert.deepEqual(body.procedure, { code: procedure.code, name: procedure.name });
  assert.equal(body.status, 9);
  assert.equal(body.statusLabel.vi, 'Đã xử lý xong');
  assert.equal(body.onTime, true, 'finished 08/12 before the due date 11/12');
  assert.equal(body.paused, false);
  assert.deepEqual(body.agency, { name: 'Sở Xây dựng (thử)', phone: '0232 3822 000' });
  assert.deepEqual(body.payment, { status: 'paid', amount: 150000 });
  assert.deepEqual(body.timeline.map((e: { status: number }) => e.status), [1, 2, 4, 9], 'national status changes only, not the sub-state step');
  assert.equal(body.timeline[1].note.vi, 'Hồ sơ đã được tiếp nhận.');
  assert.equal(body.timeline[2].note, null);
  assert.equal(res.headers['cache-control'], 'no-store');
});

test('onTime is false when finished after the due date and null while open; a supplement request shows as paused', async () => {
  const late = await insertDossier(db, procedure, sxd, { status: 10, finished_at: new Date('2026-12-12T03:00:00Z'), returned_at: new Date('2026-12-13T03:00:00Z'), extended_due_at: new Date('2026-12-14T03:00:00Z') });
  const lateBody = (await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/track/${late.code}` })).json();
  assert.equal(lateBody.onTime, false, 'an apology with a new date does not make it on time');
  assert.equal(lateBody.extendedDueAt, '2026-12-14T03:00:00.000Z');
  const open = await insertDossier(db, procedure, sxd, { status: 5, paused_since: new Date('2026-12-01T03:00:00Z') });
  const openBody = (await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/track/${open.code}` })).json();
  assert.equal(openBody.onTime, null);
  assert.equal(openBody.paused, true);
});

test('an unknown code is a 404 problem', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers/track/KHONG-CO-261202-9999' });
  assert.equal(res.statusCode, 404);
  assert.ok(res.json().message.vi);
});

test("verifying with the applicant's phone, written any common way, adds the name and the documents, and is audited", async () => {
  const d = await finishedDossier();
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/track/${d.code}/verify`, payload: { phone: '+84 912 345 678' } });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual(body.applicant, { name: SECRET_APPLICANT.name });
  assert.ok(!res.body.includes(SECRET_APPLICANT.idNumber!) && !res.body.includes(SECRET_APPLICANT.address!), 'only the name is added');
  assert.deepEqual(body.documents.map((x: { kind: string }) => x.kind).sort(), ['receipt', 'result']);
  assert.equal(body.resultAvailable, true);
  assert.ok(body.accessToken.length > 40);
  const audit = await t.ctx.db.selectFrom('audit_log').select(['actor_label', 'purpose']).where('action', '=', 'dossier.read_verified').where('target_id', '=', d.id).execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.purpose, 'tracking');

  for (const doc of body.documents as Array<{ url: string }>) {
    const file = await t.app.inject({ method: 'GET', url: doc.url });
    assert.equal(file.statusCode, 200, file.body);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.deepEqual(file.rawPayload, PDF);
  }
  const downloads = await t.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'dossier.document_read_verified').where('target_id', '=', d.id).execute();
  assert.equal(downloads.length, 2);
});

test('a wrong phone and an unknown code get the same 404 problem, so neither part is revealed', async () => {
  const d = await finishedDossier();
  const wrong = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/track/${d.code}/verify`, payload: { phone: '0987 654 321' } });
  const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers/track/KHONG-CO-261202-0001/verify', payload: { phone: '0912 345 678' } });
  for (const res of [wrong, unknown]) {
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, 'dossier_verification_failed');
    assertNoPersonalData(res.body);
  }
  assert.deepEqual(wrong.json().message, unknown.json().message);
  const noPhone = await insertDossier(db, procedure, sxd, { applicant: JSON.stringify({ name: 'Không có số' }) });
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/track/${noPhone.code}/verify`, payload: { phone: '0912 345 678' } });
  assert.equal(res.json().code, 'dossier_verification_failed', 'a dossier without a phone cannot be opened this way');
});

test("a download needs this dossier's valid token: none, a forged one or another dossier's is refused", async () => {
  const a = await finishedDossier();
  const b = await finishedDossier();
  const verified = (await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/track/${a.code}/verify`, payload: { phone: '0912345678' } })).json();
  const docId = verified.documents[0].id;
  const tokenOfA = verified.accessToken as string;
  const forged = `${tokenOfA.split('.')[0]}.${'A'.repeat(43)}`;
  const bDocs = await db.selectFrom('dossier_documents').select('id').where('dossier_id', '=', b.id).execute();
  for (const url of [
    `/api/v1/dossiers/track/${a.code}/documents/${docId}?token=`,
    `/api/v1/dossiers/track/${a.code}/documents/${docId}?token=${encodeURIComponent(forged)}`,
    `/api/v1/dossiers/track/${b.code}/documents/${bDocs[0]!.id}?token=${encodeURIComponent(tokenOfA)}`,
  ]) {
    const res = await t.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 403, url);
    assert.equal(res.json().code, 'tracking_token_invalid');
  }
  const otherDoc = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/track/${a.code}/documents/${bDocs[0]!.id}?token=${encodeURIComponent(tokenOfA)}` });
  assert.equal(otherDoc.statusCode, 404, "another dossier's document is not reachable with this dossier's token");
});
