// Every demo role signs in through the UI and walks its main screens on a 360 px phone and a
// 1920 px wall screen: real content, no console errors, nothing fetched from off the machine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../../src/platform/identity/roles.js';
import { apiSession, demoAccount, launchBrowser, openSession, PHONE, screenshot, signInThroughUi, startServer, WALL, type Server } from './harness.js';

let server: Server;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const base = server.baseUrl;
  // Real data for screens that would otherwise be empty on a fresh install:
  // a queued e-mail (password reset) for the outbox, and an administrator's change to the
  // citizen's account, which the citizen must see under "who accessed my data".
  await fetch(`${base}/api/v1/auth/password-reset/request`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoAccount('citizen').email }),
  });
  const admin = await apiSession(base, 'system_admin');
  const users = (await (await fetch(`${base}/api/v1/users?q=nguoidan`, { headers: admin.read })).json()) as { items: Array<{ id: string; fullName: string }> };
  const citizen = users.items[0];
  assert.ok(citizen, 'the demo citizen is listed');
  const patched = await fetch(`${base}/api/v1/users/${citizen.id}`, { method: 'PATCH', headers: admin.write, body: JSON.stringify({ fullName: citizen.fullName }) });
  assert.equal(patched.status, 200);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const timeout = 15_000;
const visible = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'visible', timeout });
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor({ state: 'visible', timeout });
/** Waits for the table captioned `caption` to have at least `rows` body rows. */
async function tableRows(page: Page, caption: string | RegExp, rows: number): Promise<number> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  await table.locator('tbody tr').nth(rows - 1).waitFor({ state: 'attached', timeout });
  return table.locator('tbody tr').count();
}

interface Screen {
  name: string;
  path: string;
  check(page: Page): Promise<void>;
}

async function walk(role: Role, screens: Screen[]): Promise<void> {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  const { fullName } = demoAccount(role);
  try {
    await signInThroughUi(page, server.baseUrl, role);
    assert.deepEqual(session.takeProblems(), [], `${role}: signing in`);
    for (const viewport of [PHONE, WALL]) {
      await page.setViewportSize(viewport);
      for (const screen of screens) {
        await page.goto(`${server.baseUrl}${screen.path}`);
        await screen.check(page);
        // The signed-in person's name is in the top bar on every page.
        await page.locator('.user-chip__name', { hasText: fullName }).waitFor({ state: 'visible', timeout });
        await screenshot(page, role, screen.name);
        assert.deepEqual(session.takeProblems(), [], `${role} ${screen.path} at ${viewport.width}px`);
      }
    }
  } finally {
    await session.context.close();
  }
}

const home: Screen = { name: 'home', path: '/', check: (p) => heading(p, 'Chính quyền số, gần dân') };
const profile = (role: Role): Screen => ({
  name: 'profile',
  path: '/ca-nhan',
  async check(page) {
    await heading(page, 'Trang cá nhân');
    await visible(page, demoAccount(role).email);
    await page.getByRole('heading', { name: 'Ai đã truy cập dữ liệu của tôi' }).waitFor({ timeout });
    await page.locator('caption', { hasText: 'Lượt truy cập dữ liệu cá nhân' }).waitFor({ timeout });
  },
});
const queue: Screen = {
  name: 'queue',
  path: '/can-bo',
  async check(page) {
    await heading(page, 'Hàng việc của tôi');
    await visible(page, 'Mở danh sách phản ánh cần xử lý');
    await visible(page, 'Mở hàng hồ sơ');
    // The figures are the server's counts (numbers once loaded, never placeholders left behind).
    const open = page.locator('.stat', { hasText: 'Đang mở' }).locator('.stat__value');
    await page.waitForFunction((el) => /^\d/.test(el?.textContent ?? ''), await open.elementHandle(), { timeout });
    // Every staff demo account belongs to an agency, named from the agencies API.
    await visible(page, /Cơ quan: (Sở|Ủy ban)/);
  },
};
const adminHome: Screen = { name: 'admin', path: '/quan-tri', check: (p) => heading(p, 'Quản trị hệ thống') };

test('citizen: home and profile, with who accessed their data', async () => {
  await walk('citizen', [
    home,
    {
      ...profile('citizen'),
      async check(page) {
        await profile('citizen').check(page);
        // The administrator's change made in set-up is listed, by whom and what.
        await tableRows(page, 'Lượt truy cập dữ liệu cá nhân', 1);
        await visible(page, demoAccount('system_admin').email);
        await visible(page, 'user.update');
      },
    },
  ]);
});

test('business: home and profile', async () => {
  await walk('business', [home, profile('business')]);
});

test('officer: work queue and profile', async () => {
  await walk('officer', [queue, profile('officer')]);
});

test('agency admin: work queue, admin overview and their agency’s staff', async () => {
  await walk('agency_admin', [
    queue,
    adminHome,
    {
      name: 'users',
      path: '/quan-tri/nguoi-dung',
      async check(page) {
        await heading(page, 'Người dùng');
        await tableRows(page, 'Danh sách người dùng', 2);
        await visible(page, demoAccount('officer').fullName);
      },
    },
  ]);
});

test('leader: operations centre map of the communes', async () => {
  await walk('leader', [
    {
      name: 'ioc',
      path: '/ioc',
      async check(page) {
        await heading(page, 'Tổng quan toàn tỉnh');
        await page.locator('.map[data-ready="true"]').waitFor({ timeout });
        const outlines = await page.locator('.map path.leaflet-interactive').count();
        assert.ok(outlines >= 50, `commune outlines drawn: ${outlines}`);
        const units = page.locator('.unit-list button');
        assert.ok((await units.count()) >= 50, 'the communes are listed');
        await page.getByRole('button', { name: /^Phường Đồng Hới/ }).click();
        await visible(page, 'Đang chọn: Phường Đồng Hới');
        await page.getByRole('button', { name: 'Bỏ chọn' }).click();
      },
    },
    queue,
  ]);
});

test('system admin: every admin screen', async () => {
  await walk('system_admin', [
    adminHome,
    {
      name: 'users',
      path: '/quan-tri/nguoi-dung',
      async check(page) {
        await heading(page, 'Người dùng');
        assert.ok((await tableRows(page, 'Danh sách người dùng', 6)) >= 6);
      },
    },
    {
      name: 'agencies',
      path: '/quan-tri/co-quan',
      async check(page) {
        await heading(page, 'Cơ quan, đơn vị');
        await page.locator('.tree li').first().waitFor({ timeout });
      },
    },
    {
      name: 'units',
      path: '/quan-tri/don-vi-hanh-chinh',
      async check(page) {
        await heading(page, 'Đơn vị hành chính');
        assert.equal(await tableRows(page, 'Tỉnh, thành phố', 34), 34);
        await page.getByRole('link', { name: 'Tỉnh Quảng Trị' }).click();
        assert.ok((await tableRows(page, 'Đơn vị trực thuộc Tỉnh Quảng Trị', 50)) >= 50);
      },
    },
    {
      name: 'api-keys',
      path: '/quan-tri/khoa-api',
      async check(page) {
        await heading(page, 'Khóa API');
        await page.getByText('Cấp khóa mới').click();
        await page.getByLabel('Tên khóa').fill(`Cổng dịch vụ công ${page.viewportSize()?.width}`);
        await page.getByLabel('audit:read').check();
        await page.getByRole('button', { name: 'Cấp khóa', exact: true }).click();
        await page.getByRole('heading', { name: /Đã cấp khóa/ }).waitFor({ timeout });
        const key = (await page.locator('#issued-key').textContent()) ?? '';
        assert.ok(key.trim().length >= 20, 'the new key is shown once');
        await tableRows(page, 'Khóa API đã cấp', 1);
      },
    },
    {
      name: 'calendar',
      path: '/quan-tri/lich-lam-viec',
      async check(page) {
        await heading(page, 'Lịch làm việc');
        assert.ok((await tableRows(page, /Ngày nghỉ năm \d{4}/, 8)) >= 8);
      },
    },
    {
      name: 'outbox',
      path: '/quan-tri/hang-doi-gui',
      async check(page) {
        await heading(page, 'Thư gửi đi');
        await tableRows(page, 'Thư gửi đi, mới nhất trước', 1);
        await visible(page, /^ng\*\*\*@demo\.tinhso\.vn$/);
      },
    },
    {
      name: 'audit',
      path: '/quan-tri/nhat-ky',
      async check(page) {
        await heading(page, 'Nhật ký kiểm toán');
        await tableRows(page, 'Nhật ký, mới nhất trước', 5);
        await page.getByRole('button', { name: 'Kiểm tra toàn bộ chuỗi' }).click();
        await visible(page, /^Nguyên vẹn — đã kiểm tra [\d.]+ bản ghi$/);
      },
    },
  ]);
});
