/**
 * Recomputing `feedback_stats_daily` from the reports and their timelines: after bulk inserts (demo
 * data), after a repair, or to check the maintained counters. Reads, per report: category, commune,
 * created_at, due_at and calendar_version from feedback_reports; from feedback_report_events, in
 * order: `received` (its agency_id is the first agency), `transfer` (data.toAgencyId), `accept`,
 * `resolve`, `close` (data.outcome), `refuse`, `rated` (data.stars) and `reopened`, each at its `at`.
 */
import { sql } from 'kysely';
import { workingCalendar } from '../../../platform/calendar/index.js';
import type { FeedbackTrx, ReportOutcome } from '../tables.js';
import { CLOSED_COLUMN, COUNTER_COLUMNS, keyOf, resolutionCounts, type Counts, type StatsKey } from './record.js';

const REPORT_BATCH = 1000;
const INSERT_BATCH = 300;
const COUNTED_KINDS = ['received', 'transfer', 'accept', 'resolve', 'close', 'refuse', 'rated', 'reopened'];

export interface RebuildResult {
  reports: number;
  rows: number;
}

/**
 * Empties the table and aggregates it again from every report and event. Run it in a transaction:
 * the truncate locks the table first, so changes committed meanwhile wait and are counted once.
 */
export async function rebuildFeedbackStats(trx: FeedbackTrx): Promise<RebuildResult> {
  await sql`truncate feedback_stats_daily`.execute(trx);
  const rows = new Map<string, { key: StatsKey; counts: Counts }>();
  const add = (key: StatsKey, counts: Counts) => {
    const id = `${key.day}|${key.agency_id}|${key.commune_code}|${key.category_code}`;
    const row = rows.get(id) ?? { key, counts: {} };
    for (const [c, n] of Object.entries(counts) as Array<[keyof Counts, number]>) if (n) row.counts[c] = (row.counts[c] ?? 0) + n;
    rows.set(id, row);
  };

  let reports = 0;
  let after: string | null = null;
  for (;;) {
    let query = trx
      .selectFrom('feedback_reports')
      .select(['id', 'agency_id', 'commune_code', 'category_code', 'created_at', 'due_at', 'calendar_version'])
      .orderBy('id')
      .limit(REPORT_BATCH);
    if (after) query = query.where('id', '>', after);
    const batch = await query.execute();
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
    reports += batch.length;
    const events = await trx
      .selectFrom('feedback_report_events')
      .select(['report_id', 'kind', 'at', 'agency_id', 'data'])
      .where('report_id', 'in', batch.map((r) => r.id))
      .where('kind', 'in', COUNTED_KINDS)
      .orderBy('report_id')
      .orderBy('id')
      .execute();
    const byReport = new Map<string, typeof events>();
    for (const e of events) {
      const list = byReport.get(e.report_id);
      if (list) list.push(e);
      else byReport.set(e.report_id, [e]);
    }

    for (const report of batch) {
      const timeline = byReport.get(report.id) ?? [];
      const received = timeline.find((e) => e.kind === 'received');
      const firstTransfer = timeline.find((e) => e.kind === 'transfer');
      // The agency holding the report at each event: where it was first routed, then each transfer.
      let agencyId = received?.agency_id ?? stringOr(firstTransfer?.data.fromAgencyId, report.agency_id);
      const holder = () => ({ ...report, agency_id: agencyId });
      add(keyOf(holder(), report.created_at), { received: 1 });
      for (const event of timeline) {
        switch (event.kind) {
          case 'transfer':
            agencyId = stringOr(event.data.toAgencyId, agencyId);
            break;
          case 'accept':
            add(keyOf(holder(), event.at), { accepted: 1 });
            break;
          case 'resolve':
            add(keyOf(holder(), event.at), resolutionCounts(await workingCalendar(trx, report.calendar_version, trx), report, event.at));
            break;
          case 'close':
          case 'refuse': {
            const outcome = (event.kind === 'refuse' ? 'refused' : event.data.outcome) as ReportOutcome;
            if (CLOSED_COLUMN[outcome]) add(keyOf(holder(), event.at), { [CLOSED_COLUMN[outcome]]: 1 });
            break;
          }
          case 'rated':
            add(keyOf(holder(), event.at), { rated_count: 1, rating_sum: Number(event.data.stars) });
            break;
          case 'reopened':
            add(keyOf(holder(), event.at), { reopened: 1 });
            break;
        }
      }
    }
  }

  const all = [...rows.values()];
  for (let i = 0; i < all.length; i += INSERT_BATCH) {
    const values = all.slice(i, i + INSERT_BATCH).map(({ key, counts }) => ({ ...key, ...Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, counts[c] ?? 0])) }));
    await trx.insertInto('feedback_stats_daily').values(values).execute();
  }
  return { reports, rows: all.length };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value ? value : fallback;
}
