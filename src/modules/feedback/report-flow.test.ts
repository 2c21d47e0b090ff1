import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { createTestPlatform, type TestPlatform } from '../../platform/testing/test-platform.js';
import { signInAs, type SignedIn } from '../../platform/testing/sign-in.js';

let t: TestPlatform;
let centre: { lat: number; lng: number };
let citizen: SignedIn;
let officer: SignedIn;
before(async () => {
  t = await createTestPlatform({ env: { FEEDBACK_REPORTS_PER_10_MIN: '1000' } });
  const unit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/18880' })).json();
  centre = { lat: unit.centroid.lat, lng: unit.centroid.lng };
  citizen = await signInAs(t.app, 'citizen');
  officer = await signInAs(t.app, 'officer');
});
after(() => t.close());

const pothole = (extra: Record<string, unknown> = {}) => ({ categoryCode: 'hu-hong-duong', description: 'Ổ gà lớn giữa đường, xe máy dễ ngã.', ...centre, ...extra });

async function report(payload: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', payload, headers });
}

test('the demo province ships about twenty categories, each with names in both languages', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/feedback/categories' });
  const items = res.json().items as Array<{ code: string; name: { vi: string; en: string }; attributes: unknown[] }>;
  assert.ok(items.length >= 20);
  assert.ok(items.every((c) => c.name.vi && c.name.en));
  assert.ok(items.some((c) => c.attributes.length > 0));
});

test('a report is routed by category to its agency and by point to its commune, with a working-time deadline', async () => {
  const res = await report(pothole());
  assert.equal(res.statusCode, 201, res.body);
  const body = res.json();
  assert.match(body.trackingCode, /^PA-\d{2}-\d{6}$/);
  assert.equal(body.commune.code, '18880');
  assert.equal(body.agency.name, 'Sở Xây dựng');
  assert.ok(new Date(body.dueAt).getTime() > Date.now());
  const lighting = await report({ categoryCode: 'den-chieu-sang', description: 'Đèn đường tắt cả tuần nay.', ...centre });
  assert.match(lighting.json().agency.name, /Đồng Hới/, 'a commune category goes to the commune People\'s Committee');
});

test('a point outside the province is refused with 422 and a message in both languages', async () => {
  const res = await report(pothole({ lat: 21.0285, lng: 105.8542 }));
  assert.equal(res.statusCode, 422);
  assert.equal(res.json().code, 'outside_province');
  assert.ok(res.json().message.vi && res.json().message.en);
});

test('unknown fields, unknown categories and wrong attribute answers are refused with field errors', async () => {
  const extra = await report(pothole({ priority: 'top' }));
  assert.equal(extra.statusCode, 400);
  assert.ok(extra.json().errors.some((e: { field: string }) => e.field === 'body.priority'));
  assert.equal((await report(pothole({ categoryCode: 'khong-co' }))).json().code, 'unknown_category');
  const badAnswer = await report(pothole({ attributes: { muc_do: 'rat-nang' } }));
  assert.equal(badAnswer.json().code, 'invalid_attributes');
  const missing = await report({ categoryCode: 'o-nhiem-moi-truong', description: 'Khói bụi từ xưởng gỗ suốt đêm.', ...centre });
  assert.equal(missing.json().code, 'invalid_attributes', 'a required attribute must be answered');
});

test('photos sent with a report are served publicly without EXIF or GPS', async () => {
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#884422' } })
    .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '17/1 28/1 0/1' } })
    .jpeg()
    .toBuffer();
  assert.ok((await sharp(jpeg).metadata()).exif, 'the test photo carries EXIF');
  const boundary = '----tinhso';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="report"\r\n\r\n${JSON.stringify(pothole())}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="o-ga.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    jpeg,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/reports', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  assert.equal(res.statusCode, 201, res.body);
  const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${res.json().trackingCode}` })).json();
  assert.equal(detail.photoUrls.length, 1);
  const photo = await t.app.inject({ method: 'GET', url: detail.photoUrls[0] });
  assert.equal(photo.statusCode, 200);
  assert.equal((await sharp(photo.rawPayload).metadata()).exif, undefined);
});

test('public views never show the reporter\'s e-mail or phone, nor the name when hidden', async () => {
  const res = await report(pothole({ hideName: true, contact: { name: 'Trần Văn Bảo', phone: '0912345678', email: 'bao@example.vn' } }));
  const code = res.json().trackingCode;
  const list = await t.app.inject({ method: 'GET', url: '/api/v1/feedback/reports?limit=200' });
  const detail = await t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${code}` });
  for (const body of [list.body, detail.body]) {
    for (const secret of ['0912345678', 'bao@example.vn', 'Trần Văn Bảo', 'Bảo T.']) assert.ok(!body.includes(secret), secret);
  }
  assert.equal(detail.json().reporter, null);
});

test('citizen reports, officer of the right agency accepts, resolves; citizen rates, reopens; it returns to the queue', async () => {
  const created = (await report(pothole(), citizen.writeHeaders)).json();
  const queue = (await t.app.inject({ method: 'GET', url: '/api/v1/feedback/queue', headers: officer.headers })).json();
  assert.ok(queue.items.some((i: { id: string }) => i.id === created.id), 'the report is in the officer\'s queue');
  const act = (body: Record<string, unknown>, who: SignedIn = officer) => t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${created.id}/actions`, headers: who.writeHeaders, payload: body });
  assert.equal((await act({ action: 'resolve' })).statusCode, 409, 'cannot resolve before accepting');
  assert.equal((await act({ action: 'accept' })).statusCode, 200);
  assert.equal((await act({ action: 'start' })).statusCode, 200);
  assert.equal((await act({ action: 'resolve' })).statusCode, 400, 'a result text is required');
  assert.equal((await act({ action: 'resolve', resultText: 'Đã vá ổ gà bằng bê tông nhựa.' })).json().status, 'resolved');
  const seen = (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${created.trackingCode}`, headers: citizen.headers })).json();
  assert.equal(seen.canRate, true);
  assert.equal(seen.result.text, 'Đã vá ổ gà bằng bê tông nhựa.');
  assert.deepEqual(seen.timeline.map((e: { kind: string }) => e.kind), ['received', 'accept', 'start', 'resolve']);
  const rate = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${created.id}/rating`, headers: citizen.writeHeaders, payload: { stars: 2, comment: 'Vá chưa phẳng' } });
  assert.equal(rate.statusCode, 204);
  const reopen = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${created.id}/reopen`, headers: citizen.writeHeaders, payload: { reason: 'Mặt đường vẫn lồi lõm' } });
  assert.equal(reopen.statusCode, 204);
  const again = (await t.app.inject({ method: 'GET', url: '/api/v1/feedback/queue', headers: officer.headers })).json();
  assert.equal(again.items.find((i: { id: string }) => i.id === created.id).status, 'in_progress');
});

test('officers act only on their own agency\'s reports, and refusing needs a reason', async () => {
  const lighting = (await report({ categoryCode: 'den-chieu-sang', description: 'Đèn đường tắt cả tuần nay.', ...centre })).json();
  const other = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${lighting.id}/actions`, headers: officer.writeHeaders, payload: { action: 'accept' } });
  assert.equal(other.statusCode, 403);
  const own = (await report(pothole())).json();
  const noReason = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${own.id}/actions`, headers: officer.writeHeaders, payload: { action: 'refuse' } });
  assert.equal(noReason.statusCode, 400);
});

test('a transfer moves the report to the other agency\'s queue with the reason on the public timeline', async () => {
  const own = (await report(pothole())).json();
  const target = (await t.app.inject({ method: 'GET', url: '/api/v1/agencies?q=cong%20thuong' })).json().items[0];
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${own.id}/actions`, headers: officer.writeHeaders, payload: { action: 'transfer', agencyId: target.id, reason: 'Thuộc lĩnh vực điện' } });
  assert.equal(res.statusCode, 200);
  const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/reports/${own.id}` })).json();
  assert.equal(detail.agencyId, target.id);
  assert.equal(detail.timeline.at(-1).kind, 'transfer');
});

test('staff reading a reporter\'s contact is recorded in the audit trail with the reporter as subject', async () => {
  const created = (await report(pothole(), citizen.writeHeaders)).json();
  const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/reports/${created.id}`, headers: officer.headers })).json();
  assert.ok(detail.reporter, 'the handling agency sees the contact');
  const row = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'feedback.report.read_contact').where('target_id', '=', created.id).executeTakeFirst();
  assert.equal(row?.subject_user_id, citizen.userId);
});

test('nearby open reports of the same category are offered before sending', async () => {
  await report(pothole());
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/feedback/reports/nearby?categoryCode=hu-hong-duong&lat=${centre.lat}&lng=${centre.lng}` });
  assert.ok(res.json().items.length > 0);
  assert.ok(res.json().items.every((i: { distanceMetres: number }) => i.distanceMetres <= 200));
});
