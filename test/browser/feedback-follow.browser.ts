// Following reports by e-mail on a 360 px phone: a visitor subscribes on a report's page, opens the
// confirmation link from the mail (read through the admin outbox, as no mail server runs here) and
// sees it confirmed, then unsubscribes with the mail's other link; a signed-in citizen follows with
// one click. The list page announces its feeds, and the browser's own XML parser reads them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { apiSession, launchBrowser, openSession, PHONE, screenshot, signInThroughUi, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let trackingCode: string;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const list = (await (await fetch(`${server.baseUrl}/api/v1/feedback/reports?limit=1`)).json()) as { items: Array<{ trackingCode: string }> };
  trackingCode = list.items[0]!.trackingCode;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const timeout = 15_000;
const visible = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'visible', timeout });

/** The newest message to an address, read as an administrator reads the outbox. */
async function lastMailTo(email: string): Promise<string> {
  const admin = await apiSession(server.baseUrl, 'system_admin');
  const list = (await (await fetch(`${server.baseUrl}/api/v1/admin/outbox?to=${encodeURIComponent(email)}`, { headers: admin.read })).json()) as { items: Array<{ id: string }> };
  assert.ok(list.items[0], `no mail to ${email}`);
  const mail = (await (await fetch(`${server.baseUrl}/api/v1/admin/outbox/${list.items[0].id}?purpose=browser-test`, { headers: admin.read })).json()) as { text: string };
  return mail.text;
}

/** The path and query of a link in a mail (the mail names PUBLIC_URL; the test server listens elsewhere). */
function linkIn(text: string, path: string): string {
  const m = new RegExp(`https?://[^\\s]+(${path}\\?token=[A-Za-z0-9_-]{43})`).exec(text);
  assert.ok(m, `no ${path} link in the mail`);
  return m[1]!;
}

test('a visitor follows a report by e-mail, confirms through the mailed link, and unsubscribes with the other', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  const email = 'theo.doi.trinh.duyet@example.vn';
  await page.goto(`${server.baseUrl}/phan-anh/${trackingCode}`);
  await page.getByRole('heading', { name: 'Theo dõi qua thư điện tử' }).waitFor({ timeout });
  await page.getByLabel('Địa chỉ thư điện tử').fill(email);
  await page.getByRole('button', { name: 'Theo dõi', exact: true }).click();
  await visible(page, `Hãy mở thư xác nhận vừa gửi tới ${email}`);
  await screenshot(page, 'visitor', 'follow-sent');

  const confirmation = await lastMailTo(email);
  assert.match(confirmation, new RegExp(trackingCode));
  await page.goto(`${server.baseUrl}${linkIn(confirmation, '/phan-anh/theo-doi/xac-nhan')}`);
  await visible(page, /Đã xác nhận\. Bạn sẽ nhận thư về phản ánh PA-/);
  await screenshot(page, 'visitor', 'follow-confirmed');
  await page.getByRole('link', { name: 'Xem phản ánh' }).click();
  await page.waitForURL(`**/phan-anh/${trackingCode}`);

  await page.goto(`${server.baseUrl}${linkIn(confirmation, '/phan-anh/theo-doi/huy')}`);
  await visible(page, /Bạn sẽ không nhận thêm thư về phản ánh PA-/);
  await page.reload();
  await visible(page, 'Liên kết này đã được dùng');
  assert.deepEqual(session.takeProblems(), []);
  await session.context.close();
});

test('a signed-in citizen follows and unfollows a report with one click', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  await signInThroughUi(page, server.baseUrl, 'citizen');
  await page.goto(`${server.baseUrl}/phan-anh/${trackingCode}`);
  await page.getByRole('button', { name: 'Theo dõi phản ánh này' }).click();
  await visible(page, /Bạn đang theo dõi phản ánh này/);
  await page.reload();
  await page.getByRole('button', { name: 'Bỏ theo dõi' }).click();
  await page.getByRole('button', { name: 'Theo dõi phản ánh này' }).waitFor({ timeout });
  assert.deepEqual(session.takeProblems(), []);
  await session.context.close();
});

test('the list announces Atom and RSS feeds for its filters, and both parse as XML in the browser', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  await page.goto(`${server.baseUrl}/phan-anh`);
  await page.getByRole('link', { name: 'Nguồn tin Atom' }).waitFor({ timeout });
  await page.locator('#fb-filter-commune').selectOption('18880');
  await page.waitForFunction(() => document.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href')?.includes('commune=18880'), null, { timeout });
  const read = await page.evaluate(async () => {
    const out: Record<string, { errors: number; root: string; entries: number }> = {};
    for (const type of ['application/atom+xml', 'application/rss+xml']) {
      const href = document.querySelector(`link[rel="alternate"][type="${type}"]`)!.getAttribute('href')!;
      const doc = new DOMParser().parseFromString(await (await fetch(href)).text(), 'application/xml');
      out[type] = { errors: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.nodeName, entries: doc.querySelectorAll('entry, item').length };
    }
    return out;
  });
  assert.deepEqual(read['application/atom+xml']?.errors, 0);
  assert.equal(read['application/atom+xml']?.root, 'feed');
  assert.ok(read['application/atom+xml']!.entries > 0);
  assert.deepEqual(read['application/rss+xml']?.errors, 0);
  assert.equal(read['application/rss+xml']?.root, 'rss');
  await page.getByLabel('Địa chỉ thư điện tử').fill('xa.phuong@example.vn');
  await page.getByRole('button', { name: 'Đăng ký nhận tin' }).click();
  await visible(page, 'Hãy mở thư xác nhận vừa gửi tới xa.phuong@example.vn');
  await screenshot(page, 'visitor', 'list-follow');
  assert.deepEqual(session.takeProblems(), []);
  await session.context.close();
});
