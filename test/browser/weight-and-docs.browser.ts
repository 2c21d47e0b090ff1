// What a citizen's phone downloads, and the browsable API documentation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, PHONE, WALL, screenshot, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the citizen home loads no dashboard, map or admin code', async () => {
  const session = await openSession(browser, PHONE);
  const scripts: string[] = [];
  session.page.on('response', (res) => {
    if (res.request().resourceType() === 'script') scripts.push(new URL(res.url()).pathname);
  });
  try {
    await session.page.goto(`${server.baseUrl}/`, { waitUntil: 'networkidle' });
    assert.ok(scripts.length > 0);
    for (const script of scripts) assert.doesNotMatch(script, /leaflet|echarts|ioc|quan-tri|can-bo|admin/i, script);
    let bytes = 0;
    for (const script of scripts) bytes += (await (await fetch(`${server.baseUrl}${script}`)).arrayBuffer()).byteLength;
    assert.ok(bytes < 120 * 1024, `citizen JavaScript is ${bytes} bytes before compression`);
    assert.deepEqual(session.takeProblems(), []);
  } finally {
    await session.context.close();
  }
});

test('the API documentation renders under the strict CSP and lists the platform routes', async () => {
  const session = await openSession(browser, WALL);
  try {
    await session.page.goto(`${server.baseUrl}/api/docs`);
    await session.page.getByText('Tỉnh Số API').first().waitFor({ timeout: 15_000 });
    // Tags start folded (a few hundred operations would stall the page): open the sign-in routes' tag.
    await session.page.locator('#operations-tag-auth').click();
    await session.page.getByText('/api/v1/auth/login').first().waitFor({ timeout: 15_000 });
    await screenshot(session.page, 'visitor', 'api-docs');
    assert.deepEqual(session.takeProblems(), []);
  } finally {
    await session.context.close();
  }
});
