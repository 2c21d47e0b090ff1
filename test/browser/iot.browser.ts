// The IoT pages in the officer console: the device map with the demo devices, a device page with
// its history chart, and the alarm console where an officer acknowledges an alarm raised by a
// reading sent over HTTP (rule and device created through the API first).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { apiSession, launchBrowser, openSession, screenshot, SCREENSHOTS, signInThroughUi, startServer, WALL, PHONE, type Server, type Session } from './harness.js';

let server: Server;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const timeout = 20_000;

async function closing(session: Session, label: string): Promise<void> {
  assert.deepEqual(session.takeProblems(), [], label);
}

/** Pages with a live stream never go network-idle, so they are photographed as they are. */
async function liveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${page.viewportSize()?.width ?? 0}.png`), fullPage: true });
}

async function json<T>(response: Response): Promise<T> {
  const text = await response.text();
  assert.ok(response.ok, `${response.status} ${response.url}: ${text}`);
  return JSON.parse(text) as T;
}

test('an officer opens the device map, sees the demo devices on it and in the list, and opens a device page with its history chart', async () => {
  const session = await openSession(browser, WALL);
  const { page } = session;
  try {
    await signInThroughUi(page, server.baseUrl, 'officer');
    await page.getByRole('link', { name: 'Thiết bị IoT' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Thiết bị IoT' }).waitFor({ timeout });
    await page.locator('.iot-map[data-ready="true"]').waitFor({ timeout });
    // Demo devices: counted in the heading, listed, and drawn on the map's canvas.
    const heading = page.locator('#iot-list-title');
    await page.locator('.iot-device-row').first().waitFor({ timeout });
    const [shown, total] = ((await heading.textContent()) ?? '').match(/[\d.]+/g)!.map((n) => Number(n.replace(/\./g, '')));
    assert.ok(total! > 0 && shown === total, `the list counts ${shown} of ${total} demo devices`);
    assert.ok((await page.locator('.iot-map canvas').count()) >= 1, 'devices drawn on a canvas');

    // Filter by a search, then open the first device.
    const first = page.locator('.iot-device-row a').first();
    const code = ((await first.locator('strong').textContent()) ?? '').trim();
    await page.getByLabel('Tìm theo mã, tên').fill(code);
    await page.locator('.iot-device-row').first().waitFor({ timeout });
    await screenshot(page, 'officer', 'iot-devices');
    const history = page.waitForResponse((r) => r.url().includes(`/devices/${code}/history`) && r.status() === 200, { timeout });
    await page.locator('.iot-device-row a', { hasText: code }).first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${code} — `) }).waitFor({ timeout });
    const body = (await (await history).json()) as { points: unknown[] };
    const url = new URL((await history).url());
    assert.ok(Number(url.searchParams.get('points')) >= 50, 'the chart asks for a point budget near its width');
    const chart = page.locator('.iot-chart[data-ready="true"]');
    await chart.waitFor({ timeout });
    assert.equal(await chart.getAttribute('data-points'), String(body.points.length));
    assert.ok(body.points.length > 0, 'the demo device has a history over the last 24 hours');
    assert.ok((await chart.locator('canvas').count()) >= 1, 'ECharts drew the chart');
    await page.getByText('Giá trị hiện tại').waitFor({ timeout });

    // A longer preset asks again; dates read dd/mm/yyyy.
    const week = page.waitForResponse((r) => r.url().includes(`/devices/${code}/history`) && r.status() === 200, { timeout });
    await page.getByRole('radio', { name: '7 ngày' }).check();
    const weekBody = (await (await week).json()) as { from: string; to: string };
    assert.equal(Date.parse(weekBody.to) - Date.parse(weekBody.from), 7 * 86_400_000);
    assert.match((await chart.getAttribute('aria-label')) ?? '', /từ \d{2}\/\d{2}\/\d{4} đến \d{2}\/\d{2}\/\d{4}/);
    await liveScreenshot(page, 'officer-iot-device');
    await closing(session, 'device map and page');
  } finally {
    await session.context.close();
  }
});

interface DeviceType {
  code: string;
  metrics: Array<{ key: string; min: number; max: number }>;
}

test('an officer acknowledges, with a note, an alarm raised on a device of their agency; the console shows it acknowledged', async () => {
  const base = server.baseUrl;
  const admin = await apiSession(base, 'system_admin');
  const officer = await apiSession(base, 'officer');
  const me = await json<{ user: { agencyId: string } }>(await fetch(`${base}/api/v1/me`, { headers: officer.read }));
  const types = await json<{ items: DeviceType[] }>(await fetch(`${base}/api/v1/iot/device-types`, { headers: admin.read }));
  const type = types.items.find((t) => t.metrics.length > 0)!;
  const metric = type.metrics[0]!;
  const layer = await json<{ features: Array<{ geometry: { coordinates: [number, number] } }> }>(await fetch(`${base}/api/v1/iot/devices?format=geojson`, { headers: admin.read }));
  const [lng, lat] = layer.features[0]!.geometry.coordinates;
  const code = `TEST-ACK-${Date.now() % 100000}`;
  const device = await json<{ token: string }>(
    await fetch(`${base}/api/v1/iot/devices`, { method: 'POST', headers: admin.write, body: JSON.stringify({ code, name: 'Trạm thử tiếp nhận cảnh báo', typeCode: type.code, lat, lng, ownerAgencyId: me.user.agencyId }) }),
  );
  const threshold = metric.min + (metric.max - metric.min) / 2;
  await json(
    await fetch(`${base}/api/v1/iot/rules`, {
      method: 'POST',
      headers: admin.write,
      body: JSON.stringify({
        name: { vi: 'Ngưỡng thử', en: 'Test threshold' },
        deviceCode: code,
        levels: [{ level: 2, severity: 'warning', label: { vi: 'Báo động II', en: 'Alarm II' }, condition: { metric: metric.key, op: 'gte', value: threshold } }],
        forSeconds: 0,
        enabled: true,
      }),
    }),
  );
  const sent = await fetch(`${base}/api/v1/iot/devices/${code}/telemetry`, {
    method: 'POST',
    headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ts: new Date().toISOString(), values: { [metric.key]: threshold + (metric.max - threshold) / 2 } }),
  });
  assert.ok(sent.status < 300, `telemetry accepted: ${sent.status}`);
  // The reading is batched, stored and evaluated; poll until the alarm exists.
  let alarm: { id: string; state: string } | undefined;
  for (const deadline = Date.now() + timeout; !alarm && Date.now() < deadline; ) {
    const list = await json<{ items: Array<{ id: string; state: string }> }>(await fetch(`${base}/api/v1/iot/alarms?device=${code}`, { headers: officer.read }));
    alarm = list.items[0];
    if (!alarm) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(alarm?.state, 'active');

  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    await signInThroughUi(page, base, 'officer');
    await page.goto(`${base}/can-bo/canh-bao`);
    await page.getByRole('heading', { level: 1, name: 'Bảng điều khiển cảnh báo' }).waitFor({ timeout });
    const card = page.locator(`[data-alarm="${alarm!.id}"]`);
    await card.waitFor({ timeout });
    assert.equal((await card.locator('.iot-level').textContent())?.trim(), 'Cấp II');
    await card.getByRole('button', { name: 'Tiếp nhận' }).click();
    await card.getByLabel('Ghi chú xử lý').fill('Đã cử tổ trực kiểm tra trạm.');
    await card.getByRole('button', { name: 'Xác nhận tiếp nhận' }).click();
    await card.getByText('Đã tiếp nhận', { exact: true }).waitFor({ timeout });
    await card.getByText('Đã cử tổ trực kiểm tra trạm.').first().waitFor({ timeout });
    // The alarm's history, opened on request: raised, then acknowledged.
    await card.getByText('Diễn biến cảnh báo').click();
    await card.locator('.iot-history li', { hasText: 'được tiếp nhận' }).waitFor({ timeout });
    assert.match((await card.locator('.iot-history li').first().textContent()) ?? '', /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} — phát sinh \(Cấp II\)/);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at 360 px');
    await liveScreenshot(page, 'officer-iot-alarms');
    await closing(session, 'alarm console');
  } finally {
    await session.context.close();
  }
  const after = await json<{ alarm: { state: string; ackNote: string | null }; history: Array<{ kind: string }> }>(await fetch(`${base}/api/v1/iot/alarms/${alarm!.id}`, { headers: officer.read }));
  assert.equal(after.alarm.state, 'acknowledged');
  assert.equal(after.alarm.ackNote, 'Đã cử tổ trực kiểm tra trạm.');
  assert.ok(after.history.some((e) => e.kind === 'acknowledged'), 'the acknowledgement is in the alarm history');
});
