/**
 * Recomputing `feedback_stats_daily` from the reports and their timelines: after bulk inserts (demo
 * data), after a repair, or to check the maintained counters. Reads, per report: category, commune,
 * created_at, due_at and calendar_version from feedback_reports; from feedback_report_events, in
 * order: `received` (its agency_id is the first agency), `transfer` (data.toAgencyId), `accept`,
 * `resolve`, `close` (data.outcome), `refuse`, `rated` (data.stars) and `reopened`, each at its `at`.
 *
 * The aggregation runs in the database as one `insert … select … group by`: nothing per report or
 * per row is held in this process, so memory stays flat whatever the volume (the database sorts and
 * aggregates within its work_mem and spills to disk beyond it). Only the working-day calendar is
 * computed here: one ordinal per day (working days counted since the first day) and calendar
 * version, for the days the reports span, so that working days between two days is a subtraction.
 */
import { sql } from 'kysely';
import { todayInVietnam, workingCalendar } from '../../../platform/calendar/index.js';
import type { FeedbackTrx } from '../tables.js';
import { CLOSED_COLUMN, COUNTER_COLUMNS, HISTOGRAM_COLUMNS, HISTOGRAM_MAX_DAYS } from './record.js';
import { vietnamDay, workingDayOrdinals } from './rebuild-calendar.js';

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
  const span = await reportSpan(trx);
  if (!span) return { reports: 0, rows: 0 };
  const calendars = [];
  for (const version of span.versions) calendars.push(await workingCalendar(trx, version, trx));
  const ordinals = workingDayOrdinals(calendars, span.first, span.last);
  const result = await sql`
    insert into feedback_stats_daily (day, agency_id, commune_code, category_code, ${sql.join(COUNTER_COLUMNS.map((c) => sql.ref(c)))})
    ${factsAggregate(JSON.stringify(ordinals))}`.execute(trx);
  return { reports: span.reports, rows: Number(result.numAffectedRows ?? 0) };
}

interface ReportSpan {
  reports: number;
  versions: number[];
  /** The first and last day (Vietnam time) a report was received or given a result. */
  first: string;
  last: string;
}

/** How many reports, on which calendar versions, over which days: what the calendar table must cover. */
async function reportSpan(trx: FeedbackTrx): Promise<ReportSpan | null> {
  const { rows } = await sql<{ reports: string; versions: number[] | null; first: Date | null; last: Date | null; resolve_first: Date | null; resolve_last: Date | null }>`
    select
      (select count(*) from feedback_reports) as reports,
      (select array_agg(distinct calendar_version) from feedback_reports) as versions,
      (select min(created_at) from feedback_reports) as first,
      (select max(created_at) from feedback_reports) as last,
      (select min(at) from feedback_report_events where kind = 'resolve') as resolve_first,
      (select max(at) from feedback_report_events where kind = 'resolve') as resolve_last`.execute(trx);
  const row = rows[0]!;
  if (!row.first || !row.last || !row.versions) return null;
  const days = [row.first, row.last, row.resolve_first, row.resolve_last].filter((d): d is Date => d !== null).map((d) => todayInVietnam(new Date(d)));
  days.sort();
  return { reports: Number(row.reports), versions: row.versions.map(Number), first: days[0]!, last: days.at(-1)! };
}

/**
 * One row per counted fact, then summed per (day, agency, commune, category).
 * - `timeline`: the counted events in order, each with the agency holding the report at that moment:
 *   the latest transfer so far (ids grow with time, so the greatest "id|agency" string is the latest),
 *   else the first agency.
 * - `first_agency`: the first `received` event's agency, else the first transfer's `fromAgencyId`,
 *   else the report's agency.
 * - `facts`: one `received` per report on the day of `created_at`, and the events but transfers.
 */
function factsAggregate(ordinalsJson: string) {
  const closed = Object.entries(CLOSED_COLUMN).map(
    ([outcome, column]) => sql`count(*) filter (where kind = 'close' and outcome = ${outcome}${outcome === 'refused' ? sql` or kind = 'refuse'` : sql``}) as ${sql.ref(column)}`,
  );
  const histogram = HISTOGRAM_COLUMNS.map((column, i) => sql`count(*) filter (where kind = 'resolve' and bucket = ${i}) as ${sql.ref(column)}`);
  const counters: Record<string, ReturnType<typeof sql>> = {
    received: sql`count(*) filter (where kind = 'received') as received`,
    accepted: sql`count(*) filter (where kind = 'accept') as accepted`,
    resolved: sql`count(*) filter (where kind = 'resolve') as resolved`,
    resolved_on_time: sql`count(*) filter (where kind = 'resolve' and on_time) as resolved_on_time`,
    rated_count: sql`count(*) filter (where kind = 'rated') as rated_count`,
    rating_sum: sql`coalesce(sum(stars) filter (where kind = 'rated'), 0) as rating_sum`,
    reopened: sql`count(*) filter (where kind = 'reopened') as reopened`,
  };
  for (const [i, column] of HISTOGRAM_COLUMNS.entries()) counters[column] = histogram[i]!;
  for (const [i, column] of Object.values(CLOSED_COLUMN).entries()) counters[column] = closed[i]!;
  const selectList = COUNTER_COLUMNS.map((c) => counters[c]!);
  const validAgency = (path: string) => sql`case when jsonb_typeof(e.data -> ${path}) = 'string' and e.data ->> ${path} <> '' then (e.data ->> ${path})::uuid end`;
  return sql`
    with calendar as (
      select * from jsonb_to_recordset(${ordinalsJson}::jsonb) as c(version integer, day date, ordinal integer)
    ),
    first_agency as (
      select e.report_id,
        (array_agg(e.agency_id order by e.id) filter (where e.kind = 'received'))[1] as received_agency,
        (array_agg(${validAgency('fromAgencyId')} order by e.id) filter (where e.kind = 'transfer'))[1] as from_agency
      from feedback_report_events e
      where e.kind in ('received', 'transfer')
      group by e.report_id
    ),
    timeline as (
      select e.report_id, e.kind, e.at, e.data,
        max(case when e.kind = 'transfer' then lpad(e.id::text, 20, '0') || ${validAgency('toAgencyId')}::text end)
          over (partition by e.report_id order by e.id) as latest_transfer
      from feedback_report_events e
      where e.kind in (${sql.join(COUNTED_KINDS)})
    ),
    reports as (
      select r.id, r.commune_code, r.category_code, r.created_at, r.due_at, r.calendar_version,
        coalesce(f.received_agency, f.from_agency, r.agency_id) as first_agency
      from feedback_reports r
      left join first_agency f on f.report_id = r.id
    ),
    facts as (
      select r.first_agency as agency_id, 'received' as kind, r.created_at as at, null::jsonb as data, r.commune_code, r.category_code, r.created_at, r.due_at, r.calendar_version
      from reports r
      union all
      select coalesce(substr(t.latest_transfer, 21)::uuid, r.first_agency), t.kind, t.at, t.data, r.commune_code, r.category_code, r.created_at, r.due_at, r.calendar_version
      from timeline t
      join reports r on r.id = t.report_id
      where t.kind not in ('received', 'transfer')
    ),
    detailed as (
      select ${vietnamDay(sql`f.at`)} as day, f.agency_id, f.commune_code, f.category_code, f.kind,
        f.data ->> 'outcome' as outcome,
        case when f.kind = 'rated' then (f.data ->> 'stars')::numeric end as stars,
        -- A result is judged by the deadline in force when it was given (kept on the event since a
        -- transfer or reopen restarts the deadline), else by the report's.
        f.kind = 'resolve' and coalesce((f.data ->> 'dueAt')::timestamptz, f.due_at) is not null and f.at <= coalesce((f.data ->> 'dueAt')::timestamptz, f.due_at) as on_time,
        case when f.kind = 'resolve' then least(greatest(done.ordinal - received.ordinal, 0), ${HISTOGRAM_MAX_DAYS + 1}) end as bucket
      from facts f
      left join calendar received on f.kind = 'resolve' and received.version = f.calendar_version and received.day = ${vietnamDay(sql`f.created_at`)}
      left join calendar done on f.kind = 'resolve' and done.version = f.calendar_version and done.day = ${vietnamDay(sql`f.at`)}
    )
    select day, agency_id, commune_code, category_code, ${sql.join(selectList)}
    from detailed
    group by day, agency_id, commune_code, category_code`;
}
