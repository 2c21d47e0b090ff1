// The supervising agency's view on a 360 px phone: a report left unaccepted past its deadline is
// escalated by the deadline watch to the provincial People's Committee, whose leader finds it on
// "Phản ánh quá hạn được báo lên" with dd/mm/yyyy dates and how late it is, and opens it read-only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { runDeadlineWatch } from '../../src/modules/feedback/deadline-watch/index.js';
import { apiSession, launchBrowser, openSession, PHONE, screenshot, signInThroughUi, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
/** A report of Sở Xây dựng (no parent agency, so it goes up to the People's Committee). */
let report: { id: string; tracking_code: string };
let deadline: Date;

const DAYS_LATE = 5;
const timeout = 15_000;
const visible = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'visible', timeout });
const ddmmyyyy = (d: Date) => new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(d);

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const platform = server.platform;
  if (!platform) throw new Error('this test sets up its data through the server it starts (BROWSER_TEST_URL is not supported)');
  const db = platform.ctx.db;
  // A citizen's pothole in Phường Đồng Hới, which the routing gives to Sở Xây dựng.
  const unit = (await (await fetch(`${server.baseUrl}/api/v1/admin-units/18880`)).json()) as { centroid: { lat: number; lng: number } };
  const citizen = await apiSession(server.baseUrl, 'citizen');
  const payload = { categoryCode: 'hu-hong-duong', description: 'Ổ gà lớn giữa đường, nhiều ngày chưa ai xử lý.', lat: unit.centroid.lat, lng: unit.centroid.lng };
  const res = await fetch(`${server.baseUrl}/api/v1/feedback/reports`, { method: 'POST', headers: citizen.write, body: JSON.stringify(payload) });
  assert.equal(res.status, 201, await res.clone().text());
  const { id } = (await res.json()) as { id: string };
  const found = await sql<{ id: string; tracking_code: string; agency: string }>`
    select r.id, r.tracking_code, a.code as agency from feedback_reports r join agencies a on a.id = r.agency_id where r.id = ${id}::uuid`.execute(db);
  assert.equal(found.rows[0]?.agency, 'SXD', 'the pothole went to Sở Xây dựng');
  report = found.rows[0]!;
  // Its acceptance deadline passed a few days ago (and half a day, so whole days are unambiguous).
  deadline = new Date(Date.now() - (DAYS_LATE + 0.5) * 86_400_000);
  await sql`update feedback_reports set accept_due_at = ${deadline} where id = ${report.id}::uuid`.execute(db);
  const result = await runDeadlineWatch(platform.ctx, { now: new Date() });
  assert.ok(result.escalated.includes(report.id), 'the deadline watch escalated the report');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a leader of the supervising agency sees the escalated report at 360 px with its missed deadline, and opens it read-only', async () => {
  const session = await openSession(browser, PHONE);
  const p = session.page;
  try {
    await signInThroughUi(p, server.baseUrl, 'leader');
    // From the queue's header, as a person would find it.
    await p.goto(`${server.baseUrl}/can-bo/phan-anh`);
    await p.getByRole('link', { name: 'Phản ánh quá hạn được báo lên' }).click();
    await p.getByRole('heading', { level: 1, name: 'Phản ánh quá hạn được báo lên' }).waitFor({ timeout });
    assert.equal(new URL(p.url()).pathname, '/can-bo/phan-anh/qua-han');
    await visible(p, /được báo lên Ủy ban nhân dân tỉnh Quảng Trị/);

    const row = p.locator('tr', { has: p.getByRole('link', { name: report.tracking_code, exact: true }) });
    await row.waitFor({ timeout });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Sở Xây dựng/, 'the handling agency');
    assert.ok(text.includes(ddmmyyyy(deadline)), `the missed deadline as dd/mm/yyyy in: ${text}`);
    assert.match(text, /hạn tiếp nhận/, 'which deadline was missed');
    assert.match(text, new RegExp(`quá ${DAYS_LATE} ngày`), 'how many days late');
    assert.ok(text.includes(ddmmyyyy(new Date())), `escalated today, as dd/mm/yyyy, in: ${text}`);
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/, 'no ISO dates');

    // Nothing wider than the phone.
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await screenshot(p, 'officer', 'feedback-escalated');
    assert.deepEqual(session.takeProblems(), [], 'escalated list');

    await row.getByRole('link', { name: report.tracking_code, exact: true }).click();
    await visible(p, 'Chế độ chỉ xem: lãnh đạo theo dõi phản ánh nhưng không xử lý.');
    assert.equal(new URL(p.url()).pathname, `/can-bo/phan-anh/${report.id}`);
    assert.equal(await p.getByRole('button', { name: 'Tiếp nhận', exact: true }).count(), 0);
    assert.deepEqual(session.takeProblems(), [], 'read-only desk');
  } finally {
    await session.context.close();
  }
});
