// Public services for citizens on a 360 px phone: the catalog found without diacritics, online
// filing of a birth registration from the procedure's own form (the draft surviving a reload), and
// public tracking by code that shows the status but no personal data until the phone number matches.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/platform/identity/demo-accounts.js';
import { apiSession, launchBrowser, openSession, PHONE, screenshot, signInThroughUi, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;

before(async () => {
  // The dossiers these tests read are made here, not taken from the generated demo year.
  [server, browser] = await Promise.all([startServer({ env: { SERVICES_DEMO_DOSSIERS: '0' } }), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const timeout = 15_000;
const BIRTH = '1.001193';
const WARD = '18880'; // Phường Đồng Hới, where the demo ward officer receives
const visible = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'visible', timeout });
const noSideways = async (page: Page) => assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= PHONE.width, 'the page scrolls sideways');

/** The smallest file the platform's type sniffing takes as a PDF. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const FORM = { hoTen: 'Lê Minh Khang', ngaySinh: '2025-11-20', gioiTinh: 'Nam', noiSinh: 'Bệnh viện Đa khoa tỉnh', danToc: 'Kinh', quocTich: 'Việt Nam', hoTenMe: 'Đặng Thị Mai' };

test('a search without diacritics finds "Đăng ký khai sinh" on a phone, and its page lists every part', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    await page.goto(`${server.baseUrl}/dich-vu-cong`);
    await page.getByLabel('Tên, mã hoặc lĩnh vực thủ tục').fill('dang ky khai sinh');
    await page.getByLabel('Tên, mã hoặc lĩnh vực thủ tục').press('Enter');
    await visible(page, 'Kết quả cho "dang ky khai sinh"');
    const link = page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true });
    await link.waitFor({ timeout });
    await noSideways(page);
    await screenshot(page, 'visitor', 'ps-catalog');
    await link.click();
    await page.getByRole('heading', { name: 'Đăng ký khai sinh', level: 1 }).waitFor({ timeout });
    for (const part of ['Thông tin chung', 'Trình tự thực hiện', 'Thành phần hồ sơ', 'Phí, lệ phí', 'Căn cứ pháp lý']) await page.getByRole('heading', { name: part }).waitFor({ timeout });
    await visible(page, 'Giấy chứng sinh');
    await visible(page, 'Luật Hộ tịch');
    assert.ok(await page.getByRole('link', { name: 'Nộp trực tuyến' }).first().isVisible());
    await noSideways(page);
    await screenshot(page, 'visitor', 'ps-procedure');
    assert.deepEqual(session.takeProblems(), []);
  } finally {
    await session.context.close();
  }
});

test('a citizen files a birth registration on a phone: the form comes from the schema, the draft survives a reload, the dossier says it was submitted', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    await signInThroughUi(page, server.baseUrl, 'citizen');
    await page.goto(`${server.baseUrl}/dich-vu-cong/nop/${BIRTH}`);
    // Labels and required marks come from the procedure's JSON Schema.
    await page.getByRole('textbox', { name: 'Họ, chữ đệm và tên người được khai sinh (bắt buộc)' }).fill(FORM.hoTen);
    await page.getByLabel('Số định danh cá nhân (CCCD)').fill('001099012345');
    await page.getByLabel('Số điện thoại').fill('0912 345 678');
    await visible(page, /Đã lưu (trên máy này|bản nháp) lúc/);
    await page.reload();
    await visible(page, 'Đã mở lại bản nháp bạn đang khai dở.');
    assert.equal(await page.getByLabel('Số định danh cá nhân (CCCD)').inputValue(), '001099012345');
    assert.equal(await page.getByRole('textbox', { name: /người được khai sinh/ }).inputValue(), FORM.hoTen);

    // Submitting too early lists every missing item at once.
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await visible(page, /Còn \d+ mục cần sửa trước khi nộp/);

    await page.getByLabel('Xã, phường, đặc khu').selectOption(WARD);
    await page.getByLabel(/Ngày, tháng, năm sinh/).fill(FORM.ngaySinh);
    await page.getByLabel(/Giới tính/).selectOption(FORM.gioiTinh);
    await page.getByLabel(/Nơi sinh/).fill(FORM.noiSinh);
    await page.locator('#ps-form-danToc').fill(FORM.danToc);
    await page.locator('#ps-form-quocTich').fill(FORM.quocTich);
    await page.getByLabel(/tên người mẹ/).fill(FORM.hoTenMe);
    // The declaration is the form above (filledByForm): no file picker for it.
    await visible(page, 'Điền trực tuyến ở bước trên');
    assert.equal(await page.locator('#ps-component-to-khai').count(), 0);
    await page.locator('#ps-component-giay-chung-sinh').setInputFiles({ name: 'chung-sinh.pdf', mimeType: 'application/pdf', buffer: PDF });
    await visible(page, 'Đã tải lên: chung-sinh.pdf');
    await noSideways(page);
    await screenshot(page, 'citizen', 'ps-filing');

    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/\/dich-vu-cong\/ho-so\/[0-9a-f-]{36}\?moi=1$/, { timeout });
    await visible(page, 'Đã nộp hồ sơ.');
    await visible(page, 'Mới đăng ký');
    await noSideways(page);
    await screenshot(page, 'citizen', 'ps-submitted');
    assert.deepEqual(session.takeProblems(), []);
  } finally {
    await session.context.close();
  }
});

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The officer of the Đồng Hới ward People's Committee, which receives the ward's dossiers. */
async function wardOfficer(): Promise<Record<string, string>> {
  const email = DEMO_ACCOUNTS.find((a) => a.agencyCode === `UBND-XA-${WARD}`)!.email;
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = await json<{ csrfToken: string }>(res);
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

/** Files a dossier over the API as the demo citizen and has the ward officer receive it. */
async function receivedDossier(applicant: { name: string; idNumber: string; phone: string }): Promise<{ id: string; code: string }> {
  const citizen = await apiSession(server.baseUrl, 'citizen');
  const base = `${server.baseUrl}/api/v1/dossiers`;
  const draft = await json<{ id: string }>(await fetch(`${base}/drafts`, { method: 'POST', headers: citizen.write, body: JSON.stringify({ procedureCode: BIRTH, communeCode: WARD }) }));
  const { 'content-type': _json, ...multipart } = citizen.write;
  for (const code of ['to-khai', 'giay-chung-sinh']) {
    const form = new FormData();
    form.append('componentCode', code);
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), `${code}.pdf`);
    await json(await fetch(`${base}/drafts/${draft.id}/components`, { method: 'POST', headers: multipart, body: form }));
  }
  const current = await json<{ version: number }>(await fetch(`${base}/${draft.id}`, { headers: citizen.read }));
  const body = { applicantKind: 'citizen', applicant, onBehalf: false, formData: FORM, communeCode: WARD, version: current.version };
  await json(await fetch(`${base}/drafts/${draft.id}`, { method: 'PUT', headers: citizen.write, body: JSON.stringify(body) }));
  await json(await fetch(`${base}/drafts/${draft.id}/submit`, { method: 'POST', headers: citizen.write, body: '{}' }));
  const received = await json<{ code: string }>(await fetch(`${base}/${draft.id}/receive`, { method: 'POST', headers: await wardOfficer(), body: '{}' }));
  return { id: draft.id, code: received.code };
}

test('tracking a dossier by its code shows its status and no personal data; the phone number unlocks the name and the receipt', async () => {
  const applicant = { name: 'Hoàng Thị Tra Cứu', idNumber: '044199001234', phone: '0987654321' };
  const { code } = await receivedDossier(applicant);
  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    await page.goto(`${server.baseUrl}/dich-vu-cong/tra-cuu`);
    await page.getByLabel('Mã hồ sơ').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForURL(new RegExp(`/dich-vu-cong/tra-cuu/${code}$`), { timeout });
    await visible(page, 'Trạng thái:');
    await visible(page, 'Đăng ký khai sinh');
    await visible(page, 'Ngày hẹn trả kết quả');
    const publicText = await page.locator('main').innerText();
    for (const secret of [applicant.name, applicant.idNumber, applicant.phone, FORM.hoTen, FORM.hoTenMe]) assert.ok(!publicText.includes(secret), `the public page shows ${secret}`);
    await noSideways(page);
    await screenshot(page, 'visitor', 'ps-tracking');

    await page.getByLabel('Số điện thoại của chủ hồ sơ').fill(applicant.phone);
    await page.getByRole('button', { name: 'Xác minh' }).click();
    await visible(page, applicant.name);
    const receipt = page.getByRole('link', { name: /Giấy tiếp nhận hồ sơ và hẹn trả kết quả/ });
    await receipt.waitFor({ timeout });
    const href = await receipt.getAttribute('href');
    const pdf = await fetch(new URL(href!, server.baseUrl));
    assert.equal(pdf.status, 200);
    assert.match(pdf.headers.get('content-type') ?? '', /pdf/);
    assert.deepEqual(session.takeProblems(), []);
  } finally {
    await session.context.close();
  }
});

test('the applicant pays the fee through the demo payment gateway on a phone: its page says no real money moves, and the dossier shows the fee paid', async () => {
  // A late birth registration owes the 8,000 đ fee (no exemption chosen), and the procedure takes online payment.
  const { id, code } = await receivedDossier({ name: 'Phan Văn Thanh Toán', idNumber: '044199005678', phone: '0911222333' });
  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    await signInThroughUi(page, server.baseUrl, 'citizen');
    await page.goto(`${server.baseUrl}/dich-vu-cong/ho-so/${id}`);
    await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
    await page.waitForURL(/\/dich-vu-cong\/thanh-toan\/demo\?token=/, { timeout });
    await page.getByTestId('demo-gateway-label').waitFor({ timeout });
    await visible(page, code);
    await visible(page, /8\.000/);
    await noSideways(page);
    await screenshot(page, 'citizen', 'ps-demo-gateway');
    await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    await visible(page, /Đã thanh toán 8\.000/);
    await page.getByRole('link', { name: 'Quay lại hồ sơ' }).click();
    await page.waitForURL(new RegExp(`/dich-vu-cong/ho-so/${id}`), { timeout });
    await visible(page, 'Đã thanh toán');
    assert.equal(await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).count(), 0, 'nothing is left to pay');
    const payment = (await (await page.request.get(`${server.baseUrl}/api/v1/dossiers/${id}/payment`)).json()) as { status: string; payments: Array<{ method: string }> };
    assert.equal(payment.status, 'paid');
    assert.deepEqual(payment.payments.map((p) => p.method), ['gateway']);
    assert.deepEqual(session.takeProblems(), []);
  } finally {
    await session.context.close();
  }
});

