// Field reports end to end on a 360 px phone: a citizen reports a pothole with a photo, the demo
// officer takes it, resolves it with a response template and a result photo, the citizen rates it,
// and the public sees the result photo but never the reporter's name. A leader reads the desk only.
// Also the weak-network promises: the draft survives a reload, and a report written offline waits
// in the outbox and is sent by itself when the network is back (on `online`, and on the next load).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { demoAccount, launchBrowser, openSession, PHONE, screenshot, signInThroughUi, startServer, type Server, type Session } from './harness.js';

let server: Server;
let browser: Browser;
let centre: { lat: number; lng: number };

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // Phường Đồng Hới: a point inside the demo province.
  const unit = (await (await fetch(`${server.baseUrl}/api/v1/admin-units/18880`)).json()) as { centroid: { lat: number; lng: number } };
  centre = unit.centroid;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const timeout = 15_000;
const visible = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'visible', timeout });
const CODE = /PA-\d{2}-\d{6,}/;
/** The demo "repaired" template of Sở Xây dựng, filled with the report's commune and category. */
const RESULT = /kiểm tra hiện trường tại Phường Đồng Hới và sửa chữa xong hư hỏng \(Hư hỏng đường, cầu\)/;

/** A small solid-colour PNG, built by hand (no image library in the browser tests). */
function png(width = 24, height = 16, rgb: [number, number, number] = [200, 120, 40]): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = table[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Category, description and one photo: the common start of every report below. */
async function startReport(page: Page, description: string): Promise<void> {
  await page.goto(`${server.baseUrl}/phan-anh/gui`);
  await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh' }).waitFor({ timeout });
  await page.getByLabel('Tìm lĩnh vực').fill('o ga');
  await page.locator('#fb-category').getByText('Hư hỏng đường, cầu', { exact: true }).click();
  await visible(page, 'Lĩnh vực đã chọn');
  await page.getByLabel('Nội dung phản ánh').fill(description);
  await page.locator('#fb-photos').setInputFiles({ name: 'o-ga.png', mimeType: 'image/png', buffer: png() });
  await page.getByRole('img', { name: 'Ảnh 1: o-ga.png' }).waitFor({ timeout });
}

/** The map-less way to say where: a commune found by name (the point is its centre). */
async function chooseCommune(page: Page): Promise<void> {
  await page.getByLabel('Hoặc tìm xã, phường, đặc khu').fill('Đồng Hới');
  await page.getByRole('button', { name: 'Phường Đồng Hới', exact: true }).click();
  await visible(page, /Trung tâm Phường Đồng Hới/);
}

async function closing(session: Session, label: string, allowed: RegExp[] = []): Promise<void> {
  const problems = session.takeProblems().filter((p) => !allowed.some((re) => re.test(p)));
  assert.deepEqual(problems, [], label);
}

/** The province's public figures for road damage today (the statistics API the page reads). */
async function roadDamageToday(): Promise<{ received: number; resolved: number; satisfaction: { count: number } }> {
  const res = await fetch(`${server.baseUrl}/api/v1/feedback/stats?groupBy=category&categoryCode=hu-hong-duong`);
  assert.equal(res.status, 200);
  return ((await res.json()) as { total: { received: number; resolved: number; satisfaction: { count: number } } }).total;
}

test('a citizen reports a pothole, the officer accepts and resolves it, the citizen rates it; the public page and statistics show it, never the name', async () => {
  const figuresBefore = await roadDamageToday();
  const citizen = await openSession(browser, PHONE);
  const { page } = citizen;
  let code: string;
  try {
    await signInThroughUi(page, server.baseUrl, 'citizen');
    await startReport(page, 'Ổ gà sâu khoảng 20 cm giữa làn xe máy, trời mưa không nhìn thấy.');
    await page.getByLabel('Mức độ ảnh hưởng').selectOption({ label: 'Nghiêm trọng, nguy hiểm' });
    // The device's location, as a phone would give it.
    await citizen.context.grantPermissions(['geolocation'], { origin: server.baseUrl });
    await citizen.context.setGeolocation({ latitude: centre.lat, longitude: centre.lng, accuracy: 10 });
    await page.getByRole('button', { name: 'Dùng vị trí hiện tại' }).click();
    await visible(page, 'Vị trí hiện tại của bạn, thuộc Phường Đồng Hới');
    await page.getByLabel('Địa chỉ, mô tả vị trí').fill('Trước số 12 đường Quang Trung');
    // Signed in: the contact details come from the account.
    assert.equal(await page.getByLabel('Họ và tên').inputValue(), demoAccount('citizen').fullName);
    assert.equal(await page.getByLabel('Thư điện tử').inputValue(), demoAccount('citizen').email);
    await page.getByLabel('Ẩn tên tôi khi công khai').check();
    await screenshot(page, 'citizen', 'feedback-form');
    await Promise.all([page.waitForURL((url) => CODE.test(url.pathname), { timeout }), page.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click()]);
    code = CODE.exec(new URL(page.url()).pathname)![0];
    await page.getByRole('heading', { level: 1, name: `Phản ánh ${code}` }).waitFor({ timeout });
    await visible(page, 'Đã gửi phản ánh. Cảm ơn bạn!');
    await visible(page, 'Chờ tiếp nhận');
    await visible(page, 'Sở Xây dựng');
    await page.getByRole('img', { name: 'Ảnh phản ánh 1' }).waitFor({ timeout });
    assert.match((await page.locator('.fb-details').textContent()) ?? '', /Hạn xử lý\d{2}\/\d{2}\/\d{4}/);
    await screenshot(page, 'citizen', 'feedback-track');
    await closing(citizen, 'citizen sends and follows');
  } finally {
    await citizen.context.close();
  }

  const officer = await openSession(browser, PHONE);
  try {
    const p = officer.page;
    await signInThroughUi(p, server.baseUrl, 'officer');
    await p.goto(`${server.baseUrl}/can-bo/phan-anh`);
    await p.getByRole('heading', { level: 1, name: 'Phản ánh cần xử lý' }).waitFor({ timeout });
    await p.getByRole('link', { name: code }).click();
    await p.getByRole('heading', { level: 1, name: `Phản ánh ${code}` }).waitFor({ timeout });
    // The handling agency sees who reported it (the server audits the view).
    await visible(p, demoAccount('citizen').fullName);
    await visible(p, 'Người phản ánh chọn ẩn tên khi công khai.');
    // The officer takes the report for themselves (phân công).
    await visible(p, 'Chưa phân công cho cán bộ nào.');
    await p.getByRole('button', { name: 'Nhận xử lý' }).click();
    await visible(p, `${demoAccount('officer').fullName} đang xử lý`);
    await p.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await visible(p, 'Đã tiếp nhận phản ánh.');
    await p.getByRole('button', { name: 'Báo kết quả' }).click();
    // The agency's template fills the result, with the report's commune and category put in.
    await p.locator('#fb-template-resolve').selectOption({ label: 'Đã sửa chữa hư hỏng' });
    assert.match(await p.getByLabel('Kết quả xử lý').inputValue(), RESULT);
    await p.locator('#fb-result-photos').setInputFiles({ name: 'sau-khi-va.png', mimeType: 'image/png', buffer: png(24, 16, [70, 70, 70]) });
    await p.getByRole('img', { name: 'Ảnh 1: sau-khi-va.png' }).waitFor({ timeout });
    await p.getByRole('button', { name: 'Gửi kết quả' }).click();
    await visible(p, 'Đã gửi kết quả; người phản ánh sẽ được mời đánh giá.');
    await p.locator('.page-head .badge', { hasText: 'Đã có kết quả' }).waitFor({ timeout });
    await p.getByLabel('Ghi chú nội bộ').fill('Đội duy tu số 2 thực hiện.');
    await p.getByRole('button', { name: 'Thêm ghi chú nội bộ' }).click();
    await visible(p, 'Đã lưu ghi chú nội bộ.');
    await screenshot(p, 'officer', 'feedback-report');
    await p.locator('ul.fb-photos').getByRole('img', { name: 'Ảnh kết quả 1' }).waitFor({ timeout });
    await p.goto(`${server.baseUrl}/can-bo/phan-anh`);
    await p.getByRole('link', { name: code }).waitFor({ timeout });
    await p.getByLabel('Người xử lý').selectOption({ label: 'Tôi xử lý' });
    await p.getByRole('link', { name: code }).waitFor({ timeout });
    assert.match((await p.getByRole('row', { name: new RegExp(code) }).textContent()) ?? '', new RegExp(demoAccount('officer').fullName));
    await screenshot(p, 'officer', 'feedback-queue');
    await closing(officer, 'officer accepts and resolves');
  } finally {
    await officer.context.close();
  }

  const again = await openSession(browser, PHONE);
  try {
    const p = again.page;
    await signInThroughUi(p, server.baseUrl, 'citizen');
    await p.goto(`${server.baseUrl}/phan-anh/${code}`);
    await visible(p, RESULT);
    assert.equal(await p.getByText('Đội duy tu số 2').count(), 0, 'internal notes stay internal');
    await p.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await p.getByLabel('Nhận xét (không bắt buộc)').fill('Xử lý nhanh.');
    await p.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await visible(p, 'Mức hài lòng: 4/5');
    // The officer's look at the contact details is listed among the accesses to the citizen's data.
    await p.goto(`${server.baseUrl}/ca-nhan`);
    await visible(p, 'feedback.report.read_contact');
    await closing(again, 'citizen rates');
  } finally {
    await again.context.close();
  }

  const visitor = await openSession(browser, PHONE);
  try {
    const p = visitor.page;
    await p.goto(`${server.baseUrl}/phan-anh`);
    await p.getByRole('heading', { level: 1, name: 'Phản ánh hiện trường' }).waitFor({ timeout });
    await p.getByRole('link', { name: new RegExp(code) }).waitFor({ timeout });
    await p.getByRole('button', { name: 'Xem bản đồ' }).click();
    await p.locator('.fb-map[data-ready="true"]').waitFor({ timeout });
    assert.ok((await p.locator('.fb-map path.leaflet-interactive').count()) >= 1, 'report points drawn');
    await screenshot(p, 'visitor', 'feedback-list');
    const name = demoAccount('citizen').fullName;
    for (const path of ['/phan-anh', `/phan-anh/${code}`]) {
      await p.goto(`${server.baseUrl}${path}`);
      await visible(p, code);
      await p.locator('main .fb-chip', { hasText: 'Đã có kết quả' }).first().waitFor({ timeout });
      const text = (await p.locator('main').textContent()) ?? '';
      assert.ok(!text.includes(name) && !text.includes('An N.') && !text.includes(demoAccount('citizen').email), `${path} shows no name or e-mail`);
    }
    await visible(p, 'Mức hài lòng: 4/5');
    // The officer's result photo is public, served by the platform (re-encoded, no metadata).
    const resultPhoto = p.getByRole('img', { name: 'Ảnh kết quả 1' });
    await resultPhoto.waitFor({ timeout });
    const served = await fetch(`${server.baseUrl}${await resultPhoto.getAttribute('src')}`);
    assert.equal(served.status, 200);
    assert.match(served.headers.get('content-type') ?? '', /^image\//);
    // The public statistics counted it: received, resolved and rated, from the maintained aggregates.
    const figuresAfter = await roadDamageToday();
    assert.equal(figuresAfter.received, figuresBefore.received + 1);
    assert.equal(figuresAfter.resolved, figuresBefore.resolved + 1);
    assert.equal(figuresAfter.satisfaction.count, figuresBefore.satisfaction.count + 1);
    await p.goto(`${server.baseUrl}/phan-anh/thong-ke`);
    await p.getByRole('heading', { level: 1, name: 'Thống kê phản ánh' }).waitFor({ timeout });
    await p.locator('.st-figure', { hasText: 'Phản ánh đã nhận' }).waitFor({ timeout });
    assert.ok(!((await p.locator('main').textContent()) ?? '').includes(name), 'the statistics page names nobody');
    await closing(visitor, 'public list');
  } finally {
    await visitor.context.close();
  }
});

test('the draft, photos included, survives a reload', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    await startReport(page, 'Cống thoát nước bị vỡ nắp, rất nguy hiểm cho trẻ em.');
    await chooseCommune(page);
    await visible(page, /Đã lưu bản nháp trên máy lúc/);
    // The place is written at once (no typing delay): read it back from IndexedDB before reloading.
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('tinhso-feedback');
          open.onsuccess = () => {
            const get = open.result.transaction('drafts').objectStore('drafts').get('current');
            get.onsuccess = () => resolve(get.result?.placeSource === 'commune' && get.result?.photos?.length === 1);
            get.onerror = () => resolve(false);
          };
          open.onerror = () => resolve(false);
        }),
      undefined,
      { timeout },
    );
    await page.reload();
    await visible(page, 'Đã khôi phục phản ánh bạn đang soạn dở.');
    assert.equal(await page.getByLabel('Nội dung phản ánh').inputValue(), 'Cống thoát nước bị vỡ nắp, rất nguy hiểm cho trẻ em.');
    await visible(page, 'Hư hỏng đường, cầu');
    await page.getByRole('img', { name: 'Ảnh 1: o-ga.png' }).waitFor({ timeout });
    await visible(page, /Trung tâm Phường Đồng Hới/);
    await page.getByRole('button', { name: 'Xóa bản nháp, soạn lại' }).click();
    assert.equal(await page.getByLabel('Nội dung phản ánh').inputValue(), '');
    await closing(session, 'draft');
  } finally {
    await session.context.close();
  }
});

test('offline, the report waits in the outbox and is sent when the network is back', async () => {
  const session = await openSession(browser, PHONE);
  const { page, context } = session;
  // Requests attempted while offline fail, and Chromium logs them; nothing else may.
  const offlineNoise = [/ERR_INTERNET_DISCONNECTED/];
  try {
    await startReport(page, 'Đèn đường và mặt đường hư hỏng đoạn gần chợ, ổ gà liên tiếp.');
    await chooseCommune(page);
    // The map: a tap places the point.
    await page.getByRole('button', { name: 'Chọn trên bản đồ' }).click();
    const map = page.locator('.fb-map[data-ready="true"]');
    await map.waitFor({ timeout });
    await map.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await visible(page, 'Điểm đã chọn trên bản đồ, thuộc Phường Đồng Hới');
    await page.getByLabel('Số điện thoại').fill('0912 345 678');

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();
    await visible(page, 'Chưa có mạng: phản ánh đang chờ gửi.');
    await page.locator('.fb-outbox__item[data-state="waiting"]', { hasText: 'Đang chờ gửi' }).waitFor({ timeout });
    await screenshot(page, 'visitor', 'feedback-outbox');
    await context.setOffline(false);
    const sent = page.locator('.fb-outbox__item[data-state="sent"]');
    await sent.waitFor({ timeout });
    const code = CODE.exec((await sent.textContent()) ?? '')?.[0];
    assert.ok(code, 'the tracking code is shown once sent');
    const res = await fetch(`${server.baseUrl}/api/v1/feedback/track/${code}`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { photoUrls: string[] }).photoUrls.length, 1, 'the photo went with it');

    // Written offline, page closed, network back: the next page load (here the home) sends it.
    await startReport(page, 'Vỉa hè bị sụt lún, nắp hố ga lệch gây vấp ngã.');
    await chooseCommune(page);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();
    await visible(page, 'Chưa có mạng: phản ánh đang chờ gửi.');
    await page.goto('about:blank'); // leave while offline: no page of ours is open to hear `online`
    await context.setOffline(false);
    await page.goto(`${server.baseUrl}/`);
    await page.waitForFunction(() => localStorage.getItem('tinhso.feedback.pending') === null, undefined, { timeout });
    await page.goto(`${server.baseUrl}/phan-anh`);
    await page.locator('.fb-outbox__item[data-state="sent"]').nth(1).waitFor({ timeout });
    await closing(session, 'outbox', offlineNoise);
  } finally {
    await context.close();
  }
});

test('a leader reads the queue and a report without contact details, and has no actions', async () => {
  const session = await openSession(browser, PHONE);
  const p = session.page;
  try {
    await signInThroughUi(p, server.baseUrl, 'leader');
    await p.goto(`${server.baseUrl}/can-bo`);
    // The home page's figures come from the server (the whole province for a leader).
    await p.locator('.stat__value', { hasText: /^\d[\d.]*$/ }).first().waitFor({ timeout });
    await p.goto(`${server.baseUrl}/can-bo/phan-anh`);
    await visible(p, 'Chế độ chỉ xem của lãnh đạo');
    const first = p.locator('a.fb-code').first();
    await first.waitFor({ timeout });
    await first.click();
    await visible(p, 'Chế độ chỉ xem: lãnh đạo theo dõi phản ánh nhưng không xử lý.');
    await visible(p, 'Không có thông tin liên hệ.');
    assert.equal(await p.getByRole('button', { name: 'Tiếp nhận', exact: true }).count(), 0);
    assert.equal(await p.getByRole('button', { name: 'Nhận xử lý' }).count(), 0);
    await screenshot(p, 'officer', 'feedback-leader');
    await closing(session, 'leader reads');
  } finally {
    await session.context.close();
  }
});

test('an agency admin sees the demo templates and adds one of the agency\'s own', async () => {
  const session = await openSession(browser, PHONE);
  const p = session.page;
  try {
    await signInThroughUi(p, server.baseUrl, 'agency_admin');
    await p.goto(`${server.baseUrl}/can-bo/phan-anh`);
    await p.getByRole('link', { name: 'Quản lý mẫu trả lời' }).click();
    await p.getByRole('heading', { level: 1, name: 'Mẫu trả lời' }).waitFor({ timeout });
    await visible(p, 'Đã sửa chữa hư hỏng');
    await p.getByLabel('Dùng cho thao tác').selectOption({ label: 'Thêm ghi chú nội bộ' });
    await p.getByLabel('Tên mẫu').fill('Đã cử đội kiểm tra');
    await p.getByLabel('Nội dung', { exact: true }).fill('Đã cử đội duy tu kiểm tra hiện trường tại {communeName}.');
    await p.getByRole('button', { name: 'Thêm mẫu', exact: true }).click();
    await visible(p, 'Đã cử đội duy tu kiểm tra hiện trường tại {communeName}.');
    await screenshot(p, 'officer', 'feedback-templates');
    await closing(session, 'templates');
  } finally {
    await session.context.close();
  }
});
