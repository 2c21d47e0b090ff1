import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { indicatorReport, type Indicator, type IndicatorReport } from './indicators.js';
import { monthPeriod } from './period.js';
import { pendingTotal } from './pending.js';
import { change, createDossier, createProcedure, seedDataset, vn, type SeededDataset } from './test-support.js';
import { psDb } from '../tables.js';

/**
 * The seeded dataset (test-support.ts) with every expected figure computed by hand for March 2026,
 * at agency scope (its own agency, so the demo data does not count). Judged on 1 June 2026.
 */
let t: TestPlatform;
let data: SeededDataset;
let report: IndicatorReport;
const NOW = vn('2026-06-01');
before(async () => {
  t = await createTestPlatform();
  data = await seedDataset(t.ctx, 'IND');
  report = await indicatorReport(t.ctx.db, { scope: 'agency', id: data.agencyId }, monthPeriod(2026, 3), NOW);
});
after(() => t.close());

const get = (code: string): Indicator => {
  const found = report.items.find((i) => i.code === code);
  assert.ok(found, `indicator ${code} is listed`);
  return found;
};
const expect = (code: string, numerator: number, denominator: number, points: number | null, fraction?: number) => {
  const i = get(code);
  assert.equal(i.computable, true, `${code} computable`);
  assert.deepEqual({ numerator: i.numerator, denominator: i.denominator, points: i.points }, { numerator, denominator, points }, code);
  if (denominator > 0) assert.equal(i.ratio, Math.round((numerator / denominator) * 10_000) / 10_000, `${code} ratio`);
  if (fraction !== undefined) assert.equal(i.fraction, fraction, `${code} fraction`);
};

test('1.3 complete publication: 3 of 4 procedures list every part (one has no components) → 1.5 of 2', () => {
  expect('1.3', 3, 4, 1.5);
});

test('2.1 on time: (3 early + 1 on time + 1 pending within time) / (6 ended + 2 pending) = 62.5 % → 12.5 of 20', () => {
  expect('2.1', 5, 8, 12.5);
});

test('2.2 average handling time: 36.25 days over 6 ended dossiers = 6.04 days, display only', () => {
  const i = get('2.2');
  assert.equal(i.numerator, 36.25 * 1440);
  assert.equal(i.denominator, 6);
  assert.equal(i.value, 6.04);
  assert.equal(i.maxPoints, 0);
});

test('3.1 coverage 2 of 4 procedures online (50 %, full at 80 %) and 3.2 usage 2 of 2 online services; points unconfirmed', () => {
  expect('3.1', 2, 4, null, 0.625);
  expect('3.2', 2, 2, null, 1);
  assert.equal(get('3.1').unconfirmed, true);
  assert.equal(get('3.1').maxPoints, null);
});

test('3.3 online share counts an online dossier of a document procedure only with an e-result: 3 of 7 (full at 50 %)', () => {
  expect('3.3', 3, 7, null, 0.8571);
});

test('toàn trình (METRICS row 6): 2 online of 3 dossiers of the eligible procedure → 8 of 12', () => {
  expect('M6', 2, 3, 8);
});

test('payment group: 3.5 1 of 2 fee procedures integrated → 1.25; 3.5b 1 of 2 with an online payment → 1.25; 3.6 1 of 4 fee dossiers paid online → 1.5', () => {
  expect('3.5', 1, 2, 1.25);
  expect('3.5b', 1, 2, 1.25);
  expect('3.6', 1, 4, 1.5);
});

test('digitisation: 4.1 e-result 3 of 4 resolved document dossiers → 4.5; 4.2 digitised 3 of 5 → 3; 4.3 reuse 1 of 7 → 0.36; 4.4 store 2 of 7 → 1.14', () => {
  expect('4.1', 3, 4, 4.5);
  expect('4.2', 3, 5, 3);
  expect('4.3', 1, 7, 0.36);
  expect('4.4', 2, 7, 1.14);
});

test('5.4 satisfaction: 100 % − (3 late of 8 + 1 dislike of 8) = 50 %, full at 90 % → 3.33 of 6', () => {
  expect('5.4', 4, 8, 3.33);
});

test('indicators without data of ours are listed as not computable with the reason', () => {
  for (const code of ['1.1', '1.2', '1.4', '4.5a', '4.5b', 'M13']) {
    const i = get(code);
    assert.equal(i.computable, false, code);
    assert.equal(i.points, null, code);
    assert.ok(i.note.vi.length > 10 && i.note.en.length > 10, `${code} says why`);
  }
});

test('petitions about procedures (5.1–5.3) are computed from the feedback module; with none to handle, 5.2 and 5.3 get full marks and 5.1 scores nothing', () => {
  for (const [code, max] of [['5.1', 0], ['5.2', 6], ['5.3', 6]] as const) {
    const i = get(code);
    assert.equal(i.computable, true, code);
    assert.deepEqual([i.numerator, i.denominator, i.points, i.maxPoints], [0, 0, max, max], code);
  }
});

test('petitions are counted for the province and per agency only: a procedure scope lists 5.1–5.3 as not computable', async () => {
  const p2 = await indicatorReport(t.ctx.db, { scope: 'procedure', id: data.codes.p2 }, monthPeriod(2026, 3), NOW);
  for (const code of ['5.1', '5.2', '5.3']) assert.equal(p2.items.find((i) => i.code === code)!.computable, false, code);
});

test('1.4 is computed once the national portal sync is on: no status change of the agency was delivered, so none of its active dossiers counts', async () => {
  const synced = await indicatorReport(t.ctx.db, { scope: 'agency', id: data.agencyId }, monthPeriod(2026, 3), NOW, { syncEnabled: true });
  const i = synced.items.find((x) => x.code === '1.4')!;
  assert.equal(i.computable, true);
  assert.equal(i.numerator, 0);
  assert.ok(i.denominator! > 0, 'the agency had dossiers active in March');
  assert.equal(i.points, 0);
});

test('group and total scores add the points by the curves; maxima are 18 / 20 / 22 / 22 / 18 = 100', () => {
  assert.deepEqual(
    report.groups.map((g) => [g.group, g.points, g.maxPoints]),
    [
      ['1', 1.5, 18],
      ['2', 12.5, 20],
      ['3', 12, 22],
      ['4', 9, 22],
      ['5', 15.33, 18],
    ],
  );
  assert.deepEqual(report.total, { points: 50.33, maxPoints: 100, computableMaxPoints: 78 });
});

test('every ratio lies in [0, 1] and no indicator has more points than its maximum', () => {
  for (const i of report.items) {
    if (i.ratio !== null) assert.ok(i.ratio >= 0 && i.ratio <= 1, `${i.code} ratio ${i.ratio}`);
    if (i.points !== null && i.maxPoints !== null) assert.ok(i.points <= i.maxPoints, `${i.code} points ${i.points}`);
  }
});

test('procedure scope counts only that procedure’s dossiers: P2 has 2 received online, 1 ended late, 1 pending within time', async () => {
  const p2 = await indicatorReport(t.ctx.db, { scope: 'procedure', id: data.codes.p2 }, monthPeriod(2026, 3), NOW);
  const onTime = p2.items.find((i) => i.code === '2.1')!;
  assert.deepEqual([onTime.numerator, onTime.denominator], [1, 2]);
  const online = p2.items.find((i) => i.code === '3.3')!;
  assert.deepEqual([online.numerator, online.denominator], [2, 2]);
});

test('a period still running is judged now; a dossier waiting for a supplement is judged when its clock stopped', async () => {
  const ctx = t.ctx;
  const agency = await psDb(ctx.db).insertInto('agencies').values({ code: 'IND-NOW', name: 'Sở đang chạy', name_en: null, kind: 'department', parent_id: null, admin_unit_code: null, address: null, phone: null, email: null, search_text: 'ind-now' }).returning('id').executeTakeFirstOrThrow();
  const procedure = await createProcedure(ctx, { code: 'IND-NOW-P', agencyId: agency.id });
  const open = async (due: Date, pausedAt?: Date) => {
    const d = await createDossier(ctx, { procedure, channel: 'online', receivingAgencyId: agency.id, at: vn('2026-05-04', '08:00') });
    await change(ctx, d.id, { action: 'receive', to: 2, at: vn('2026-05-04'), changes: { received_at: vn('2026-05-04'), due_at: due, handling_agency_id: agency.id } });
    await change(ctx, d.id, { action: 'hand_over', to: 4, at: vn('2026-05-04', '10:00') });
    if (pausedAt) await change(ctx, d.id, { action: 'request_supplement', to: 5, at: pausedAt, changes: { supplement_requests: 1, paused_since: pausedAt } });
  };
  await open(vn('2026-05-20', '17:00'));
  await open(vn('2026-05-08', '17:00'));
  await open(vn('2026-05-08', '17:00'), vn('2026-05-07'));
  const now = vn('2026-05-12', '10:00');
  assert.deepEqual(await pendingTotal(ctx.db, vn('2026-06-01', '00:00'), { agencyId: agency.id }, now), { within: 2, overdue: 1 });
});
