import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { resolvePoint } from '../../../platform/admin-units/area.js';
import { loadConfig } from '../../../platform/config/config.js';
import { feedbackDb } from '../tables.js';
import { agencyFor } from '../routing.js';
import { reportDeadlines } from '../deadlines.js';
import { demoReportVolume, generateDemoReports, TEST_DEMO_REPORTS } from './generate.js';

let t: TestPlatform;
const COUNT = 300;

before(async () => {
  // The default platform already holds the small test volume seeded at start; add a generation of our own.
  t = await createTestPlatform();
  await generateDemoReports(t.ctx, { count: COUNT, seed: 5 });
});
after(() => t.close());

const demoReports = () => feedbackDb(t.ctx.db).selectFrom('feedback_reports').selectAll().where('is_demo', '=', true).execute();
const countOf = async (table: string, where = sql`true`) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(t.ctx.db)).rows[0]!.n);

test('a start seeds the small test volume of demo reports, and a second seed run adds nothing', async () => {
  assert.equal(await countOf('feedback_reports', sql`is_demo`), TEST_DEMO_REPORTS + COUNT);
  const events = await countOf('feedback_report_events');
  for (const area of t.areas) await area.seedDemo?.(t.ctx);
  assert.equal(await countOf('feedback_reports', sql`is_demo`), TEST_DEMO_REPORTS + COUNT);
  assert.equal(await countOf('feedback_report_events'), events);
});

test('the default volume is configurable, small in tests, and a volume of 0 or a bad value is understood', () => {
  assert.equal(demoReportVolume(loadConfig({ NODE_ENV: 'test' })), TEST_DEMO_REPORTS);
  assert.ok(demoReportVolume(loadConfig({ NODE_ENV: 'development' })) >= 3000);
  assert.equal(demoReportVolume(loadConfig({ NODE_ENV: 'development', FEEDBACK_DEMO_REPORTS: '0' })), 0);
  assert.throws(() => demoReportVolume(loadConfig({ FEEDBACK_DEMO_REPORTS: 'many' })), /FEEDBACK_DEMO_REPORTS/);
});

test('every report row is marked demo, with fake contacts only (phones 09xx xxx 000, .invalid e-mails, "Demo" names)', async () => {
  const rows = await demoReports();
  assert.equal(await countOf('feedback_reports', sql`not is_demo`), 0);
  for (const r of rows) {
    if (r.reporter_phone) assert.match(r.reporter_phone, /^09\d\d \d{3} 000$/);
    if (r.reporter_email) assert.match(r.reporter_email, /@example\.invalid$/);
    if (r.reporter_name) assert.match(r.reporter_name, / Demo$/);
    assert.equal(r.reporter_user_id, null);
    assert.match(r.tracking_code, /^PA-\d{2}-\d{6}$/);
  }
  assert.equal(new Set(rows.map((r) => r.tracking_code)).size, rows.length, 'tracking codes are unique');
});

test('every report\'s point lies inside its commune, as the platform resolves points', async () => {
  for (const r of await demoReports()) assert.equal(await resolvePoint(t.ctx.db, r.lat, r.lng), r.commune_code, `${r.tracking_code} at ${r.lat},${r.lng}`);
});

test('each report first went to the agency real routing picks for its category and commune', async () => {
  const rows = await demoReports();
  const received = new Map((await feedbackDb(t.ctx.db).selectFrom('feedback_report_events').select(['report_id', 'agency_id']).where('kind', '=', 'received').execute()).map((e) => [e.report_id, e.agency_id]));
  const categories = new Map((await feedbackDb(t.ctx.db).selectFrom('feedback_categories').select(['code', 'responsible', 'agency_id']).execute()).map((c) => [c.code, c]));
  await feedbackDb(t.ctx.db).transaction().execute(async (trx) => {
    const expected = new Map<string, string>();
    for (const r of rows) {
      const key = `${r.category_code}|${r.commune_code}`;
      if (!expected.has(key)) expected.set(key, await agencyFor(trx, categories.get(r.category_code)!, r.commune_code));
      assert.equal(received.get(r.id), expected.get(key), r.tracking_code);
    }
  });
  const transferred = rows.filter((r) => r.agency_id !== received.get(r.id));
  assert.ok(transferred.every((r) => r.category_code === 'khac'), 'only "other" reports are passed on to the commune');
});

test('deadlines are those reportDeadlines computes for the handling class on the stored calendar version', async () => {
  const rows = (await demoReports()).slice(0, 40);
  const classes = new Map((await feedbackDb(t.ctx.db).selectFrom('feedback_handling_classes').selectAll().execute()).map((c) => [c.code, c]));
  for (const r of rows) {
    const d = await reportDeadlines(t.ctx.db, classes.get(r.handling_class)!, new Date(r.created_at), r.calendar_version);
    assert.equal(new Date(r.accept_due_at).getTime(), d.acceptDueAt.getTime(), r.tracking_code);
    assert.equal(new Date(r.due_at!).getTime(), d.dueAt.getTime(), r.tracking_code);
  }
});

test('stored states agree with timestamps and timelines (closed ⇒ closed_at and outcome; resolved_at ≤ closed_at; nothing in the future)', async () => {
  const now = Date.now();
  const events = await feedbackDb(t.ctx.db).selectFrom('feedback_report_events').select(['report_id', 'kind', 'at', 'data']).orderBy('id').execute();
  const byReport = new Map<string, typeof events>();
  for (const e of events) byReport.set(e.report_id, [...(byReport.get(e.report_id) ?? []), e]);
  for (const r of await demoReports()) {
    const at = (d: Date | null) => (d ? new Date(d).getTime() : null);
    assert.equal(r.status === 'closed', r.outcome !== null && r.closed_at !== null, r.tracking_code);
    if (r.resolved_at && r.closed_at) assert.ok(at(r.resolved_at)! <= at(r.closed_at)!, r.tracking_code);
    for (const d of [r.created_at, r.accepted_at, r.resolved_at, r.closed_at, r.rated_at, r.updated_at]) assert.ok(d === null || at(d)! <= now);
    const timeline = byReport.get(r.id)!;
    assert.equal(timeline[0]!.kind, 'received');
    assert.ok(timeline.every((e, i) => i === 0 || at(timeline[i - 1]!.at)! <= at(e.at)!), `timeline in order: ${r.tracking_code}`);
    if (r.rating_stars) assert.ok(timeline.some((e) => e.kind === 'rated' && e.data.stars === r.rating_stars));
    if (r.outcome === 'duplicate') {
      const close = timeline.find((e) => e.kind === 'close')!;
      assert.match(String(close.data.duplicateOf), /^PA-\d{2}-\d{6}$/, 'the timeline names the original by its tracking code');
    }
  }
});

test('one audit record for a whole generation, not one per report; the daily statistics count every report', async () => {
  const before = await countOf('audit_log', sql`action = 'feedback.demo.generate'`);
  await generateDemoReports(t.ctx, { count: 50, seed: 6 });
  assert.equal(await countOf('audit_log', sql`action = 'feedback.demo.generate'`), before + 1);
  const received = Number((await sql<{ n: string }>`select coalesce(sum(received), 0) as n from feedback_stats_daily`.execute(t.ctx.db)).rows[0]!.n);
  assert.equal(received, await countOf('feedback_reports'));
});
