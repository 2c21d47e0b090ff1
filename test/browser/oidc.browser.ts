// Sign-in with a national-ID style OpenID Connect provider, clicked through in the browser.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { freePort, launchBrowser, openSession, PHONE, screenshot, startServer, type Server } from './harness.js';
import { oidcEnv, startTestOidcProvider, type TestOidcProvider } from '../../src/platform/testing/oidc-provider.js';

const ACCOUNT = { sub: 'vneid-044123456789', email: 'le.thi.hong@example.vn', name: 'Lê Thị Hồng' };

let provider: TestOidcProvider;
let server: Server;
let browser: Browser;

before(async () => {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  provider = await startTestOidcProvider(publicUrl, ACCOUNT);
  [server, browser] = await Promise.all([startServer({ port, env: { PUBLIC_URL: publicUrl, OIDC_DISPLAY_NAME: 'VNeID', ...oidcEnv(provider) } }), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await provider?.close();
});

test('"Đăng nhập bằng VNeID" signs a new person in through the provider and back', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    await page.goto(`${server.baseUrl}/dang-nhap`);
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.getByText(`Xin chào, ${ACCOUNT.name}.`).waitFor({ timeout: 20_000 });
    await screenshot(page, 'oidc-citizen', 'home');
    assert.deepEqual(session.takeProblems(), []);
  } finally {
    await session.context.close();
  }
});
