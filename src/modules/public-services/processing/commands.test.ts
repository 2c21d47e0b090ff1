import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { SignedIn } from '../../../platform/testing/sign-in.js';
import type { TestPlatform } from '../../../platform/testing/test-platform.js';
import { readFileBytes } from '../../../platform/files/file-service.js';
import { lockDossier } from '../dossiers/transition.js';
import { psDb } from '../tables.js';
import { resumeAfterPayment } from './payment.js';
import { account, agencyIdOf, multipartBody, openProcessingPlatform, seedDossier, tinyPdf, type DossierSeed, type TestProcedure } from './testing.js';

let t: TestPlatform;
let sxd: string;
let stp: string;
let procedure: TestProcedure;
let officer: SignedIn;
let admin: SignedIn;
let colleague: SignedIn;
let leader: SignedIn;
let sysadmin: SignedIn;
let citizen: SignedIn;
let otherCitizen: SignedIn;
let stpOfficer: SignedIn;
let outsider: SignedIn;

before(async () => {
  ({ t, sxd, stp, procedure } = await openProcessingPlatform());
  officer = await account(t, 'officer', sxd);
  admin = await account(t, 'agency_admin', sxd);
  colleague = await account(t, 'officer', sxd);
  leader = await account(t, 'leader');
  sysadmin = await account(t, 'system_admin');
  citizen = await account(t, 'citizen');
  otherCitizen = await account(t, 'business');
  stpOfficer = await account(t, 'officer', stp);
  outsider = await account(t, 'officer', await agencyIdOf(t.ctx, 'SCT'));
});
after(() => t.close());

const db = () => psDb(t.ctx.db);
const dossier = (seed: Partial<DossierSeed> = {}) => seedDossier(t.ctx, procedure, { agencyId: sxd, applicantUserId: citizen.userId, ...seed });
const post = (who: SignedIn, id: string, action: string, payload: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/${action}`, headers: who.writeHeaders, payload });
const get = (who: SignedIn, url: string) => t.app.inject({ method: 'GET', url, headers: who.headers });
const row = (id: string) => db().selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = (id: string) => db().selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).orderBy('id').execute();
const inbox = async (who: SignedIn) => JSON.stringify((await get(who, '/api/v1/notifications')).json());

test('the head of unit assigns an officer, who is notified, and the officer moves it through appraisal to signature', async () => {
  const d = await dossier({ status: 2 });
  const assigned = await post(admin, d.id, 'assign', { userId: officer.userId });
  assert.equal(assigned.statusCode, 200, assigned.body);
  assert.equal(assigned.json().status, 4, 'the first act of the handling agency starts processing');
  assert.equal(assigned.json().subState, 'assigned');
  assert.equal(assigned.json().assigneeId, officer.userId);
  assert.ok((await inbox(officer)).includes(d.code!), 'the assignee has a notice naming the dossier');
  const appraisal = await post(officer, d.id, 'advance', { subState: 'appraisal', comment: 'Đủ điều kiện thẩm định.' });
  assert.equal(appraisal.statusCode, 200, appraisal.body);
  assert.ok(appraisal.json().allowedActions.includes('issue_result'));
  assert.equal((await post(officer, d.id, 'advance', { subState: 'awaiting_signature' })).json().subState, 'awaiting_signature');
  assert.deepEqual((await events(d.id)).map((e) => e.action), ['receive', 'assign', 'advance', 'advance']);
});

test('an officer takes an unassigned dossier but cannot assign a colleague nor act on a colleague\'s dossier', async () => {
  const d = await dossier();
  assert.equal((await post(officer, d.id, 'assign', { userId: colleague.userId })).statusCode, 403);
  assert.equal((await post(colleague, d.id, 'assign', { userId: colleague.userId })).statusCode, 200);
  const blocked = await post(officer, d.id, 'advance', { subState: 'appraisal' });
  assert.equal(blocked.statusCode, 403, 'the dossier is the colleague\'s now');
  assert.equal(blocked.json().code, 'dossier_action_forbidden');
  const outsiderAssignee = await post(admin, d.id, 'assign', { userId: stpOfficer.userId });
  assert.equal(outsiderAssignee.statusCode, 400);
  assert.equal(outsiderAssignee.json().code, 'invalid_assignee');
});

test('commands from a status that does not allow them answer 409 and write no trail row', async () => {
  const d = await dossier();
  const before = (await events(d.id)).length;
  for (const [who, action, body] of [
    [officer, 'return', { method: 'counter' }],
    [citizen, 'supplement', { note: 'Gửi bổ sung' }],
    [officer, 'accept-transfer', {}],
  ] as const) {
    const res = await post(who, d.id, action, body);
    assert.equal(res.statusCode, 409, `${action}: ${res.body}`);
  }
  const wrong = await post(officer, d.id, 'return', { method: 'counter' });
  assert.equal(wrong.json().code, 'dossier_wrong_status');
  const finished = await dossier({ status: 9, extra: { finished_at: new Date(), outcome: 'approved' } });
  const again = await post(officer, finished.id, 'issue-result', { outcome: 'approved', resultNumber: '1/GP', title: 'Giấy phép', text: 'Cấp phép.' });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'dossier_wrong_status');
  assert.equal((await events(d.id)).length, before, 'refused commands leave the trail as it was');
  assert.equal((await row(d.id)).status, 4);
});

test('a leader and a system administrator read the queue province-wide but cannot act (403)', async () => {
  const d = await dossier();
  for (const reader of [leader, sysadmin]) {
    const queue = await get(reader, '/api/v1/dossiers/queue?limit=200');
    assert.equal(queue.statusCode, 200, queue.body);
    assert.equal((await post(reader, d.id, 'advance', { subState: 'appraisal' })).statusCode, 403);
    assert.equal((await post(reader, d.id, 'stop', { reason: 'Thử dừng hồ sơ' })).statusCode, 403);
  }
  const all = (await get(leader, `/api/v1/dossiers/queue?q=${encodeURIComponent(d.code!)}`)).json();
  assert.deepEqual(all.items.map((i: { id: string }) => i.id), [d.id], 'the leader finds a dossier of any agency by its code');
  assert.equal((await row(d.id)).version, d.version, 'nothing changed');
});

test('an officer of an unrelated agency gets 404 for the dossier and does not see it in any queue', async () => {
  const d = await dossier();
  const res = await post(outsider, d.id, 'advance', { subState: 'appraisal' });
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().code, 'dossier_not_found');
  assert.equal((await get(outsider, `/api/v1/dossiers/${d.id}/control-sheet`)).statusCode, 404);
  const queue = (await get(outsider, `/api/v1/dossiers/queue?q=${encodeURIComponent(d.code!)}`)).json();
  assert.equal(queue.items.length, 0);
  assert.equal((await post(otherCitizen, d.id, 'withdraw', { reason: 'Không phải hồ sơ của tôi' })).statusCode, 404, 'nor does another citizen');
});

test('a transfer moves the dossier to the other agency with a step due time; its officer acts, the first agency no longer can', async () => {
  const d = await dossier({ assigneeId: officer.userId });
  const moved = await post(officer, d.id, 'transfer', { agencyId: stp, hours: 16, note: 'Chuyển Sở Tư pháp thẩm định hồ sơ pháp lý.' });
  assert.equal(moved.statusCode, 200, moved.body);
  const after = await row(d.id);
  assert.equal(after.handling_agency_id, stp);
  assert.equal(after.assignee_id, null);
  assert.equal(after.sub_state, 'transferred');
  assert.ok(after.step_due_at && new Date(after.step_due_at) > new Date(), 'the step has its own due time');
  assert.equal(new Date(after.due_at!).getTime(), new Date(d.due_at!).getTime(), 'the dossier\'s own due date does not move');
  const trail = (await events(d.id)).at(-1)!;
  assert.equal(trail.to_agency_id, stp);
  assert.equal(new Date(trail.step_due_at!).getTime(), new Date(after.step_due_at!).getTime());
  assert.ok((await inbox(stpOfficer)).includes(d.code!), 'the receiving agency\'s staff are told');
  const waiting = (await get(stpOfficer, '/api/v1/dossiers/queue?scope=transferred')).json();
  assert.ok(waiting.items.some((i: { id: string }) => i.id === d.id), 'it waits in the other agency\'s "transferred" queue');
  assert.equal((await post(officer, d.id, 'advance', { subState: 'appraisal' })).statusCode, 403, 'the first agency can still read it but no longer act');
  const accepted = await post(stpOfficer, d.id, 'accept-transfer', {});
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.equal(accepted.json().subState, null);
  const advanced = await post(stpOfficer, d.id, 'advance', { subState: 'appraisal' });
  assert.equal(advanced.statusCode, 200, advanced.body);
  assert.equal(advanced.json().assigneeId, stpOfficer.userId, 'acting on an unassigned dossier takes it');
});

test('an overdue consultation alerts the consulted agency but does not make the dossier late', async () => {
  const d = await dossier({ assigneeId: officer.userId });
  const asked = await post(officer, d.id, 'consult', { agencyId: stp, question: 'Đề nghị cho ý kiến về tính pháp lý của hợp đồng.', hours: 4 });
  assert.equal(asked.statusCode, 200, asked.body);
  assert.equal(asked.json().subState, 'consultation');
  const consultationId = asked.json().consultationId as string;
  // Time passes beyond the consultation's own due time.
  await db().updateTable('dossier_consultations').set({ due_at: new Date(Date.now() - 3_600_000) }).where('id', '=', consultationId).execute();
  const counts = (await get(stpOfficer, '/api/v1/dossiers/queue/counts')).json();
  assert.ok(counts.consultationsOverdue >= 1, JSON.stringify(counts));
  const consulted = (await get(stpOfficer, '/api/v1/dossiers/queue?scope=consulted')).json();
  assert.ok(consulted.items.some((i: { id: string }) => i.id === d.id));
  const mine = (await get(officer, `/api/v1/dossiers/queue?q=${encodeURIComponent(d.code!)}`)).json();
  assert.equal(mine.items[0].dueState, 'ok', 'the dossier itself is not late');
  assert.equal((await post(outsider, d.id, `consultations/${consultationId}/answer`, { answer: 'Ý kiến' })).statusCode, 404);
  assert.equal((await post(officer, d.id, `consultations/${consultationId}/answer`, { answer: 'Tự trả lời' })).statusCode, 403, 'only the consulted agency answers');
  const answered = await post(stpOfficer, d.id, `consultations/${consultationId}/answer`, { answer: 'Hợp đồng hợp lệ.' });
  assert.equal(answered.statusCode, 200, answered.body);
  assert.equal(answered.json().subState, 'appraisal', 'with no question left open the dossier returns to appraisal');
  assert.equal((await events(d.id)).at(-1)!.data.late, true, 'the answer is recorded as late');
  assert.equal((await post(stpOfficer, d.id, `consultations/${consultationId}/answer`, { answer: 'Lần nữa' })).statusCode, 409);
});

test('the apology promises a new date once and never moves the legal due date', async () => {
  const d = await dossier({ assigneeId: officer.userId });
  const early = await post(officer, d.id, 'apology', { reason: 'Cần thêm thời gian thẩm định thực địa.', newDueAt: new Date(new Date(d.due_at!).getTime() - 86_400_000).toISOString() });
  assert.equal(early.statusCode, 400, 'the new date must be after the due date');
  const newDueAt = new Date(new Date(d.due_at!).getTime() + 5 * 86_400_000);
  const sent = await post(officer, d.id, 'apology', { reason: 'Cần thêm thời gian thẩm định thực địa.', newDueAt: newDueAt.toISOString() });
  assert.equal(sent.statusCode, 200, sent.body);
  const after = await row(d.id);
  assert.equal(new Date(after.due_at!).getTime(), new Date(d.due_at!).getTime(), 'due_at is unchanged');
  assert.equal(new Date(after.extended_due_at!).getTime(), newDueAt.getTime());
  const letter = await db().selectFrom('dossier_documents').selectAll().where('dossier_id', '=', d.id).where('kind', '=', 'apology').execute();
  assert.equal(letter.length, 1, 'the letter (Mẫu 04) is issued');
  assert.ok((await inbox(citizen)).includes(d.code!), 'the applicant is told');
  const twice = await post(officer, d.id, 'apology', { reason: 'Lần hai', newDueAt: new Date(newDueAt.getTime() + 86_400_000).toISOString() });
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.json().code, 'apology_already_sent');
  const late = await dossier({ dueAt: new Date(Date.now() - 3_600_000) });
  const tooLate = await post(officer, late.id, 'apology', { reason: 'Quá hạn rồi', newDueAt: new Date(Date.now() + 86_400_000).toISOString() });
  assert.equal(tooLate.statusCode, 409);
  assert.equal(tooLate.json().code, 'apology_too_late');
});

test('an uploaded result is kept with the SHA-256 of the stored bytes; returning it is a separate status 10', async () => {
  const d = await dossier({ assigneeId: officer.userId });
  const pdf = tinyPdf('Giay phep xay dung so 12/GPXD');
  const body = multipartBody({ outcome: 'approved', resultNumber: '12/GPXD' }, [{ field: 'file', name: 'giay-phep.pdf', data: pdf, type: 'application/pdf' }]);
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/issue-result`, headers: { ...officer.writeHeaders, 'content-type': body.contentType }, payload: body.payload });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 9);
  const finished = await row(d.id);
  assert.equal(finished.outcome, 'approved');
  assert.equal(finished.result_number, '12/GPXD');
  const file = await t.ctx.db.selectFrom('files').selectAll().where('id', '=', finished.result_file_id!).executeTakeFirstOrThrow();
  const stored = await readFileBytes(t.ctx, file);
  assert.ok(stored);
  assert.equal(finished.result_sha256, createHash('sha256').update(stored).digest('hex'), 'the hash is that of the stored bytes');
  assert.equal(finished.result_sha256, createHash('sha256').update(pdf).digest('hex'), 'a PDF is stored as sent');
  const doc = await db().selectFrom('dossier_documents').selectAll().where('dossier_id', '=', d.id).where('kind', '=', 'result').executeTakeFirstOrThrow();
  assert.equal(doc.sha256, finished.result_sha256);
  const returned = await post(officer, d.id, 'return', { method: 'post', note: 'EMS EB123456789VN' });
  assert.equal(returned.statusCode, 200, returned.body);
  const done = await row(d.id);
  assert.equal(done.status, 10);
  assert.equal(done.delivery_method, 'post');
  assert.equal(done.delivery_note, 'EMS EB123456789VN');
  assert.equal(new Date(done.finished_at!).getTime(), new Date(finished.finished_at!).getTime(), 'finished and returned stay two moments');
  assert.ok(done.returned_at);
});

test('a result drawn from a template is rendered as a PDF whose stored bytes match the recorded hash', async () => {
  const d = await dossier({ assigneeId: officer.userId });
  const res = await post(officer, d.id, 'issue-result', { outcome: 'rejected', resultNumber: '13/TB-SXD', title: 'Thông báo không cấp phép', text: 'Vị trí xây dựng không phù hợp quy hoạch.' });
  assert.equal(res.statusCode, 200, res.body);
  const finished = await row(d.id);
  assert.equal(finished.outcome, 'rejected');
  const file = await t.ctx.db.selectFrom('files').selectAll().where('id', '=', finished.result_file_id!).executeTakeFirstOrThrow();
  const stored = (await readFileBytes(t.ctx, file))!;
  assert.equal(stored.subarray(0, 5).toString(), '%PDF-');
  assert.equal(finished.result_sha256, createHash('sha256').update(stored).digest('hex'));
});

test('the applicant withdraws (7); the agency stops another with a notice (8); both end the handling', async () => {
  const a = await dossier();
  assert.equal((await post(officer, a.id, 'withdraw', { reason: 'Cán bộ rút thay' })).statusCode, 403, 'only the applicant withdraws');
  const withdrawn = await post(citizen, a.id, 'withdraw', { reason: 'Tôi không còn nhu cầu xây dựng.' });
  assert.equal(withdrawn.statusCode, 200, withdrawn.body);
  const w = await row(a.id);
  assert.equal(w.status, 7);
  assert.equal(w.outcome, 'withdrawn');
  assert.ok(w.finished_at);
  const b = await dossier({ assigneeId: officer.userId });
  const stopped = await post(officer, b.id, 'stop', { reason: 'Người nộp đã chết, không có người thừa kế.' });
  assert.equal(stopped.statusCode, 200, stopped.body);
  const s = await row(b.id);
  assert.equal(s.status, 8);
  assert.equal(s.outcome, 'stopped');
  const notice = await db().selectFrom('dossier_documents').select('id').where('dossier_id', '=', b.id).where('kind', '=', 'stop_notice').execute();
  assert.equal(notice.length, 1, 'the stop notice (Mẫu 05) is issued');
  const queue = (await get(officer, '/api/v1/dossiers/queue?limit=200')).json();
  assert.ok(!queue.items.some((i: { id: string }) => i.id === a.id || i.id === b.id), 'ended dossiers leave the queue');
});

test('a payment request waits in status 6 and resumes to 4 when the fees code reports the payment', async () => {
  const none = await dossier({ assigneeId: officer.userId });
  const noFee = await post(officer, none.id, 'request-payment', {});
  assert.equal(noFee.statusCode, 409);
  assert.equal(noFee.json().code, 'no_fee_due');
  const d = await dossier({ assigneeId: officer.userId, feeTotal: 150000, feeStatus: 'unpaid' });
  const asked = await post(officer, d.id, 'request-payment', { note: 'Nộp lệ phí cấp phép.' });
  assert.equal(asked.statusCode, 200, asked.body);
  assert.equal(asked.json().status, 6);
  await psDb(t.ctx.db).transaction().execute(async (trx) => {
    const locked = await lockDossier(trx, d.id);
    const resumed = await resumeAfterPayment(trx, t.ctx, locked);
    assert.equal(resumed.status, 4);
  });
  const trail = (await events(d.id)).at(-1)!;
  assert.equal(trail.action, 'payment_received');
  assert.equal(trail.from_status, 6);
  assert.equal(trail.to_status, 4);
});

test('the applicant answers a supplement request with files by component code; the clock runs again', async () => {
  const d = await dossier({ assigneeId: officer.userId });
  const asked = await post(officer, d.id, 'request-supplement', { items: ['Bản vẽ mặt bằng có chữ ký kiến trúc sư'] });
  assert.equal(asked.statusCode, 200, asked.body);
  assert.equal(asked.json().status, 5);
  assert.ok(asked.json().documentId, 'the supplement request is issued as a document');
  const pdf = tinyPdf('Ban ve bo sung');
  const body = multipartBody({ note: 'Gửi bản vẽ đã ký.' }, [{ field: 'BV02', name: 'ban-ve.pdf', data: pdf, type: 'application/pdf' }]);
  const send = (who: SignedIn) => t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/supplement`, headers: { ...who.writeHeaders, 'content-type': body.contentType }, payload: body.payload });
  assert.equal((await send(otherCitizen)).statusCode, 404, 'someone else\'s dossier is not found');
  const res = await send(citizen);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 4);
  assert.equal(res.json().pausedSince, null);
  const added = await db().selectFrom('dossier_components').selectAll().where('dossier_id', '=', d.id).execute();
  assert.equal(added.length, 1);
  assert.equal(added[0]!.component_code, 'BV02');
  assert.equal(added[0]!.added_in, 'supplement');
  assert.equal(added[0]!.sha256, createHash('sha256').update(pdf).digest('hex'));
  const pause = await db().selectFrom('dossier_pauses').selectAll().where('dossier_id', '=', d.id).executeTakeFirstOrThrow();
  assert.ok(pause.ended_at, 'the pause is closed');
  assert.ok((await inbox(officer)).includes(d.code!), 'the assignee is told');
});

test('the control sheet is a PDF for staff and leaders, refused to citizens', async () => {
  const d = await dossier({ assigneeId: officer.userId });
  await post(officer, d.id, 'advance', { subState: 'appraisal' });
  for (const who of [officer, leader]) {
    const res = await get(who, `/api/v1/dossiers/${d.id}/control-sheet`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
  }
  assert.equal((await get(citizen, `/api/v1/dossiers/${d.id}/control-sheet`)).statusCode, 403);
  const audit = await t.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'dossier.control_sheet.read').where('target_id', '=', d.id).execute();
  assert.equal(audit.length, 2, 'each read is audited');
});
