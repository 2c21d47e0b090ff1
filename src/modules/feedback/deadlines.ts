import type { Kysely } from 'kysely';
import { computeDeadline, computeHourDeadline, todayInVietnam } from '../../platform/calendar/index.js';
import type { HandlingClassTable } from './tables.js';

export interface ReportDeadlines {
  acceptDueAt: Date;
  dueAt: Date;
  calendarVersion: number;
}

/**
 * Deadlines from the working-day calendar: acceptance within the class's working hours, resolution
 * within its working hours or days (a day deadline ends at 17:00 Vietnam time). The calendar version
 * is kept with the report, so a later calendar change never moves them.
 */
export async function reportDeadlines(db: Kysely<any>, cls: Pick<HandlingClassTable, 'accept_hours' | 'resolve_amount' | 'resolve_unit'>, from: Date, calendarVersion?: number): Promise<ReportDeadlines> {
  const accept = await computeHourDeadline(db, { start: from, workingHours: cls.accept_hours, calendarVersion });
  const version = calendarVersion ?? accept.calendarVersion;
  if (cls.resolve_unit === 'working_hours') {
    const resolve = await computeHourDeadline(db, { start: from, workingHours: cls.accept_hours + cls.resolve_amount, calendarVersion: version });
    return { acceptDueAt: accept.at, dueAt: resolve.at, calendarVersion: version };
  }
  const day = await computeDeadline(db, { start: todayInVietnam(from), workingDays: cls.resolve_amount, calendarVersion: version });
  return { acceptDueAt: accept.at, dueAt: new Date(`${day.date}T17:00:00+07:00`), calendarVersion: version };
}

/**
 * Deadlines that start again at `from` (a transfer to the right agency, a reopened report), counted
 * on the report's own calendar version and handling class.
 */
export async function restartedDeadlines(db: Kysely<any>, report: { handling_class: string; calendar_version: number }, from: Date): Promise<ReportDeadlines> {
  const cls = await db.selectFrom('feedback_handling_classes').select(['accept_hours', 'resolve_amount', 'resolve_unit']).where('code', '=', report.handling_class).executeTakeFirstOrThrow();
  return reportDeadlines(db, cls, from, report.calendar_version);
}
