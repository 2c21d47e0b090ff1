import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import { readFileBytes } from '../../../platform/files/file-service.js';
import type { Actor, DossierRow } from '../dossiers/transition.js';
import { psDb, type DocumentKind } from '../tables.js';
import { controlSheetRows, issueDocument, renderControlSheet, type DocumentExtras } from './index.js';
import { loadDocumentData } from './data.js';
import { pdfInfo, pdfText } from './pdf-text.js';
import { createTestAgency, createTestProcedure, insertTestDossier, signInTestPeople, TEST_APPLICANT } from './testing.js';
import { trackingUrl, vnDate, vnDateTime } from './format.js';

let t: TestPlatform;
let procedure: Awaited<ReturnType<typeof createTestProcedure>>;
let sxd: string;
let citizen: SignedIn;
let officer: SignedIn;
let leader: SignedIn;
let outsider: SignedIn;
let otherCitizen: SignedIn;
let officerActor: Actor;

before(async () => {
  t = await createTestPlatform({ seedDemo: false });
  sxd = await createTestAgency(t.ctx, 'SXD', 'Sở Xây dựng');
  const stp = await createTestAgency(t.ctx, 'STP', 'Sở Tư pháp');
  procedure = await createTestProcedure(t.ctx, 'SXD');
  ({ citizen, officer, leader, outsider, otherCitizen } = await signInTestPeople(t.app, t.ctx, sxd, stp));
  officerActor = { userId: officer.userId, label: 'canbo', agencyId: sxd };
});
after(() => t?.close());

const newDossier = (extra: Partial<Parameters<typeof insertTestDossier>[1]> = {}) =>
  insertTestDossier(t.ctx, { procedure, receivingAgencyId: sxd, applicantUserId: citizen.userId, ...extra });

async function issue(dossier: DossierRow, kind: DocumentKind, extras: DocumentExtras = {}) {
  return psDb(t.ctx.db).transaction().execute((trx) => issueDocument(trx, t.ctx, dossier, kind, extras, officerActor));
}

async function storedBytes(fileId: string): Promise<Buffer> {
  const row = await t.ctx.db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirstOrThrow();
  const bytes = await readFileBytes(t.ctx, row);
  assert.ok(bytes, 'the file service holds the bytes');
  return bytes;
}

const KINDS: Array<[DocumentKind, DocumentExtras]> = [
  ['receipt', {}],
  ['completion_request', { missing: ['Bản vẽ thiết kế', 'Giấy chứng nhận quyền sử dụng đất (bản sao chứng thực)'] }],
  ['refusal', { reasons: ['Thủ tục không thuộc thẩm quyền của cơ quan'] }],
  ['apology', { reason: 'Phải lấy ý kiến cơ quan liên quan', newDueAt: new Date('2025-12-30T09:00:00Z') }],
  ['stop_notice', { reason: 'Người nộp đề nghị dừng' }],
  ['supplement_request', { missing: ['Bản đồ vị trí'], reason: 'Thiếu bản đồ' }],
  ['result', { resultTitle: 'Giấy phép xây dựng số 15/GPXD', resultNumber: '15/GPXD-SXD', resultText: 'Cho phép xây dựng nhà ở riêng lẻ.' }],
  ['control_sheet', {}],
];

for (const [kind, extras] of KINDS) {
  test(`a ${kind} is stored as a PDF whose recorded SHA-256 is that of the stored bytes`, async () => {
    const dossier = await newDossier();
    const doc = await issue(dossier, kind, extras);
    const bytes = await storedBytes(doc.fileId);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(doc.sha256, createHash('sha256').update(bytes).digest('hex'));
    const row = await psDb(t.ctx.db).selectFrom('dossier_documents').selectAll().where('id', '=', doc.id).executeTakeFirstOrThrow();
    assert.equal(row.sha256, doc.sha256);
    assert.equal(row.kind, kind);
    assert.equal(row.dossier_id, dossier.id);
    // Wrapped lines break phrases; compare with whitespace collapsed.
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
    // The result is the agency's own act, not a one-stop form: it names no circular.
    if (kind !== 'result') assert.match(text, /Thông tư số 03\/2025\/TT-VPCP/);
    for (const item of [...(extras.missing ?? []), ...(extras.reasons ?? []), ...(extras.reason ? [extras.reason] : [])]) assert.ok(text.includes(item), `the ${kind} says "${item}"`);
  });
}

test('the receipt (Mẫu 01) names the code, the agency, the applicant, the components and the dates in dd/mm/yyyy', async () => {
  const dossier = await newDossier({ feeTotal: 125000, feeStatus: 'unpaid', paymentReference: 'TSABCDEFGHJK' });
  const doc = await issue(dossier, 'receipt');
  const bytes = await storedBytes(doc.fileId);
  const info = pdfInfo(bytes);
  assert.equal(info.Title, 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
  assert.ok(info.Keywords!.includes(dossier.code!), 'the metadata carries the code');
  assert.ok(info.Keywords!.includes(`hẹn trả ${vnDateTime(dossier.due_at!)}`), 'and the due date');
  assert.ok(info.Keywords!.includes('Sở Xây dựng'), 'and the agency');
  const text = pdfText(bytes);
  assert.ok(text.includes(dossier.code!));
  assert.equal(vnDateTime(dossier.received_at!), '02/12/2025 09:30', 'received at 02:30 UTC is 09:30 in Vietnam');
  assert.ok(text.includes('02/12/2025 09:30'), 'the received time, Vietnam time');
  assert.ok(text.includes('23/12/2025 17:00'), 'the due time, Vietnam time');
  assert.ok(text.toUpperCase().includes('SỞ XÂY DỰNG'));
  assert.ok(text.includes(TEST_APPLICANT.name) && text.includes(TEST_APPLICANT.phone!), "the applicant's own copy names them");
  assert.ok(text.includes('Giấy chứng nhận quyền sử dụng đất') && text.includes('Bản sao'), 'the components with their kind');
  assert.ok(text.includes('125.000 đồng') && text.includes('TSABCDEFGHJK'), 'the fee and the payment reference');
  assert.ok(text.replace(/\s+/g, '').includes(trackingUrl(t.config.publicUrl, dossier.code!)), 'the tracking address printed under the QR code');
  assert.match(doc.number ?? '', /^\d+\/TN-SXD$/);
});

test('the tracking QR leads to the public tracking page of the code', () => {
  assert.equal(trackingUrl('https://dichvucong.example.vn', 'SXD-251202-0001'), 'https://dichvucong.example.vn/dich-vu-cong/tra-cuu/SXD-251202-0001');
  assert.equal(vnDate(new Date('2025-12-31T17:30:00Z')), '01/01/2026', 'dates are Vietnam dates');
});

test('document numbers run per kind and agency: two receipts get consecutive numbers, a refusal its own series', async () => {
  const a = await issue(await newDossier(), 'receipt');
  const b = await issue(await newDossier(), 'receipt');
  const r = await issue(await newDossier(), 'refusal', { reasons: ['Sai thẩm quyền'] });
  const seq = (n: string | null) => Number(n!.split('/')[0]);
  assert.equal(seq(b.number), seq(a.number) + 1);
  assert.match(r.number!, /^\d+\/TC-SXD$/);
  const result = await issue(await newDossier(), 'result', { resultNumber: '99/GP-SXD', resultTitle: 'Giấy phép', resultText: 'Nội dung' });
  assert.equal(result.number, '99/GP-SXD', 'a result keeps the number the agency gave it');
});

test('the result from a template names its number, title, text and issuer', async () => {
  const doc = await issue(await newDossier(), 'result', { resultNumber: '15/GPXD-SXD', resultTitle: 'Giấy phép xây dựng', resultText: 'Cho phép ông/bà xây dựng nhà ở riêng lẻ.' });
  const text = pdfText(await storedBytes(doc.fileId)).toUpperCase();
  for (const s of ['15/GPXD-SXD', 'Giấy phép xây dựng', 'Cho phép', 'Sở Xây dựng']) assert.ok(text.includes(s.toUpperCase()), s);
});

test('the apology keeps the original due date and prints the new one', async () => {
  const dossier = await newDossier();
  const doc = await issue(dossier, 'apology', { reason: 'Chờ ý kiến', newDueAt: new Date('2025-12-30T09:00:00Z') });
  const text = pdfText(await storedBytes(doc.fileId));
  assert.ok(text.includes('23/12/2025 17:00'), 'the original due date');
  assert.ok(text.includes('30/12/2025 16:00'), 'the new date');
});

test('a document is downloaded by its owner, staff of its agency and a leader; others get 404', async () => {
  const dossier = await newDossier();
  const doc = await issue(dossier, 'receipt');
  const url = `/api/v1/dossiers/${dossier.id}/documents/${doc.id}`;
  for (const who of [citizen, officer, leader]) {
    const res = await t.app.inject({ method: 'GET', url, headers: who.headers });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(createHash('sha256').update(res.rawPayload).digest('hex'), doc.sha256);
  }
  for (const who of [outsider, otherCitizen]) assert.equal((await t.app.inject({ method: 'GET', url, headers: who.headers })).statusCode, 404);
  assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 401);
  const other = await newDossier();
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${other.id}/documents/${doc.id}`, headers: citizen.headers })).statusCode, 404, 'not through another dossier');
  const reads = await t.ctx.db.selectFrom('audit_log').select('actor_user_id').where('action', '=', 'dossier.document_read').where('target_id', '=', dossier.id).execute();
  assert.deepEqual(new Set(reads.map((r) => r.actor_user_id)), new Set([officer.userId, leader.userId]), 'staff reads are audited, the owner’s are not');
});

test('the control sheet has one row per handover in the trail, each step judged early, on time or late', async () => {
  const dossier = await newDossier({ status: 4 });
  const stp = (await t.ctx.db.selectFrom('agencies').select('id').where('code', '=', 'STP').executeTakeFirstOrThrow()).id;
  const at = (iso: string) => new Date(iso);
  const base = { dossier_id: dossier.id, actor_user_id: officer.userId, actor_label: 'canbo', agency_id: sxd, data: JSON.stringify({}) };
  await psDb(t.ctx.db)
    .insertInto('dossier_events')
    .values([
      // Received 02/12 09:30; the receiving step is due 02/12 17:00.
      { ...base, action: 'receive', at: at('2025-12-02T02:30:00Z'), from_status: 1, to_status: 2, step: 1, step_due_at: at('2025-12-02T10:00:00Z') },
      // Handed on the same day before 17:00 → on time; the appraisal is due 04/12 17:00.
      { ...base, action: 'assign', at: at('2025-12-02T08:00:00Z'), from_status: 2, to_status: 4, step: 2, step_due_at: at('2025-12-04T10:00:00Z'), data: JSON.stringify({ assigneeId: leader.userId }) },
      // Not a handover: a note on the trail.
      { ...base, action: 'comment', at: at('2025-12-03T01:00:00Z'), from_status: 4, to_status: 4, step: 2, step_due_at: at('2025-12-04T10:00:00Z') },
      // Appraisal finished a day early → early; the other agency's step is due 05/12 17:00.
      { ...base, action: 'transfer', at: at('2025-12-03T02:00:00Z'), from_status: 4, to_status: 4, step: 3, to_agency_id: stp, step_due_at: at('2025-12-05T10:00:00Z') },
      // The other agency answers on 08/12 → late.
      { ...base, action: 'issue_result', at: at('2025-12-08T03:00:00Z'), from_status: 4, to_status: 9, agency_id: stp, step: null, step_due_at: null },
    ])
    .execute();
  const data = await loadDocumentData(psDb(t.ctx.db), dossier);
  const rows = await controlSheetRows(psDb(t.ctx.db), data);
  assert.equal(rows.length, 4, 'four handovers; the comment is not one');
  assert.deepEqual(rows.map((r) => r.timeliness), [null, 'on_time', 'early', 'late']);
  assert.equal(rows[0]!.giver, 'Tổ chức, cá nhân nộp hồ sơ');
  assert.equal(rows[2]!.receiver, 'Sở Tư pháp');
  const pdf = await renderControlSheet(t.ctx, dossier.id);
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  assert.ok(text.includes('Phiếu kiểm soát quá trình giải quyết hồ sơ'.toUpperCase()));
  assert.ok(text.includes('Người thử leader'), 'the assignee by name');
  for (const label of ['Đúng hạn', 'Trước hạn', 'Quá hạn']) assert.ok(text.includes(label), label);
  assert.ok(text.includes('08/12/2025 10:00'), 'handover time in Vietnam time');
  assert.ok(pdfInfo(pdf).Keywords!.includes('4 lượt giao nhận'));
});
