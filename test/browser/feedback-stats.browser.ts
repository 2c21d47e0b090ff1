// The public statistics page on a 360 px phone, and the light commune outlines the map loads there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page, Response } from 'playwright-core';
import { launchBrowser, openSession, PHONE, WALL, screenshot, startServer, type Server, type Session } from './harness.js';

let server: Server;
let browser: Browser;

before(async () => {
  // Enough demo reports for four-digit figures (Vietnamese grouping: 1.234).
  [server, browser] = await Promise.all([startServer({ env: { FEEDBACK_DEMO_REPORTS: '1500' } }), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const timeout = 20_000;
const vietnamese = new Intl.NumberFormat('vi-VN');
const collator = new Intl.Collator('vi');
type Stats = { from: string; to: string; items: Array<{ name: string; received: number }>; total: { received: number; resolved: number } };

const statsResponse = (page: Page, groupBy: string) =>
  page.waitForResponse((r: Response) => r.url().includes('/api/v1/feedback/stats?') && r.url().includes(`groupBy=${groupBy}`) && r.status() === 200, { timeout });
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const rowNames = (page: Page) => page.locator('.st-table tbody td.st-name').allTextContents();

async function closing(session: Session, label: string): Promise<void> {
  assert.deepEqual(session.takeProblems(), [], label);
}

test('the statistics page on a phone shows the province figures and sortable tables, dd/mm/yyyy dates and Vietnamese numbers', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    const first = statsResponse(page, 'agency');
    await page.goto(`${server.baseUrl}/phan-anh`);
    await page.getByRole('link', { name: 'Thống kê kết quả xử lý' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thống kê phản ánh' }).waitFor({ timeout });
    const byAgency = (await (await first).json()) as Stats;
    assert.ok(byAgency.total.received >= 1000, `demo data gives ${byAgency.total.received} reports`);

    // The period, as dates people read.
    await page.getByText(`Từ ${dmy(byAgency.from)} đến ${dmy(byAgency.to)}`).waitFor({ timeout });
    assert.match(dmy(byAgency.from), /^\d{2}\/\d{2}\/\d{4}$/);

    // The province's headline figures, with dots between thousands, and how each is computed.
    const received = page.locator('.st-figure', { hasText: 'Phản ánh đã nhận' });
    await received.waitFor({ timeout });
    const receivedText = vietnamese.format(byAgency.total.received);
    assert.match(receivedText, /^\d{1,3}(\.\d{3})+$/);
    assert.equal((await received.locator('.st-figure__value').textContent())?.trim(), receivedText);
    assert.equal((await page.locator('.st-figure', { hasText: 'Đã có kết quả' }).locator('.st-figure__value').textContent())?.trim(), vietnamese.format(byAgency.total.resolved));
    await page.locator('.st-figure__how', { hasText: 'Kết quả trả không muộn hơn hạn xử lý' }).waitFor({ timeout });
    await page.locator('.st-figure__how', { hasText: 'lấy giá trị giữa của phân bố số ngày' }).waitFor({ timeout });
    assert.match((await page.locator('.st-figure', { hasText: 'Đúng hạn' }).locator('.st-figure__value').textContent()) ?? '', /^\d{1,3}(,\d)?\s?%$/);

    // Per agency, most received first; then by name in Vietnamese order, from the phone's sort control.
    await page.getByRole('table', { name: /Theo cơ quan xử lý/ }).waitFor({ timeout });
    const mostFirst = [...byAgency.items].sort((a, b) => b.received - a.received).slice(0, 10);
    assert.equal((await rowNames(page))[0], mostFirst[0]!.name);
    await page.getByLabel('Sắp xếp theo').selectOption({ label: 'Tên' });
    const names = await rowNames(page);
    assert.deepEqual(names, [...names].sort(collator.compare));
    assert.equal(names.length, Math.min(10, byAgency.items.length));

    // Per commune: the first ten, then all of them on request.
    const communes = statsResponse(page, 'commune');
    await page.getByRole('radio', { name: 'Xã, phường' }).check();
    const byCommune = (await (await communes).json()) as Stats;
    await page.getByRole('table', { name: /Theo xã, phường, đặc khu/ }).waitFor({ timeout });
    assert.equal((await rowNames(page)).length, 10);
    await page.getByRole('button', { name: `Xem tất cả ${vietnamese.format(byCommune.items.length)} dòng` }).click();
    assert.equal((await rowNames(page)).length, byCommune.items.length);
    assert.ok(new URL(page.url()).searchParams.get('group') === 'commune', 'the choice is in the address');

    // Per category.
    await page.getByRole('radio', { name: 'Lĩnh vực' }).check();
    await page.getByRole('table', { name: /Theo lĩnh vực/ }).waitFor({ timeout });
    assert.ok((await rowNames(page)).length >= 1);

    // Nothing wider than the phone.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at 360 px');
    await screenshot(page, 'visitor', 'feedback-stats');
    // The same page on a wide screen: a real table, sortable from its headings.
    await page.setViewportSize(WALL);
    await page.getByRole('button', { name: /Đúng hạn/ }).click();
    assert.equal(await page.locator('th[aria-sort="descending"]').textContent(), 'Đúng hạn▼');
    await screenshot(page, 'visitor', 'feedback-stats');
    await closing(session, 'statistics page');
  } finally {
    await session.context.close();
  }
});

test('a custom period is typed as dd/mm/yyyy, checked, and a period without reports says so', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    await page.goto(`${server.baseUrl}/phan-anh/thong-ke?period=month`);
    await page.getByRole('heading', { level: 1, name: 'Thống kê phản ánh' }).waitFor({ timeout });
    await page.getByRole('radio', { name: 'Tùy chọn' }).check();
    await page.getByLabel('Từ ngày').fill('31/02/2020');
    await page.getByLabel('Đến ngày').fill('31/01/2020');
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    await page.getByText('Ngày không hợp lệ.').first().waitFor({ timeout });
    await page.getByLabel('Từ ngày').fill('01/01/2020');
    const empty = statsResponse(page, 'agency');
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    const body = (await (await empty).json()) as Stats;
    assert.deepEqual([body.from, body.to], ['2020-01-01', '2020-01-31']);
    await page.getByText('Từ 01/01/2020 đến 31/01/2020').waitFor({ timeout });
    await page.getByText('Chưa có phản ánh nào trong kỳ này. Hãy chọn kỳ dài hơn.').waitFor({ timeout });
    await page.getByText('Không có phản ánh nào trong kỳ này.').waitFor({ timeout });
    await screenshot(page, 'visitor', 'feedback-stats-empty');
    await closing(session, 'custom period');
  } finally {
    await session.context.close();
  }
});

test('on a phone the map loads the light commune outlines, compressed; a wide screen gets the full ones', async () => {
  const phone = await openSession(browser, PHONE);
  const outlines: string[] = [];
  phone.page.on('request', (req) => {
    if (req.url().includes('/children/boundaries')) outlines.push(req.url());
  });
  try {
    await phone.page.goto(`${server.baseUrl}/phan-anh`);
    await phone.page.getByRole('heading', { level: 1, name: 'Phản ánh hiện trường' }).waitFor({ timeout });
    const light = phone.page.waitForResponse((r) => r.url().includes('/children/boundaries'), { timeout });
    await phone.page.getByRole('button', { name: 'Xem bản đồ' }).click();
    const response = await light;
    assert.match(response.url(), /\/api\/v1\/admin-units\/44\/children\/boundaries\?detail=light$/);
    assert.equal(response.status(), 200);
    assert.ok(['br', 'gzip'].includes((await response.allHeaders())['content-encoding'] ?? ''), 'sent compressed');
    const collection = (await response.json()) as { features: unknown[] };
    assert.equal(collection.features.length, 78);
    await phone.page.locator('.fb-map[data-ready="true"]').waitFor({ timeout });
    assert.ok((await phone.page.locator('.fb-map path').count()) >= 78, 'every commune drawn');
    assert.ok(outlines.length > 0 && outlines.every((url) => url.endsWith('detail=light')), 'the full outlines are never fetched on a phone');
    await screenshot(phone.page, 'visitor', 'feedback-list-map-light');
    await closing(phone, 'phone map');
  } finally {
    await phone.context.close();
  }

  const wide = await openSession(browser, WALL);
  try {
    const full = wide.page.waitForResponse((r) => r.url().includes('/children/boundaries'), { timeout });
    await wide.page.goto(`${server.baseUrl}/phan-anh`);
    assert.match((await full).url(), /\/children\/boundaries$/);
    await wide.page.locator('.fb-map[data-ready="true"]').waitFor({ timeout });
    await closing(wide, 'wide map');
  } finally {
    await wide.context.close();
  }
});
