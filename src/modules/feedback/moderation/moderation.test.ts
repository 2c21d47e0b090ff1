import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signInAs, type SignedIn } from '../../../platform/testing/sign-in.js';
import { HIDDEN_TEXT } from './visibility.js';
import { feedbackDb } from '../tables.js';
import { demoCentre, jpeg, sendReport } from './test-support.js';

let t: TestPlatform;
let centre: { lat: number; lng: number };
let citizen: SignedIn;
let officer: SignedIn;
let agencyAdmin: SignedIn;
before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '1000' } });
  centre = await demoCentre(t);
  citizen = await signInAs(t.app, 'citizen');
  officer = await signInAs(t.app, 'officer');
  agencyAdmin = await signInAs(t.app, 'agency_admin');
});
after(() => t.close());

let serial = 0;
/** A road-damage report (Sở Xây dựng, the demo officer's agency) with a description no other report has. */
async function roadReport(photos: Buffer[] = [], who: SignedIn = citizen) {
  const secret = `Lời lẽ thô tục số ${++serial}-${Date.now()} về ổ gà`;
  const created = await sendReport(t, { categoryCode: 'hu-hong-duong', description: secret, ...centre }, photos, who.writeHeaders);
  return { ...created, secret };
}

const moderate = (id: string, body: Record<string, unknown>, who: SignedIn = officer) => t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${id}/moderation`, headers: who.writeHeaders, payload: body });
const feedbackEvents = (reportId: string) => feedbackDb(t.ctx.db).selectFrom('feedback_report_events').select(['id', 'kind']).where('report_id', '=', reportId).orderBy('id').execute();
const get = (url: string, who?: SignedIn) => t.app.inject({ method: 'GET', url, ...(who ? { headers: who.headers } : {}) });

/** Every public output that carries a report's text: web JSON list, detail, track; Open311 JSON and XML; feeds. */
async function publicBodies(r: { id: string; trackingCode: string }): Promise<string[]> {
  const urls = [
    '/api/v1/feedback/reports?limit=200',
    `/api/v1/feedback/reports/${r.id}`,
    `/api/v1/feedback/track/${r.trackingCode}`,
    `/open311/v2/requests/${r.trackingCode}.json?extensions=true`,
    `/open311/v2/requests/${r.trackingCode}.xml`,
    '/open311/v2/requests.json?service_code=hu-hong-duong',
    '/open311/v2/requests.xml?service_code=hu-hong-duong',
    '/api/v1/feedback/feeds/reports.atom?category=hu-hong-duong',
    '/api/v1/feedback/feeds/reports.rss?category=hu-hong-duong',
  ];
  return Promise.all(
    urls.map(async (url) => {
      const res = await get(url);
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      return res.body;
    }),
  );
}

test('a hidden description is in no public output (web list, detail, track, Open311 JSON and XML, feeds), which show a placeholder', async () => {
  const r = await roadReport();
  assert.ok((await publicBodies(r)).every((body) => body.includes(r.secret)), 'visible before hiding');
  const res = await moderate(r.id, { target: 'description', hidden: true, reason: 'Ngôn từ xúc phạm' });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { target: 'description', fileId: null, eventId: null, hidden: true, changed: true });
  for (const body of await publicBodies(r)) {
    assert.ok(!body.includes(r.secret), 'the hidden text leaked');
    assert.ok(!body.includes('Ngôn từ xúc phạm'), 'the reason is not public');
  }
  const detail = (await get(`/api/v1/feedback/track/${r.trackingCode}`)).json();
  assert.equal(detail.description, HIDDEN_TEXT);
  assert.equal(detail.moderation, undefined, 'the public gets no moderation marks');
  assert.ok(!detail.timeline.some((e: { kind: string }) => e.kind === 'moderation'), 'the moderation event is internal');
  const open311 = (await get(`/open311/v2/requests/${r.trackingCode}.json`)).json();
  assert.equal(open311[0].description, HIDDEN_TEXT);
});

test('the handling agency and the reporter still see a hidden description, marked hidden with the reason; the change is on the internal timeline and in the audit trail', async () => {
  const r = await roadReport();
  assert.equal((await moderate(r.id, { hidden: true, reason: 'Xúc phạm cá nhân' }, agencyAdmin)).statusCode, 200, 'target defaults to the description; agency admins may moderate');
  for (const who of [officer, citizen]) {
    const seen = (await get(`/api/v1/feedback/reports/${r.id}`, who)).json();
    assert.equal(seen.description, r.secret);
    assert.deepEqual(seen.moderation.description, { hidden: true, reason: 'Xúc phạm cá nhân' });
  }
  const staff = (await get(`/api/v1/feedback/reports/${r.id}`, officer)).json();
  const event = staff.timeline.find((e: { kind: string }) => e.kind === 'moderation');
  assert.deepEqual({ target: event.data.target, hidden: event.data.hidden, reason: event.data.reason }, { target: 'description', hidden: true, reason: 'Xúc phạm cá nhân' });
  const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'details', 'actor_label']).where('target_id', '=', r.id).where('action', '=', 'feedback.report.hide').executeTakeFirstOrThrow();
  assert.equal((audit.details as { reason: string }).reason, 'Xúc phạm cá nhân');
  assert.equal(audit.actor_label, 'quantri.donvi@demo.tinhso.vn');
});

test('unhiding restores the public text, with its own timeline event and audit record; asking again changes nothing', async () => {
  const r = await roadReport();
  await moderate(r.id, { hidden: true, reason: 'Nghi xúc phạm' });
  const shown = await moderate(r.id, { hidden: false, reason: 'Xem lại: không vi phạm' });
  assert.equal(shown.json().changed, true);
  assert.ok((await publicBodies(r)).every((body) => body.includes(r.secret)));
  const again = await moderate(r.id, { hidden: false });
  assert.equal(again.json().changed, false, 'already shown');
  const events = (await get(`/api/v1/feedback/reports/${r.id}`, officer)).json().timeline.filter((e: { kind: string }) => e.kind === 'moderation');
  assert.deepEqual(events.map((e: { data: { hidden: boolean } }) => e.data.hidden), [true, false]);
  const actions = await t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', r.id).where('action', 'like', 'feedback.report.%hide').orderBy('seq').execute();
  assert.deepEqual(actions.map((a) => a.action), ['feedback.report.hide', 'feedback.report.unhide']);
});

test('a hidden photo is not served publicly (404) nor listed, but the agency and the reporter get it, uncached; unhiding serves it again', async () => {
  const r = await roadReport([await jpeg('#aa3311'), await jpeg('#11aa33')]);
  const before = (await get(`/api/v1/feedback/reports/${r.id}`)).json();
  assert.equal(before.photoUrls.length, 2);
  const [offensive, kept] = before.photoUrls as string[];
  const fileId = offensive!.split('/').pop()!;
  const res = await moderate(r.id, { target: 'photo', fileId, hidden: true, reason: 'Ảnh có hình ảnh phản cảm' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal((await get(offensive!)).statusCode, 404);
  assert.equal((await get(kept!)).statusCode, 200, 'the other photo stays public');
  for (const body of await publicBodies(r)) assert.ok(!body.includes(fileId), 'the hidden photo is listed');
  assert.ok((await publicBodies(r)).every((body) => body.includes(r.secret)), 'hiding a photo keeps the text');
  for (const who of [officer, citizen]) {
    const photo = await get(offensive!, who);
    assert.equal(photo.statusCode, 200);
    assert.equal(photo.headers['cache-control'], 'private, no-store');
    const detail = (await get(`/api/v1/feedback/reports/${r.id}`, who)).json();
    assert.deepEqual(detail.moderation.photos.find((p: { fileId: string }) => p.fileId === fileId), { fileId, url: offensive, kind: 'report', hidden: true, reason: 'Ảnh có hình ảnh phản cảm' });
  }
  await moderate(r.id, { target: 'photo', fileId, hidden: false });
  assert.equal((await get(offensive!)).statusCode, 200);
  assert.deepEqual((await get(`/api/v1/feedback/reports/${r.id}`)).json().photoUrls, [offensive, kept], 'back in its place');
});

test('a hidden result text and rating comment show placeholders publicly, also in the timeline, and the original to the agency', async () => {
  const r = await roadReport();
  const act = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${r.id}/actions`, headers: officer.writeHeaders, payload });
  const result = `Đã xử lý, liên hệ ông Nguyễn Văn Tư ${serial}`;
  await act({ action: 'accept' });
  assert.equal((await act({ action: 'resolve', resultText: result })).statusCode, 200);
  const comment = `Bình luận khiếm nhã ${serial}`;
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${r.id}/rating`, headers: citizen.writeHeaders, payload: { stars: 1, comment } })).statusCode, 204);
  assert.equal((await moderate(r.id, { target: 'result_text', hidden: true, reason: 'Lộ tên người dân' })).statusCode, 200);
  assert.equal((await moderate(r.id, { target: 'rating_comment', hidden: true, reason: 'Khiếm nhã' })).statusCode, 200);
  const pub = await get(`/api/v1/feedback/reports/${r.id}`);
  assert.ok(!pub.body.includes(result) && !pub.body.includes(comment), pub.body);
  assert.equal(pub.json().result.text, HIDDEN_TEXT);
  assert.equal(pub.json().rating.comment, HIDDEN_TEXT);
  assert.equal(pub.json().timeline.find((e: { kind: string }) => e.kind === 'resolve').data.resultText, HIDDEN_TEXT);
  for (const format of ['json', 'xml']) {
    const updates = await get(`/open311/v2/servicerequestupdates.${format}`);
    assert.equal(updates.statusCode, 200);
    assert.ok(updates.body.includes(r.trackingCode), `the report's updates are in the window (${format})`);
    assert.ok(!updates.body.includes(result), `Open311 updates (${format}) leave the hidden result out`);
  }
  const staff = (await get(`/api/v1/feedback/reports/${r.id}`, officer)).json();
  assert.equal(staff.result.text, result);
  assert.equal(staff.rating.comment, comment);
  assert.deepEqual(staff.moderation.resultText, { hidden: true, reason: 'Lộ tên người dân' });
});

test('the free text of a public timeline entry (a reporter\'s reopening reason) can be hidden from the public and shown again', async () => {
  const r = await roadReport();
  const act = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${r.id}/actions`, headers: officer.writeHeaders, payload });
  await act({ action: 'accept' });
  await act({ action: 'resolve', resultText: 'Đã vá xong ổ gà.' });
  const insult = `Cán bộ làm ăn tắc trách, đồ vô dụng ${serial}`;
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${r.id}/reopen`, headers: citizen.writeHeaders, payload: { reason: insult } })).statusCode, 204);
  const listed = (await get(`/api/v1/feedback/reports/${r.id}`, officer)).json().moderation.events as Array<{ id: string; kind: string; text: string; hidden: boolean }>;
  const entry = listed.find((e) => e.kind === 'reopened')!;
  assert.equal(entry.text, insult);
  assert.ok(listed.some((e) => e.kind === 'resolve'), 'officers\' public texts are listed too');
  const res = await moderate(r.id, { target: 'event', eventId: entry.id, hidden: true, reason: 'Xúc phạm cán bộ' });
  assert.equal(res.statusCode, 200, res.body);
  const pub = await get(`/api/v1/feedback/track/${r.trackingCode}`);
  assert.ok(!pub.body.includes(insult));
  assert.equal(pub.json().timeline.find((e: { kind: string }) => e.kind === 'reopened').data.reason, HIDDEN_TEXT);
  assert.equal(pub.json().timeline[0].id, undefined, 'entry ids are for moderation, not sent');
  const staff = (await get(`/api/v1/feedback/reports/${r.id}`, officer)).json();
  assert.equal(staff.timeline.find((e: { kind: string }) => e.kind === 'reopened').data.reason, insult);
  assert.deepEqual(staff.moderation.events.find((e: { id: string }) => e.id === entry.id), { ...entry, hidden: true, reason: 'Xúc phạm cán bộ' });
  await moderate(r.id, { target: 'event', eventId: entry.id, hidden: false });
  assert.ok((await get(`/api/v1/feedback/track/${r.trackingCode}`)).body.includes(insult));
  const received = (await feedbackEvents(r.id)).find((e) => e.kind === 'received')!;
  assert.equal((await moderate(r.id, { target: 'event', eventId: String(received.id), hidden: true, reason: 'Thử' })).statusCode, 409, 'an entry without text');
  const internal = (await feedbackEvents(r.id)).find((e) => e.kind === 'moderation')!;
  assert.equal((await moderate(r.id, { target: 'event', eventId: String(internal.id), hidden: true, reason: 'Thử' })).statusCode, 404, 'internal entries are not public anyway');
});

test('moderation is refused to other agencies\' officers (403), citizens (403), without a reason (400), and for a photo not on the report (404)', async () => {
  const centreLight = await sendReport(t, { categoryCode: 'den-chieu-sang', description: 'Đèn đường tắt cả tuần nay.', ...centre });
  const other = await moderate(centreLight.id, { hidden: true, reason: 'Thử quyền' });
  assert.equal(other.statusCode, 403, 'a commune report is not Sở Xây dựng\'s');
  assert.equal(other.json().code, 'forbidden');
  const r = await roadReport();
  assert.equal((await moderate(r.id, { hidden: true, reason: 'Thử quyền' }, citizen)).statusCode, 403);
  const noReason = await moderate(r.id, { hidden: true });
  assert.equal(noReason.statusCode, 400);
  assert.ok(noReason.json().errors.some((e: { field: string }) => e.field === 'body.reason'));
  assert.ok(noReason.json().message.vi && noReason.json().message.en);
  assert.equal((await moderate(r.id, { target: 'photo', hidden: true, reason: 'Ảnh xấu' })).statusCode, 400, 'a photo needs its fileId');
  assert.equal((await moderate(r.id, { target: 'photo', fileId: '00000000-0000-4000-8000-000000000000', hidden: true, reason: 'Ảnh xấu' })).statusCode, 404);
  assert.equal((await moderate(r.id, { target: 'result_text', hidden: true, reason: 'Chưa có' })).statusCode, 409, 'no result yet');
  const public311 = (await get(`/open311/v2/requests/${r.trackingCode}.json`)).json();
  assert.equal(public311[0].description, r.secret, 'refused attempts changed nothing');
});
