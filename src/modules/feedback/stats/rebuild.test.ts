import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { workingCalendar } from '../../../platform/calendar/index.js';
import { feedbackDb, type FeedbackDb, type ReportOutcome } from '../tables.js';
import { generateDemoReports } from '../demo/generate.js';
import { CLOSED_COLUMN, COUNTER_COLUMNS, keyOf, resolutionCounts, type Counts } from './record.js';
import { rebuildFeedbackStats } from './rebuild.js';
import { workingDayOrdinals } from './rebuild-calendar.js';

/**
 * The SQL rebuild against a plain replay of every timeline in JavaScript (the rules of stats/README.md,
 * one report at a time), on a year of demo reports (transfers, duplicates, reopenings, ratings, late
 * results) plus hand-made timelines that exercise the fallbacks for the first agency.
 */
let t: TestPlatform;
before(async () => {
  t = await createTestPlatform();
  await generateDemoReports(t.ctx, { count: 600, seed: 77 });
});
after(() => t.close());

async function snapshot(db: FeedbackDb): Promise<Map<string, Record<string, number>>> {
  const rows = await db
    .selectFrom('feedback_stats_daily')
    .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'agency_id', 'commune_code', 'category_code', ...COUNTER_COLUMNS])
    .execute();
  return new Map(rows.map((r) => [`${r.day}|${r.agency_id}|${r.commune_code}|${r.category_code}`, Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, Number(r[c])]))]));
}

/** Every report's timeline replayed in JavaScript: the straightforward reading of the counting rules. */
async function replay(db: FeedbackDb): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  const add = (key: ReturnType<typeof keyOf>, counts: Counts) => {
    const id = `${key.day}|${key.agency_id}|${key.commune_code}|${key.category_code}`;
    const row = out.get(id) ?? Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, 0]));
    for (const [c, n] of Object.entries(counts)) row[c] = row[c]! + Number(n);
    out.set(id, row);
  };
  const reports = await db.selectFrom('feedback_reports').select(['id', 'agency_id', 'commune_code', 'category_code', 'created_at', 'due_at', 'calendar_version']).execute();
  const events = await db.selectFrom('feedback_report_events').select(['report_id', 'kind', 'at', 'agency_id', 'data']).orderBy('id').execute();
  const timelines = new Map<string, typeof events>();
  for (const e of events) timelines.set(e.report_id, [...(timelines.get(e.report_id) ?? []), e]);
  for (const report of reports) {
    const timeline = timelines.get(report.id) ?? [];
    const received = timeline.find((e) => e.kind === 'received');
    const firstTransfer = timeline.find((e) => e.kind === 'transfer');
    let agencyId = received?.agency_id ?? stringOr(firstTransfer?.data.fromAgencyId, report.agency_id);
    const holder = () => ({ ...report, agency_id: agencyId });
    add(keyOf(holder(), report.created_at), { received: 1 });
    for (const event of timeline) {
      if (event.kind === 'transfer') agencyId = stringOr(event.data.toAgencyId, agencyId);
      else if (event.kind === 'accept') add(keyOf(holder(), event.at), { accepted: 1 });
      else if (event.kind === 'resolve') {
        // A result is judged by the deadline kept on its event (a transfer or reopen restarts it), else the report's.
        const dueAt = typeof event.data.dueAt === 'string' ? event.data.dueAt : report.due_at;
        add(keyOf(holder(), event.at), resolutionCounts(await workingCalendar(db, report.calendar_version), { created_at: report.created_at, due_at: dueAt }, event.at));
      }
      else if (event.kind === 'close' || event.kind === 'refuse') {
        const outcome = (event.kind === 'refuse' ? 'refused' : event.data.outcome) as ReportOutcome;
        if (CLOSED_COLUMN[outcome]) add(keyOf(holder(), event.at), { [CLOSED_COLUMN[outcome]]: 1 });
      } else if (event.kind === 'rated') add(keyOf(holder(), event.at), { rated_count: 1, rating_sum: Number(event.data.stars) });
      else if (event.kind === 'reopened') add(keyOf(holder(), event.at), { reopened: 1 });
    }
  }
  return out;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value ? value : fallback;
}

const rebuild = () => feedbackDb(t.ctx.db).transaction().execute((trx) => rebuildFeedbackStats(trx));

test('the rebuild equals a replay of every timeline in JavaScript, on a year of demo reports', async () => {
  const db = feedbackDb(t.ctx.db);
  const result = await rebuild();
  const reports = Number((await sql<{ n: string }>`select count(*) as n from feedback_reports`.execute(db)).rows[0]!.n);
  assert.equal(result.reports, reports);
  const rebuilt = await snapshot(db);
  assert.equal(result.rows, rebuilt.size);
  const expected = await replay(db);
  assert.ok(expected.size > 1000, 'the demo year fills many daily rows');
  const transfers = Number((await sql<{ n: string }>`select count(*) as n from feedback_report_events where kind = 'transfer'`.execute(db)).rows[0]!.n);
  assert.ok(transfers > 0, 'the demo data holds transfers');
  assert.deepEqual(rebuilt, expected);
});

test('the first agency falls back to the first transfer\'s fromAgencyId, then to the report\'s agency; a transfer without a target keeps the holder', async () => {
  const db = feedbackDb(t.ctx.db);
  const agencies = (await db.selectFrom('agencies').select('id').orderBy('code').limit(3).execute()).map((a) => a.id);
  const [a, b, c] = agencies as [string, string, string];
  const demo = await db.selectFrom('feedback_reports').select('id').where('is_demo', '=', true).where('status', '=', 'closed').orderBy('id').limit(2).execute();
  const [first, second] = demo.map((r) => r.id) as [string, string];
  // First: no `received` event, a transfer from b to c before acceptance. Second: no received, a transfer with no target.
  await db.deleteFrom('feedback_report_events').where('report_id', 'in', [first, second]).where('kind', '=', 'received').execute();
  const firstAt = (await db.selectFrom('feedback_report_events').select('at').where('report_id', '=', first).orderBy('id').executeTakeFirstOrThrow()).at;
  const transfer = (report: string, data: object) =>
    db.insertInto('feedback_report_events').values({ report_id: report, at: firstAt, kind: 'transfer', public: false, actor_user_id: null, actor_label: 'test', agency_id: a, data: JSON.stringify(data) }).execute();
  await transfer(first, { fromAgencyId: b, toAgencyId: c });
  await transfer(second, { fromAgencyId: '', toAgencyId: null });
  // Renumber the other events so they come after the transfers: every later fact belongs to the new holder.
  await sql`update feedback_report_events set id = nextval('feedback_report_events_id_seq') where report_id in (${first}, ${second}) and kind <> 'transfer'`.execute(db);
  await rebuild();
  assert.deepEqual(await snapshot(db), await replay(db));
});

test('working days as ordinals: the difference of two ordinals is workingDaysBetween', async () => {
  const calendar = await workingCalendar(t.ctx.db);
  const rows = workingDayOrdinals([calendar], '2025-01-20', '2025-03-10');
  const ordinal = new Map(rows.map((r) => [r.day, r.ordinal]));
  assert.equal(rows.length, 50);
  for (const [from, to] of [['2025-01-24', '2025-02-04'], ['2025-01-20', '2025-03-10'], ['2025-02-03', '2025-02-03'], ['2025-03-01', '2025-02-01']] as const) {
    assert.equal(ordinal.get(to)! - ordinal.get(from)!, calendar.workingDaysBetween(from, to), `${from} → ${to}`);
  }
});

test('an empty table of reports rebuilds to an empty statistics table', async () => {
  await feedbackDb(t.ctx.db)
    .transaction()
    .execute(async (trx) => {
      await sql`truncate feedback_reports cascade`.execute(trx);
      assert.deepEqual(await rebuildFeedbackStats(trx), { reports: 0, rows: 0 });
      assert.equal((await snapshot(trx)).size, 0);
      throw new RollBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
});

/** Thrown to undo the emptied table. */
class RollBack extends Error {}
