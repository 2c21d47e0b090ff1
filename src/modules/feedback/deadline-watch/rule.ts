import { sql, type RawBuilder } from 'kysely';
import type { ReportStatus } from '../tables.js';

/** The timeline kinds this job writes; each marks "done for the current deadline". */
export type WatchMark = 'reminder' | 'escalated';

/**
 * Timeline kinds written when a report gets a new current deadline: `accept` (the clock moves from
 * accept_due_at to due_at), `transfer` (another agency, its own acceptance clock) and `reopened`
 * (back in progress after a result). Written by transitions.ts and reporter-actions.ts.
 */
export const DEADLINE_CHANGE_KINDS = ['accept', 'transfer', 'reopened'] as const;

/** Statuses with a running clock: 'new' counts accept_due_at, 'accepted' and 'in_progress' count due_at. */
export const WATCHED_STATUSES = ['new', 'accepted', 'in_progress'] as const satisfies readonly ReportStatus[];

export type DeadlineKind = 'accept' | 'resolve';

/** The current deadline of a report row aliased `r` (null when resolved or closed). */
export const currentDeadlineSql: RawBuilder<Date | null> = sql<Date | null>`(case when r.status = 'new' then r.accept_due_at when r.status in ('accepted', 'in_progress') then r.due_at end)`;

/**
 * "Done for this deadline" (lần nhắc / lần chuyển cấp cho hạn hiện tại).
 *
 * A reminder or an escalation covers the deadline that was current when it was sent. The deadline
 * changes only through an `accept`, a `transfer` or a `reopened` event, so a mark still covers the
 * current deadline exactly when no such event came after it. Both are timeline rows of the same
 * report, written under the report's row lock, so their ids give the order without trusting clocks;
 * the reminded_at / escalated_at columns say when, and a null column (never sent, or cleared by a
 * transition) always means "not done". A mark without its timeline row (data loaded by other means)
 * counts as done until the next deadline change.
 */
export function markIsCurrent(mark: WatchMark): RawBuilder<boolean> {
  const column = mark === 'reminder' ? sql.ref('r.reminded_at') : sql.ref('r.escalated_at');
  return sql<boolean>`(${column} is not null and not exists (
    select 1 from feedback_report_events c
    where c.report_id = r.id
      and c.kind in (${sql.join(DEADLINE_CHANGE_KINDS.map((k) => sql.lit(k)))})
      and c.id > coalesce((select max(m.id) from feedback_report_events m where m.report_id = r.id and m.kind = ${sql.lit(mark)}), 0)
  ))`;
}

export function deadlineKindOf(status: ReportStatus): DeadlineKind {
  return status === 'new' ? 'accept' : 'resolve';
}
