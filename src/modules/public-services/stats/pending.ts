/**
 * Dossiers pending (received, not ended) at the end of a period, split into within time and overdue.
 * How many are pending also follows from the aggregates (received − ended up to that day); which of
 * them are overdue depends on each due date at that instant, so it is read from the dossiers:
 * - a period that has not ended yet is judged now, over the open dossiers (statuses 2, 4, 5, 6, the
 *   `dossiers_open_due_idx` set); a dossier waiting for a supplement is judged when the clock stopped
 *   (its `paused_since`), as the national rule says;
 * - a past period is judged at its end over the dossiers received before it and not ended by then,
 *   against their due dates as they stand today.
 * More than one supplement request makes a dossier overdue whatever its dates (national rule).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { StatsFilter } from './query.js';

export interface PendingSplit {
  within: number;
  overdue: number;
}

export interface GroupedPending {
  agencyId: string | null;
  procedureCode: string;
  within: number;
  overdue: number;
}

function filterSql(filter: StatsFilter): RawBuilder<unknown> {
  const parts = [sql`true`];
  if (filter.agencyId) parts.push(sql`coalesce(handling_agency_id, receiving_agency_id) = ${filter.agencyId}`);
  if (filter.receivingAgencyId) parts.push(sql`receiving_agency_id = ${filter.receivingAgencyId}`);
  if (filter.communeCode !== undefined) parts.push(sql`coalesce(commune_code, '') = ${filter.communeCode}`);
  if (filter.procedureCode) parts.push(sql`procedure_code = ${filter.procedureCode}`);
  return sql.join(parts, sql` and `);
}

/** Pending at `end` per (agency, procedure); `now` decides whether the period is over. */
export async function pendingByAgencyAndProcedure(db: Kysely<any>, end: Date, filter: StatsFilter, now = new Date()): Promise<GroupedPending[]> {
  const current = end.getTime() >= now.getTime();
  const judgedAt = current ? sql`case when status = 5 and paused_since is not null then paused_since else ${now} end` : sql`${end}::timestamptz`;
  const pendingAt = current
    ? sql`status in (2, 4, 5, 6)`
    : sql`received_at < ${end} and (status not in (7, 8, 9, 10) or coalesce(finished_at, returned_at, updated_at) >= ${end})`;
  const overdue = sql`(supplement_requests > 1 or (due_at is not null and due_at < ${judgedAt}))`;
  const { rows } = await sql<{ agency_id: string | null; procedure_code: string; within: string; overdue: string }>`
    select coalesce(handling_agency_id, receiving_agency_id) as agency_id, procedure_code,
      count(*) filter (where not ${overdue}) as within,
      count(*) filter (where ${overdue}) as overdue
    from dossiers
    where received_at is not null and ${pendingAt} and ${filterSql(filter)}
    group by 1, 2`.execute(db);
  return rows.map((r) => ({ agencyId: r.agency_id, procedureCode: r.procedure_code, within: Number(r.within), overdue: Number(r.overdue) }));
}

export async function pendingTotal(db: Kysely<any>, end: Date, filter: StatsFilter, now = new Date()): Promise<PendingSplit> {
  const rows = await pendingByAgencyAndProcedure(db, end, filter, now);
  return rows.reduce((acc, r) => ({ within: acc.within + r.within, overdue: acc.overdue + r.overdue }), { within: 0, overdue: 0 });
}
