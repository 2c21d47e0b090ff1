import { sql } from 'kysely';
import type { FeedbackDb, FeedbackTrx } from '../tables.js';
import { markIsCurrent, type WatchMark } from './rule.js';

/** Which deadlines a pass looks at: those in [from, until) (from open when absent). */
export interface DeadlineRange {
  from?: Date;
  until: Date;
}

export interface Candidate {
  id: string;
  deadline: Date;
}

/**
 * The two clocks, each read through its own partial index (migrations.ts). The status conditions
 * are literals, as in the index definitions, so the planner can match them.
 */
const CLOCKS = [
  { column: 'r.accept_due_at', statuses: sql`r.status = 'new'` },
  { column: 'r.due_at', statuses: sql`r.status in ('accepted', 'in_progress')` },
] as const;

function clockQuery(db: FeedbackDb | FeedbackTrx, clock: (typeof CLOCKS)[number], mark: WatchMark, range: DeadlineRange) {
  const column = sql.ref(clock.column);
  return db
    .selectFrom('feedback_reports as r')
    .select(['r.id', sql<Date>`${column}`.as('deadline')])
    .where(sql<boolean>`${clock.statuses}`)
    .where(sql<boolean>`${column} < ${range.until}`)
    .$if(range.from !== undefined, (q) => q.where(sql<boolean>`${column} >= ${range.from!}`))
    .where(sql<boolean>`not ${markIsCurrent(mark)}`);
}

/**
 * Up to `limit` reports, earliest deadline first, whose current deadline lies in the range and
 * that are not yet marked for it. Reads only; each report is locked and checked again when written.
 */
export async function findCandidates(db: FeedbackDb, mark: WatchMark, range: DeadlineRange, limit: number, exclude: ReadonlySet<string>): Promise<Candidate[]> {
  const skip = [...exclude];
  const found: Candidate[] = [];
  for (const clock of CLOCKS) {
    const rows = await clockQuery(db, clock, mark, range)
      .$if(skip.length > 0, (q) => q.where('r.id', 'not in', skip))
      .orderBy(sql.ref(clock.column))
      .orderBy('r.id')
      .limit(limit)
      .execute();
    found.push(...rows.map((r) => ({ id: r.id, deadline: new Date(r.deadline) })));
  }
  return found.sort((a, b) => a.deadline.getTime() - b.deadline.getTime()).slice(0, limit);
}

/**
 * The same test for one report inside the writing transaction. The row is locked first (skipped if
 * another worker holds it) and tested in a later statement, whose fresh snapshot sees whatever a
 * worker that held the lock before has committed: two workers never mark one deadline twice.
 */
export async function lockIfStillDue(trx: FeedbackTrx, id: string, mark: WatchMark, range: DeadlineRange) {
  const locked = await trx.selectFrom('feedback_reports').select('id').where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
  if (!locked) return undefined;
  for (const clock of CLOCKS) {
    const row = await clockQuery(trx, clock, mark, range)
      .select(['r.status', 'r.agency_id', 'r.assigned_to', 'r.tracking_code', 'r.category_code'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (row) return { ...row, deadline: new Date(row.deadline) };
  }
  return undefined;
}
