import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signInAs, type SignedIn } from '../../../platform/testing/sign-in.js';
import { todayInVietnam } from '../../../platform/calendar/index.js';
import { XLSX_COLUMNS, XLSX_FIRST_DATA_ROW } from './monthly-xlsx.js';
import type { MonthlyReport, ReportFigures } from './monthly-report.js';
import { publicServicesOverview } from './overview.js';
import { pendingTotal } from './pending.js';
import { publicStats } from './public-stats.js';
import { seedDataset, type SeededDataset } from './test-support.js';

let t: TestPlatform;
let data: SeededDataset;
let citizen: SignedIn;
let officer: SignedIn;
let leader: SignedIn;
let admin: SignedIn;
before(async () => {
  t = await createTestPlatform();
  data = await seedDataset(t.ctx, 'RTE');
  citizen = await signInAs(t.app, 'citizen');
  officer = await signInAs(t.app, 'officer');
  leader = await signInAs(t.app, 'leader');
  admin = await signInAs(t.app, 'system_admin');
});
after(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
/** What the seeded applicant wrote: none of it may reach a statistic. */
const PERSONAL = ['Nguyễn Văn Bình', '044090001234', '0912345678', 'binh@example.vn', 'Lý Thường Kiệt', 'Cần cấp bản chính'];
const assertNoPersonalData = (body: string) => {
  for (const value of PERSONAL) assert.ok(!body.includes(value), `"${value}" must not appear`);
};

test('public statistics of the seeded agency for March 2026: receipts by channel, early / on time / late, satisfaction, with a short public cache', async () => {
  const res = await get(`/api/v1/public-services/stats?from=2026-03-01&to=2026-03-31&agencyId=${data.agencyId}`);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['cache-control'], 'public, max-age=60');
  const body = res.json();
  assert.equal(body.label, '01/03/2026 – 31/03/2026');
  const totals = body.totals;
  assert.deepEqual(
    [totals.received, totals.receivedOnline, totals.receivedCounter, totals.receivedPost, totals.finished, totals.finishedEarly, totals.finishedOnTime, totals.finishedLate, totals.refused, totals.withdrawn],
    [7, 4, 2, 1, 6, 3, 1, 2, 1, 1],
  );
  assert.equal(totals.onTimeRate, Math.round((4 / 6) * 10_000) / 10_000);
  assert.deepEqual(totals.satisfaction, { evaluations: 2, averageRating: 3.5, satisfiedRate: 0.5 });
  assert.equal(body.byAgency.length, 1);
  assert.equal(body.byAgency[0].agency.id, data.agencyId);
  assert.ok(body.definitions.vi.onTimeRate && body.definitions.en.onTimeRate);
});

test('public statistics, indicators and the monthly report name nobody: no applicant field appears', async () => {
  assertNoPersonalData((await get('/api/v1/public-services/stats?from=2026-02-01&to=2026-03-31')).body);
  assertNoPersonalData((await get(`/api/v1/public-services/stats?period=2026-Q1&agencyId=${data.agencyId}`)).body);
  assertNoPersonalData((await get('/api/v1/public-services/indicators?period=2026-03')).body);
  const report = await get(`/api/v1/public-services/reports/monthly?month=2026-03&agencyId=${data.agencyId}`, leader.headers);
  assert.equal(report.statusCode, 200);
  assertNoPersonalData(report.body);
});

test('a reversed or malformed period is refused with 400', async () => {
  assert.equal((await get('/api/v1/public-services/stats?from=2026-03-31&to=2026-03-01')).statusCode, 400);
  assert.equal((await get('/api/v1/public-services/stats?period=2026-13')).statusCode, 400);
  assert.equal((await get('/api/v1/public-services/reports/monthly?month=2026-00', leader.headers)).statusCode, 400);
});

test('indicators: public at province scope; an agency scope needs staff or a leader, an existing id, and is not cached publicly', async () => {
  const province = await get('/api/v1/public-services/indicators?period=2026-03');
  assert.equal(province.statusCode, 200, province.body);
  assert.equal(province.headers['cache-control'], 'public, max-age=60');
  assert.equal(province.json().total.maxPoints, 100);
  const url = `/api/v1/public-services/indicators?period=2026-03&scope=agency&id=${data.agencyId}`;
  assert.equal((await get(url)).statusCode, 401);
  assert.equal((await get(url, citizen.headers)).statusCode, 403);
  for (const who of [officer, leader]) {
    const res = await get(url, who.headers);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'private, no-store');
    const onTime = res.json().items.find((i: { code: string }) => i.code === '2.1');
    assert.deepEqual([onTime.numerator, onTime.denominator, onTime.points], [5, 8, 12.5]);
  }
  assert.equal((await get('/api/v1/public-services/indicators?scope=agency', leader.headers)).statusCode, 400);
  assert.equal((await get('/api/v1/public-services/indicators?scope=procedure&id=KHONG-CO', leader.headers)).statusCode, 404);
  assert.equal((await get(`/api/v1/public-services/indicators?scope=procedure&id=${data.codes.p2}&period=2026-03`, officer.headers)).statusCode, 200);
});

const balanced = (f: ReportFigures) => f.carriedOver + f.new.total === f.finished.total + f.pending.total;

test('monthly report for March 2026: carried over 1 + new 7 = finished 6 + pending 2, per procedure and in total', async () => {
  const res = await get(`/api/v1/public-services/reports/monthly?month=2026-03&agencyId=${data.agencyId}`, leader.headers);
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json() as MonthlyReport;
  assert.equal(report.label, '01/03/2026 – 31/03/2026');
  for (const row of report.rows) assert.ok(balanced(row), `${row.procedure.code} balances`);
  assert.deepEqual(report.totals, {
    carriedOver: 1,
    new: { total: 7, online: 4, counter: 2, post: 1 },
    finished: { total: 6, early: 3, onTime: 1, late: 2 },
    pending: { total: 2, withinTime: 1, overdue: 1 },
  });
  const p1 = report.rows.find((r) => r.procedure.code === data.codes.p1)!;
  assert.deepEqual([p1.carriedOver, p1.new.total, p1.finished.total, p1.pending.total], [1, 3, 4, 0]);
  assert.equal(p1.procedure.name, `Thủ tục ${data.codes.p1}`);
});

test('the Excel export opens and holds the same numbers as the JSON, row by row, with the totals row', async () => {
  const url = `/api/v1/public-services/reports/monthly?month=2026-03&agencyId=${data.agencyId}`;
  const json = (await get(url, leader.headers)).json() as MonthlyReport;
  const res = await get(`${url}&format=xlsx`, leader.headers);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  assert.match(String(res.headers['content-disposition']), /bao-cao-thang-2026-03\.xlsx/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const numbers = (rowNumber: number) => XLSX_COLUMNS.map((_, i) => Number(sheet.getRow(rowNumber).getCell(3 + i).value));
  json.rows.forEach((row, i) => {
    assert.equal(sheet.getRow(XLSX_FIRST_DATA_ROW + i).getCell(2).value, `${row.procedure.code} – ${row.procedure.name}`);
    assert.deepEqual(numbers(XLSX_FIRST_DATA_ROW + i), XLSX_COLUMNS.map((c) => c.value(row)));
  });
  const totalsRow = XLSX_FIRST_DATA_ROW + json.rows.length;
  assert.equal(sheet.getRow(totalsRow).getCell(1).value, 'Tổng cộng');
  assert.deepEqual(numbers(totalsRow), XLSX_COLUMNS.map((c) => c.value(json.totals)));
});

test('every row of the province-wide report balances for this month and the last, demo year included', async () => {
  const today = todayInVietnam();
  const thisMonth = today.slice(0, 7);
  const last = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
  let rows = 0;
  for (const month of [last, thisMonth]) {
    const report = (await get(`/api/v1/public-services/reports/monthly?month=${month}`, leader.headers)).json() as MonthlyReport;
    for (const row of report.rows) assert.ok(balanced(row), `${month} ${row.agency?.code} ${row.procedure.code}: ${JSON.stringify(row)}`);
    assert.ok(balanced(report.totals), `${month} totals balance`);
    rows += report.rows.length;
  }
  assert.ok(rows > 0, 'the demo dossiers give rows to check');
});

test('monthly report: staff only; an officer gets their own agency and is refused another', async () => {
  const url = '/api/v1/public-services/reports/monthly?month=2026-03';
  assert.equal((await get(url)).statusCode, 401);
  assert.equal((await get(url, citizen.headers)).statusCode, 403);
  assert.equal((await get(`${url}&agencyId=${data.agencyId}`, officer.headers)).statusCode, 403);
  const own = await get(url, officer.headers);
  assert.equal(own.statusCode, 200, own.body);
  const sxd = await t.ctx.db.selectFrom('agencies').select('id').where('code', '=', 'SXD').executeTakeFirstOrThrow();
  for (const row of (own.json() as MonthlyReport).rows) assert.equal(row.agency?.id, sxd.id);
});

test('rebuild: system administrators only, audited, and it changes no figure', async () => {
  const url = `/api/v1/public-services/indicators?period=2026-03&scope=agency&id=${data.agencyId}`;
  const before = (await get(url, leader.headers)).json();
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/public-services/stats/rebuild', headers: officer.writeHeaders })).statusCode, 403);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/public-services/stats/rebuild', headers: admin.writeHeaders });
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.json().rows > 0);
  assert.deepEqual((await get(url, leader.headers)).json(), before);
  const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'services.stats.rebuild').execute();
  assert.equal(audit.length, 1);
});

test('the operations-centre overview gives the same figures as the public statistics, and the overdue count of the open dossiers', async () => {
  const period = { from: '2026-01-01', to: todayInVietnam() };
  const now = new Date();
  const overview = await publicServicesOverview(t.ctx.db, period, now);
  const { totals } = await publicStats(t.ctx.db, period, {});
  assert.ok(overview.received >= 7, 'the seeded and demo dossiers are counted');
  assert.deepEqual(
    [overview.received, overview.finished, overview.onTimeRate, overview.onlineRate, overview.satisfaction],
    [totals.received, totals.finished, totals.onTimeRate, totals.onlineRate, totals.satisfaction],
  );
  assert.equal(overview.overdueNow, (await pendingTotal(t.ctx.db, new Date(now.getTime() + 86_400_000), {}, now)).overdue);
  assert.ok(overview.overdueNow >= 1, 'the seeded overdue dossier is among them');
});
