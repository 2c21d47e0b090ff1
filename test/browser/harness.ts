import net from 'node:net';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/platform/config/config.js';
import { startPlatform, type Platform } from '../../src/platform/runtime.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/platform/identity/demo-accounts.js';
import type { Role } from '../../src/platform/identity/roles.js';
import { registerWeb } from '../../src/web-server.js';
import { testDatabase } from '../../src/platform/testing/test-platform.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
export const PHONE = { width: 360, height: 740 };
export const WALL = { width: 1920, height: 1080 };

/**
 * Builds web/dist unless it is already up to date (the same check `npm start` makes). The test
 * files run in parallel processes, so a lock directory keeps two builds from overlapping.
 */
export async function ensureWebBuilt(): Promise<void> {
  const lock = path.join(tmpdir(), `tinhso-web-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is older than any real build.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-web-if-needed.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('building the web front end failed');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Server {
  baseUrl: string;
  /** Null when testing an external server. */
  platform: Platform | null;
  close(): Promise<void>;
}

/**
 * The whole platform with demo data, on a fresh data directory and a free loopback port.
 * With `BROWSER_TEST_URL` set, the tests use that already running server instead (its demo data
 * must be loaded, and it must serve a current build).
 */
export async function startServer(options: { env?: Record<string, string>; port?: number } = {}): Promise<Server> {
  const external = process.env.BROWSER_TEST_URL;
  if (external) return { baseUrl: external.replace(/\/$/, ''), platform: null, close: async () => {} };
  await ensureWebBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tinhso-browser-'));
  // The port is chosen before the platform starts so PUBLIC_URL (links in PDFs, a payment gateway's
  // redirect) names the address the browser really uses.
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: baseUrl, HOST: '127.0.0.1', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn', DEMO_DATA: 'true', ...options.env });
  // With the default settings the demo database is the unit tests' prepared one (built once per
  // source tree and day): seeding it again for every file would be most of the suite's time.
  const database = options.env ? undefined : await testDatabase(true);
  const platform = await startPlatform({ config, web: registerWeb, workers: false, ...(database ? { database } : {}) });
  await platform.app.listen({ port, host: '127.0.0.1' });
  return {
    baseUrl,
    platform,
    async close() {
      await platform.close();
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and attempted requests off this machine. */
  problems: string[];
  /** Problems not yet asserted; call after each screen. */
  takeProblems(): string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * A fresh browser context (no cookies, no storage). Every request off the loopback interface is
 * blocked and recorded, so a stray font, tile or CDN URL fails the test instead of hanging it.
 */
export async function openSession(browser: Browser, viewport: { width: number; height: number }): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK.has(url.hostname)) return route.continue();
    problems.push(`blocked request off the machine: ${url.href}`);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    // Every page asks "who is signed in?"; the answer for a visitor is a 401, which Chromium logs.
    if (/status of 401/.test(message.text()) && where.endsWith('/api/v1/me')) return;
    problems.push(`console error: ${message.text()} (${where})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  trackInFlight(page);
  let seen = 0;
  return {
    context,
    page,
    problems,
    takeProblems() {
      const fresh = problems.slice(seen);
      seen = problems.length;
      return fresh;
    },
  };
}

export function demoAccount(role: Role): { email: string; fullName: string } {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}

/** Signs in through the sign-in form, as a person would; resolves on the page the role lands on. */
export async function signInThroughUi(page: Page, baseUrl: string, role: Role): Promise<void> {
  const { email } = demoAccount(role);
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/dang-nhap'), page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()]);
}

const inFlight = new WeakMap<Page, Set<string>>();

function trackInFlight(page: Page): void {
  const pending = new Set<string>();
  inFlight.set(page, pending);
  page.on('request', (request) => pending.add(request.url()));
  page.on('requestfinished', (request) => pending.delete(request.url()));
  page.on('requestfailed', (request) => pending.delete(request.url()));
}

/**
 * Waits for the network to settle, then saves `<role>-<page>-<width>.png`. A screenshot is a record,
 * not an assertion: on a loaded shared machine the network may not go quiet for 500 ms in time, so
 * the wait is bounded, and what was still in flight is printed to find a page that never settles.
 */
export async function screenshot(page: Page, role: string, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  try {
    await page.waitForLoadState('networkidle', { timeout: 10_000 });
  } catch {
    const pending = [...(inFlight.get(page) ?? [])];
    process.stderr.write(`screenshot ${role}-${name}: network not idle after 10 s; in flight: ${pending.join(', ') || 'none'}\n`);
  }
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: path.join(SCREENSHOTS, `${role}-${name}-${width}.png`), fullPage: true });
}

/** Signs in over the API (for test set-up); returns headers for reads and writes. */
export async function apiSession(baseUrl: string, role: Role): Promise<{ read: Record<string, string>; write: Record<string, string> }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoAccount(role).email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`API sign-in as ${role} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { read: { cookie }, write: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}

/** A loopback port free right now (for a server whose public URL must be known before it starts). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
