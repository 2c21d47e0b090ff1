// One-stop public services end to end. A citizen on a 360 px phone finds "Đăng ký khai sinh" by
// typing it without diacritics, files it online with an attachment and, once the ward's one-stop
// officer receives it, has the receipt with its code and due date. The officer asks for a
// supplement (the clock pauses), the citizen provides it, the officer passes the dossier on to Sở
// Xây dựng (liên thông); that agency's officer accepts the transfer, moves it through appraisal and
// signature and issues the result, and the ward's one-stop counter returns it. The citizen tracks it by code, pays the fee by VietQR (the bank
// transfer arrives through the reconciliation import, as a bank statement would), downloads the
// result and rates the service; a leader reads it without acting; the public statistics count it and
// name nobody.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/platform/identity/demo-accounts.js';
import { apiSession, launchBrowser, openSession, PHONE, screenshot, startServer, type Server, type Session } from './harness.js';

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
const DESK = { width: 1366, height: 900 };
const CITIZEN = DEMO_ACCOUNTS.find((a) => a.role === 'citizen')!;
/** The ward's one-stop officer: commune-level procedures at Phường Đồng Hới are received there. */
const WARD_OFFICER = DEMO_ACCOUNTS.find((a) => a.email.startsWith('canbo.xa@'))!;
/** The agency the ward passes the dossier on to (liên thông), and its officer. */
const TRANSFER_AGENCY = 'Sở Xây dựng';
const TRANSFER_OFFICER = DEMO_ACCOUNTS.find((a) => a.email.startsWith('canbo@'))!;
const PHONE_NUMBER = '0912345678';
const CHILD = 'Nguyễn Thị Mai Anh';
const DOSSIER_CODE = /[A-Z0-9-]*\d{6}-\d{3,}/;

const visible = (page: Page, text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'visible', timeout });
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor({ timeout });

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${server.baseUrl}/dang-nhap`);
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/dang-nhap', { timeout }), page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()]);
}

/** No console errors, page errors or requests off the machine since the last screen, except those expected. */
async function closing(session: Session, label: string, expected: RegExp[] = []): Promise<void> {
  assert.deepEqual(
    session.takeProblems().filter((p) => !expected.some((re) => re.test(p))),
    [],
    label,
  );
}

/** A one-page PDF, enough for the upload checks (the type is sniffed from the bytes). */
function pdf(text: string): Buffer {
  const body = `BT /F1 12 Tf 40 100 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

interface Figures {
  received: number;
  finished: number;
  returned: number;
  satisfaction: { evaluations: number };
}
/** The province's figures for this year so far, as the statistics page asks by default. */
const thisYear = () => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
};
/** The province's monthly report totals for this month (carried over, new, finished, pending), as a leader reads them. */
interface MonthTotals {
  carriedOver: number;
  new: { total: number };
  finished: { total: number };
  pending: { total: number };
}
const thisMonth = () => thisYear().to.slice(0, 7);
async function monthlyTotals(): Promise<MonthTotals> {
  const leader = await apiSession(server.baseUrl, 'leader');
  const res = await fetch(`${server.baseUrl}/api/v1/public-services/reports/monthly?month=${thisMonth()}`, { headers: leader.read });
  assert.equal(res.status, 200);
  return ((await res.json()) as { totals: MonthTotals }).totals;
}

async function provinceStats(): Promise<Figures> {
  const { from, to } = thisYear();
  const res = await fetch(`${server.baseUrl}/api/v1/public-services/stats?from=${from}&to=${to}`);
  assert.equal(res.status, 200);
  return ((await res.json()) as { totals: Figures }).totals;
}

/** The citizen finds the procedure without diacritics and files it with the birth certificate attached; returns the dossier's id. */
async function fileOnline(session: Session): Promise<string> {
  const { page } = session;
  await signIn(page, CITIZEN.email);
  await page.goto(`${server.baseUrl}/dich-vu-cong`);
  await heading(page, 'Dịch vụ công trực tuyến');
  await page.getByLabel('Tên, mã hoặc lĩnh vực thủ tục').fill('dang ky khai sinh');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).first().click();
  await heading(page, 'Đăng ký khai sinh');
  await screenshot(page, 'citizen', 'ps-procedure');
  await Promise.all([page.waitForURL(/\/dich-vu-cong\/nop\/1\.001193$/, { timeout }), page.getByRole('link', { name: 'Nộp trực tuyến' }).first().click()]);
  await page.getByRole('heading', { name: 'Tờ khai', exact: true }).waitFor({ timeout });

  // The applicant's details come from the account; the phone is added for tracking.
  assert.equal(await page.locator('#ps-applicant-name').inputValue(), CITIZEN.fullName);
  await page.locator('#ps-applicant-phone').fill(PHONE_NUMBER);
  await page.locator('#ps-applicant-idNumber').fill('044095001234');
  await page.locator('#ps-applicant-address').fill('12 Quang Trung, Phường Đồng Hới');
  await page.locator('#ps-commune').selectOption({ label: 'Phường Đồng Hới' });
  await page.getByLabel('Họ, chữ đệm và tên người được khai sinh').fill(CHILD);
  await page.getByLabel('Ngày, tháng, năm sinh').fill('2026-11-20');
  await page.getByLabel('Giới tính').selectOption('Nữ');
  await page.getByLabel('Nơi sinh (cơ sở y tế hoặc địa chỉ)').fill('Bệnh viện Hữu nghị Việt Nam - Cu Ba Đồng Hới');
  await page.getByLabel('Dân tộc', { exact: false }).first().fill('Kinh');
  await page.getByLabel('Quốc tịch', { exact: false }).first().fill('Việt Nam');
  await page.getByLabel('Họ, chữ đệm và tên người mẹ').fill('Trần Thị Hoa');
  // The declaration is the form filled in above; the birth certificate is a file, as the procedure asks.
  await visible(page, 'Điền trực tuyến ở bước trên');
  await page.locator('#ps-component-giay-chung-sinh').setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: pdf('Giay chung sinh') });
  await visible(page, /Đã tải lên: giay-chung-sinh\.pdf/);
  await screenshot(page, 'citizen', 'ps-filing');
  await Promise.all([page.waitForURL(/\/dich-vu-cong\/ho-so\/[0-9a-f-]{36}/, { timeout }), page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click()]);
  await visible(page, 'Đã nộp hồ sơ.');
  await visible(page, 'Mới đăng ký');
  const id = /\/ho-so\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await closing(session, 'citizen files online');
  return id;
}

/** The ward officer finds the new dossier in "to receive" and receives it; returns its code. */
async function receive(session: Session, id: string): Promise<string> {
  const { page } = session;
  await signIn(page, WARD_OFFICER.email);
  await page.goto(`${server.baseUrl}/can-bo`);
  await page.getByRole('link', { name: 'Mở hàng hồ sơ' }).click();
  await heading(page, 'Hồ sơ thủ tục hành chính');
  await page.getByRole('button', { name: 'Chờ tiếp nhận' }).waitFor({ timeout });
  await page.getByLabel('Tìm theo mã hồ sơ, tên thủ tục, người nộp').fill(CITIZEN.fullName);
  const row = page.locator('tr', { hasText: CITIZEN.fullName }).filter({ hasText: 'Đăng ký khai sinh' });
  await row.first().waitFor({ timeout });
  await screenshot(page, 'officer', 'ps-queue');
  await page.goto(`${server.baseUrl}/can-bo/ho-so/${id}`);
  await heading(page, 'Hồ sơ chưa tiếp nhận');
  // Staff see the applicant and the form; the attachment opens from the desk.
  await visible(page, PHONE_NUMBER);
  await visible(page, CHILD);
  await page.getByRole('link', { name: 'Mở tệp' }).first().waitFor({ timeout });
  await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
  await page.getByRole('button', { name: 'Xác nhận tiếp nhận' }).click();
  await visible(page, 'Đã tiếp nhận hồ sơ.');
  await page.getByRole('heading', { level: 1, name: DOSSIER_CODE }).waitFor({ timeout });
  const code = DOSSIER_CODE.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')![0];
  await page.getByRole('link', { name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)' }).waitFor({ timeout });
  await screenshot(page, 'officer', 'ps-received');
  await closing(session, 'officer receives');
  return code;
}

/** Back on the phone: the receipt's code, the due date dd/mm/yyyy and Mẫu 01. */
async function citizenSeesReceipt(session: Session, id: string, code: string): Promise<void> {
  const { page } = session;
  await page.goto(`${server.baseUrl}/dich-vu-cong/ho-so/${id}`);
  await visible(page, code);
  await visible(page, /Giấy tiếp nhận hồ sơ và hẹn trả kết quả \(Mẫu 01\)/);
  assert.match((await page.locator('main').textContent()) ?? '', /\d{2}\/\d{2}\/\d{4}/);
  await screenshot(page, 'citizen', 'ps-receipt');
  await closing(session, 'citizen sees the receipt');
}

async function act(page: Page, action: string, confirm: string | RegExp, fill?: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  if (fill) await fill();
  await page.getByRole('button', { name: confirm }).click();
}

async function requestSupplement(session: Session, id: string): Promise<void> {
  const { page } = session;
  await page.goto(`${server.baseUrl}/can-bo/ho-so/${id}`);
  await page.getByRole('button', { name: 'Phân công', exact: true }).click();
  await page.getByRole('button', { name: 'Nhận xử lý (giao cho tôi)' }).click();
  await visible(page, 'Đã phân công.');
  await act(page, 'Yêu cầu bổ sung', /Xác nhận: Yêu cầu bổ sung/, async () => {
    await visible(page, 'Thời hạn giải quyết tạm dừng từ lúc yêu cầu đến khi người nộp bổ sung xong.');
    await page.getByLabel('Giấy tờ cần bổ sung').fill('Giấy chứng sinh bản rõ nét, đủ chữ ký và dấu của cơ sở y tế');
    await page.getByLabel('Lý do').fill('Bản đã nộp bị mờ, không đọc được số giấy chứng sinh.');
  });
  await visible(page, 'Đã yêu cầu bổ sung');
  await visible(page, 'Yêu cầu bổ sung giấy tờ');
  await closing(session, 'officer requests a supplement');
}

async function supplement(session: Session, id: string): Promise<void> {
  const { page } = session;
  await page.goto(`${server.baseUrl}/dich-vu-cong/ho-so/${id}`);
  await page.getByRole('heading', { name: 'Bổ sung giấy tờ' }).waitFor({ timeout });
  await visible(page, 'Giấy chứng sinh bản rõ nét');
  await page.locator('#ps-supp-giay-chung-sinh').setInputFiles({ name: 'giay-chung-sinh-ro.pdf', mimeType: 'application/pdf', buffer: pdf('Giay chung sinh ro net') });
  await page.getByLabel('Ghi chú gửi cơ quan giải quyết').fill('Gửi bản quét rõ nét.');
  await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
  await visible(page, 'Đang xử lý');
  await screenshot(page, 'citizen', 'ps-supplemented');
  await closing(session, 'citizen supplements');
}

/**
 * The ward officer checks the supplement and passes the dossier on (liên thông) to Sở Xây dựng for
 * appraisal, after the server refuses a step longer than allowed; the ward can no longer act on it.
 */
async function transferOut(session: Session, id: string): Promise<void> {
  const { page } = session;
  await page.goto(`${server.baseUrl}/can-bo/ho-so/${id}`);
  // The supplemented birth certificate is listed as added later.
  await page.locator('li', { hasText: 'Giấy chứng sinh' }).filter({ hasText: 'Nộp khi: Bổ sung' }).first().waitFor({ timeout });
  // A refusal from the server is shown in both languages (here: more hours than a step may take).
  await page.getByRole('button', { name: 'Chuyển liên thông', exact: true }).click();
  await page.locator('#ps-transfer-agency').selectOption({ label: TRANSFER_AGENCY });
  await page.getByLabel('Thời gian cho bước này (giờ làm việc)').fill('5000');
  await page.getByLabel('Nội dung chuyển').fill('Chuyển thẩm định hồ sơ.');
  await page.getByRole('button', { name: /Xác nhận: Chuyển liên thông/ }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'Dữ liệu gửi lên không hợp lệ.' });
  await problem.waitFor({ timeout });
  await problem.locator('[lang=en]', { hasText: 'The request data is not valid.' }).waitFor({ timeout });
  // Within the limit the same form goes through.
  await page.getByLabel('Thời gian cho bước này (giờ làm việc)').fill('16');
  await page.getByRole('button', { name: /Xác nhận: Chuyển liên thông/ }).click();
  await visible(page, 'Đã chuyển liên thông.');
  // Now with the other agency: the ward still reads it but may neither advance it nor pass it on again.
  await page.reload();
  await page.getByRole('heading', { name: 'Xử lý hồ sơ' }).waitFor({ timeout });
  await visible(page, 'Đã chuyển liên thông');
  assert.equal(await page.getByRole('button', { name: 'Chuyển bước', exact: true }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Chuyển liên thông', exact: true }).count(), 0);
  await screenshot(page, 'officer', 'ps-transferred');
  // The one refusal asked for above.
  await closing(session, 'ward officer transfers', [/status of 400 \(Bad Request\) \(.*\/transfer\)$/]);
}

/**
 * Sở Xây dựng's officer finds the dossier under "Liên thông đến", accepts the handover, moves it
 * through appraisal and signature and issues the result.
 */
async function acceptAndDecide(session: Session, id: string, code: string): Promise<void> {
  const { page } = session;
  await signIn(page, TRANSFER_OFFICER.email);
  await page.goto(`${server.baseUrl}/can-bo/ho-so`);
  await heading(page, 'Hồ sơ thủ tục hành chính');
  await page.getByRole('button', { name: 'Liên thông đến', exact: true }).click();
  await page.getByRole('link', { name: code }).waitFor({ timeout });
  await screenshot(page, 'officer', 'ps-transferred-queue');
  await Promise.all([page.waitForURL(new RegExp(`/can-bo/ho-so/${id}$`), { timeout }), page.getByRole('link', { name: code }).click()]);
  await heading(page, `Hồ sơ ${code}`);
  await act(page, 'Nhận hồ sơ liên thông', /Xác nhận: Nhận hồ sơ liên thông/, async () => {
    await page.getByLabel(/Ý kiến xử lý/).fill('Sở Xây dựng nhận hồ sơ để thẩm định.');
  });
  await visible(page, 'Đã nhận hồ sơ liên thông.');
  for (const step of ['Đang thẩm định', 'Chờ ký duyệt', 'Đã ký']) {
    await act(page, 'Chuyển bước', /Xác nhận: Chuyển bước/, async () => {
      await page.getByLabel('Bước tiếp theo').selectOption({ label: step });
      await page.getByLabel('Ý kiến xử lý (nội bộ)').fill(`${step}: đủ điều kiện.`);
    });
    await visible(page, 'Đã chuyển bước.');
  }
  await act(page, 'Ban hành kết quả', /Xác nhận: Ban hành kết quả/, async () => {
    await page.getByLabel('Số văn bản').fill('125/GKS');
    await page.getByLabel('Nội dung văn bản').fill(`Đăng ký khai sinh cho ${CHILD}, sinh ngày 20/11/2026.`);
  });
  await visible(page, 'Đã ban hành kết quả.');
  await visible(page, 'Đã xử lý xong');
  await page.getByRole('link', { name: 'Kết quả giải quyết' }).waitFor({ timeout });
  await screenshot(page, 'officer', 'ps-decided');
  await closing(session, 'the other agency accepts and decides');
}

/** The ward's one-stop counter, which received the dossier, hands the result back. */
async function returnResult(session: Session, id: string): Promise<void> {
  const { page } = session;
  await page.goto(`${server.baseUrl}/can-bo/ho-so/${id}`);
  await visible(page, 'Đã xử lý xong');
  await act(page, 'Trả kết quả', /Xác nhận: Trả kết quả/, async () => {
    await page.getByLabel('Hình thức trả').selectOption('online');
  });
  await visible(page, 'Đã trả kết quả.');
  await screenshot(page, 'officer', 'ps-returned');
  await closing(session, 'ward officer returns');
}

/** The bank's statement line for the citizen's VietQR transfer, imported by the system administrator. */
async function bankTransferArrives(content: string, amount: number): Promise<void> {
  const admin = await apiSession(server.baseUrl, 'system_admin');
  const res = await fetch(`${server.baseUrl}/api/v1/payments/bank-transfers/import`, {
    method: 'POST',
    headers: admin.write,
    body: JSON.stringify({ lines: [{ bank_ref: `FT${Date.now()}`, amount, description: `CT DEN:0123 ${content}`, received_at: new Date().toISOString() }] }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal(((await res.json()) as { matched: number }).matched, 1);
}

async function trackPayDownloadRate(session: Session, id: string, code: string): Promise<void> {
  const { page } = session;
  // Anyone can track by code; the page shows no personal data.
  await page.goto(`${server.baseUrl}/dich-vu-cong/tra-cuu`);
  await page.getByLabel('Mã hồ sơ').fill(code);
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await heading(page, `Hồ sơ ${code}`);
  await visible(page, 'Đã trả kết quả');
  const publicText = (await page.locator('main').textContent()) ?? '';
  assert.ok(!publicText.includes(CITIZEN.fullName) && !publicText.includes(PHONE_NUMBER), 'the tracking page names nobody before verification');
  await screenshot(page, 'citizen', 'ps-track');

  // Pay by VietQR from the dossier page: the QR and the transfer content to match.
  await page.goto(`${server.baseUrl}/dich-vu-cong/ho-so/${id}`);
  await page.getByRole('img', { name: /Mã VietQR chuyển/ }).waitFor({ timeout });
  const payment = (await (await page.request.get(`${server.baseUrl}/api/v1/dossiers/${id}/payment`)).json()) as { amount: number | string; vietqr: { purpose: string } };
  await visible(page, payment.vietqr.purpose);
  await screenshot(page, 'citizen', 'ps-vietqr');
  await bankTransferArrives(payment.vietqr.purpose, Number(payment.amount));
  await page.reload();
  await visible(page, 'Đã thanh toán');

  // The result downloads as a PDF.
  const link = page.getByRole('link', { name: /Kết quả giải quyết/ }).first();
  const href = await link.getAttribute('href');
  assert.ok(href, 'a link to the result');
  const file = await page.request.get(new URL(href, server.baseUrl).href);
  assert.equal(file.status(), 200);
  assert.equal((await file.body()).subarray(0, 5).toString('latin1'), '%PDF-');

  // One evaluation per dossier.
  await page.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }).waitFor({ timeout });
  for (const group of ['Nhìn chung, bạn hài lòng với việc giải quyết hồ sơ?', 'Thời gian giải quyết', 'Số lần phải liên hệ, đi lại', 'Thái độ của cán bộ']) {
    await page.getByRole('group', { name: group }).getByRole('radio', { name: 'Rất hài lòng' }).check();
  }
  await page.getByRole('group', { name: 'Hướng dẫn rõ ràng, dễ hiểu' }).getByRole('radio', { name: 'Hài lòng', exact: true }).check();
  await page.getByLabel('Góp ý thêm (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình.');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await visible(page, 'Cảm ơn bạn đã đánh giá.');
  await screenshot(page, 'citizen', 'ps-rated');
  await closing(session, 'citizen tracks, pays, downloads and rates');
}

/** A leader reads the province's queue and the dossier, with nothing to act on. */
async function leaderReads(session: Session, id: string, code: string): Promise<void> {
  const { page } = session;
  await signIn(page, DEMO_ACCOUNTS.find((a) => a.role === 'leader')!.email);
  await page.goto(`${server.baseUrl}/can-bo/ho-so`);
  await visible(page, 'Bạn xem hồ sơ toàn tỉnh, chỉ đọc.');
  assert.equal(await page.getByRole('link', { name: 'Tiếp nhận hồ sơ tại quầy' }).count(), 0);
  await page.goto(`${server.baseUrl}/can-bo/ho-so/${id}`);
  await heading(page, `Hồ sơ ${code}`);
  await visible(page, 'Bạn chỉ được xem hồ sơ này.');
  assert.equal(await page.getByRole('heading', { name: 'Xử lý hồ sơ' }).count(), 0);
  await screenshot(page, 'leader', 'ps-desk');
  await closing(session, 'leader reads');
}

/** The leader downloads this month's report as Excel: its totals row counts the dossier and balances. */
async function excelReportCountsIt(session: Session, earlier: MonthTotals): Promise<void> {
  const { page } = session;
  await page.goto(`${server.baseUrl}/can-bo/ho-so/bao-cao`);
  await heading(page, 'Báo cáo tình hình giải quyết hồ sơ');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), page.getByRole('link', { name: 'Tải Excel' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  let totals: number[] | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === 'Tổng cộng') totals = [3, 4, 8, 12].map((c) => Number(row.getCell(c).value));
  });
  assert.ok(totals, 'the workbook has a totals row');
  const [carried, received, finished, pending] = totals;
  assert.equal(carried! + received!, finished! + pending!, 'carried over + new = finished + pending');
  assert.ok(received! >= earlier.new.total + 1, 'the dossier is counted as new this month');
  assert.ok(finished! >= earlier.finished.total + 1, 'and as finished');
  const now = await monthlyTotals();
  assert.deepEqual([carried, received, finished, pending], [now.carriedOver, now.new.total, now.finished.total, now.pending.total], 'the workbook says what the report says');
  await closing(session, 'monthly report in Excel');
}

async function statisticsCountIt(session: Session, earlier: Figures): Promise<void> {
  const { page } = session;
  const later = await provinceStats();
  // This dossier: received, finished, returned and rated (other tests may add more, never fewer).
  assert.ok(later.received >= earlier.received + 1, 'received counted');
  assert.ok(later.finished >= earlier.finished + 1, 'finished counted');
  assert.ok(later.returned >= earlier.returned + 1, 'returned counted');
  assert.ok(later.satisfaction.evaluations >= earlier.satisfaction.evaluations + 1, 'evaluation counted');
  await page.goto(`${server.baseUrl}/dich-vu-cong/thong-ke`);
  await heading(page, 'Thống kê dịch vụ công');
  const received = page.locator('.st-figure').filter({ has: page.locator('.st-figure__label', { hasText: /^Hồ sơ tiếp nhận$/ }) }).locator('.st-figure__value');
  await received.waitFor({ timeout });
  assert.equal((await received.textContent())?.trim(), new Intl.NumberFormat('vi-VN').format(later.received));
  await page.locator('caption', { hasText: 'Chỉ số đánh giá theo Quyết định 766/QĐ-TTg' }).waitFor({ timeout });
  await page.locator('caption', { hasText: 'Kết quả giải quyết theo cơ quan' }).waitFor({ timeout });
  await visible(page, 'Ủy ban nhân dân phường Đồng Hới');
  const text = (await page.locator('main').textContent()) ?? '';
  assert.ok(!text.includes(CITIZEN.fullName) && !text.includes(PHONE_NUMBER) && !text.includes(CHILD), 'the statistics page names nobody');
  await screenshot(page, 'citizen', 'ps-stats');
  await closing(session, 'public statistics');
}

test('a birth registration from the phone to the returned, paid and rated result, counted in the public statistics and the Excel monthly report', async () => {
  const earlier = await provinceStats();
  const earlierMonth = await monthlyTotals();
  const citizen = await openSession(browser, PHONE);
  const officer = await openSession(browser, DESK);
  try {
    const id = await fileOnline(citizen);
    const code = await receive(officer, id);
    await citizenSeesReceipt(citizen, id, code);
    await requestSupplement(officer, id);
    await supplement(citizen, id);
    await transferOut(officer, id);
    const other = await openSession(browser, DESK);
    try {
      await acceptAndDecide(other, id, code);
    } finally {
      await other.context.close();
    }
    await returnResult(officer, id);
    await trackPayDownloadRate(citizen, id, code);
    const leader = await openSession(browser, PHONE);
    try {
      await leaderReads(leader, id, code);
      await excelReportCountsIt(leader, earlierMonth);
    } finally {
      await leader.context.close();
    }
    await statisticsCountIt(citizen, earlier);
  } finally {
    await citizen.context.close();
    await officer.context.close();
  }
});

test('at the counter on a phone: the ward officer finds the procedure without diacritics, records the paper dossier and prints the receipt', async () => {
  const session = await openSession(browser, PHONE);
  const { page } = session;
  try {
    await signIn(page, WARD_OFFICER.email);
    await page.goto(`${server.baseUrl}/can-bo/ho-so/tiep-nhan`);
    await heading(page, 'Tiếp nhận hồ sơ tại quầy');
    await page.getByLabel('Tìm thủ tục (có dấu hoặc không dấu)').fill('dang ky khai sinh');
    await page.getByRole('button', { name: 'Chọn: Đăng ký khai sinh', exact: true }).click();
    await visible(page, 'Đã chọn: Đăng ký khai sinh');
    await page.getByLabel('Kênh tiếp nhận').selectOption('counter');
    await page.locator('#ps-counter-name').fill('Lê Thị Thu');
    await page.locator('#ps-counter-idNumber').fill('044190001111');
    await page.locator('#ps-counter-phone').fill('0911222333');
    // A ward officer's commune is filled in from their agency.
    assert.equal(await page.getByLabel('Mã xã, phường nơi giải quyết (thủ tục cấp xã)').inputValue(), '18880');
    // Required components start ticked; the declaration was scanned.
    await page.getByRole('checkbox', { name: 'Đã số hóa (quét)' }).first().check();
    await page.getByLabel('Họ, chữ đệm và tên người được khai sinh').fill('Lê Văn Nam');
    await page.getByLabel('Ngày, tháng, năm sinh').fill('01/11/2026');
    await page.getByLabel('Giới tính').selectOption('Nam');
    await page.getByLabel('Nơi sinh (cơ sở y tế hoặc địa chỉ)').fill('Trạm y tế phường Đồng Hới');
    await page.getByLabel('Dân tộc', { exact: true }).fill('Kinh');
    await page.getByLabel('Quốc tịch', { exact: true }).fill('Việt Nam');
    await page.getByLabel('Họ, chữ đệm và tên người mẹ').fill('Lê Thị Thu');
    await screenshot(page, 'officer', 'ps-counter');
    await page.getByRole('button', { name: 'Tiếp nhận và cấp mã hồ sơ' }).click();
    await visible(page, /Đã tiếp nhận hồ sơ .+\./);
    const code = DOSSIER_CODE.exec((await page.locator('.ps-big-code').textContent()) ?? '')![0];
    await visible(page, /Ngày hẹn trả kết quả: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    const receipt = await page.getByRole('link', { name: 'In giấy tiếp nhận (Mẫu 01)' }).getAttribute('href');
    const pdfResponse = await page.request.get(new URL(receipt!, server.baseUrl).href);
    assert.equal(pdfResponse.status(), 200);
    assert.equal((await pdfResponse.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    await screenshot(page, 'officer', 'ps-counter-done');
    // The dossier is in the agency's queue under its code.
    await page.goto(`${server.baseUrl}/can-bo/ho-so?tab=agency`);
    await page.getByRole('link', { name: code }).waitFor({ timeout });
    await closing(session, 'counter intake');
  } finally {
    await session.context.close();
  }
});
