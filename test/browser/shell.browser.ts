// The web shell itself: the English switch, dd/mm/yyyy dates, bilingual server errors, the
// keyboard skip link, role redirects, and HTML that needs no inline script (the CSP forbids it).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { demoAccount, launchBrowser, openSession, PHONE, screenshot, signInThroughUi, startServer, WALL, type Server } from './harness.js';

let server: Server;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const timeout = 15_000;

test('each page path gets its own HTML entry, with no inline script and a strict CSP', async () => {
  const entries = new Map<string, string>();
  for (const path of ['/', '/dang-nhap', '/dang-ky', '/quen-mat-khau', '/dat-lai-mat-khau', '/ca-nhan', '/can-bo', '/can-bo/ho-so', '/ioc', '/quan-tri', '/quan-tri/nhat-ky']) {
    const res = await fetch(`${server.baseUrl}${path}`);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'(;|$)/);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length > 0, `${path} loads a script`);
    for (const [, attributes, body] of scripts) {
      assert.match(attributes ?? '', /\bsrc="\/assets\//, `${path}: every script is an external file`);
      assert.equal((body ?? '').trim(), '', `${path}: no inline script`);
    }
    entries.set(path, (/src="(\/assets\/[^"]+\.js)"/.exec(html) ?? [])[1] ?? '');
  }
  // Four audiences, four entry scripts: the citizen never downloads the others.
  assert.equal(new Set(entries.values()).size, 4);
  const asset = await fetch(`${server.baseUrl}${entries.get('/')}`);
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('cache-control') ?? '', /max-age=31536000.*immutable/);
});

test('English switch: persists across reloads, translates the shell and pages', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Chính quyền số, gần dân' }).waitFor({ timeout });
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Digital government, close to people' }).waitFor({ timeout });
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await screenshot(page, 'visitor', 'home-en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Digital government, close to people' }).waitFor({ timeout });
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout });
    await page.getByLabel('Email').waitFor({ timeout });
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor({ timeout });
    assert.deepEqual(session.takeProblems(), []);
  } finally {
    await session.context.close();
  }
});

test('a refused sign-in shows the server’s message in both languages', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    await page.goto(`${server.baseUrl}/dang-nhap`);
    await page.getByLabel('Thư điện tử').fill(demoAccount('citizen').email);
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout });
    const vi = await alert.locator('[lang="vi"]').first().textContent();
    const en = await alert.locator('[lang="en"]').first().textContent();
    assert.ok(vi && vi.length > 5 && en && en.length > 5, `both languages shown: ${vi} / ${en}`);
    assert.notEqual(vi, en);
    await screenshot(page, 'visitor', 'sign-in-error');
    // The refusal itself is a 401 the browser logs; nothing else may be.
    assert.deepEqual(session.takeProblems().filter((p) => !/status of 401.*\/api\/v1\/auth\/login/.test(p)), []);
  } finally {
    await session.context.close();
  }
});

test('dates are dd/mm/yyyy in both languages; numbers use Vietnamese grouping', async () => {
  const session = await openSession(browser, WALL);
  const { page } = session;
  try {
    await signInThroughUi(page, server.baseUrl, 'system_admin');
    await page.goto(`${server.baseUrl}/quan-tri/lich-lam-viec`);
    await page.getByLabel('Năm', { exact: true }).selectOption('2026');
    const firstDate = page.locator('table tbody tr').first().locator('td').first();
    await page.getByText('01/01/2026', { exact: true }).waitFor({ timeout });
    assert.match((await firstDate.textContent()) ?? '', /^\d{2}\/\d{2}\/\d{4}$/);
    await page.getByText('Tết Nguyên đán (mùng 1)').waitFor({ timeout });
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Working calendar' }).waitFor({ timeout });
    await page.getByText('01/01/2026', { exact: true }).waitFor({ timeout });
    await screenshot(page, 'system_admin', 'calendar-en');
    // Created dates in the users table, in English too.
    await page.goto(`${server.baseUrl}/quan-tri/nguoi-dung`);
    const created = page.locator('td[data-label="Created"]').first();
    await created.waitFor({ timeout });
    assert.match((await created.textContent()) ?? '', /^\d{2}\/\d{2}\/\d{4}$/);
    const checked = await page.evaluate(() => new Intl.NumberFormat('vi-VN').format(1234567));
    assert.equal(checked, '1.234.567');
    assert.deepEqual(session.takeProblems(), []);
  } finally {
    await session.context.close();
  }
});

test('keyboard: the skip link is the first stop and moves focus to the main content', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    await page.goto(`${server.baseUrl}/dang-nhap`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor({ timeout });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    // The next stop is inside <main>: the e-mail field of the sign-in form.
    assert.equal(await page.evaluate(() => document.activeElement?.closest('main') !== null), true);
    assert.deepEqual(session.takeProblems(), []);
  } finally {
    await session.context.close();
  }
});

test('protected pages send visitors to sign in and back; wrong roles see a refusal', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    await page.goto(`${server.baseUrl}/quan-tri/nhat-ky`);
    await page.waitForURL((url) => url.pathname === '/dang-nhap' && url.searchParams.get('next') === '/quan-tri/nhat-ky', { timeout });
    await page.getByLabel('Thư điện tử').fill(demoAccount('citizen').email);
    await page.getByLabel('Mật khẩu').fill('TinhSo@2025');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/quan-tri/nhat-ky', { timeout });
    await page.getByRole('heading', { level: 1, name: 'Bạn không có quyền xem trang này' }).waitFor({ timeout });
    await screenshot(page, 'citizen', 'forbidden');
    assert.deepEqual(session.takeProblems(), []);
  } finally {
    await session.context.close();
  }
});
