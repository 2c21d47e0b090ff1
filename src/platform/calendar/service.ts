/**
 * The calendar as other modules use it: the working calendar of the current version, or of any past
 * version, and deadlines that carry the version they were computed with.
 *
 * Caching: a version's overlay never changes once written (changes make a new version), so built
 * calendars are cached by version for good. Only "which version is current" can go stale; it is
 * re-read after `latestTtlMs` and forgotten at once when this process changes the overlay. Another
 * process sharing the database sees a change within that delay; deadlines stay reproducible either
 * way because each records the version it used.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import { AppError } from '../http/errors.js';
import type { IsoDate } from './civil-date.js';
import { latestVersion, overlayAt, versionExists, type Executor } from './store.js';
import { WorkingCalendar } from './working-calendar.js';

/** A date deadline and the calendar version it was computed with (store both). */
export interface Deadline {
  date: IsoDate;
  calendarVersion: number;
}

/** A deadline in working hours: an instant, and the calendar version it was computed with. */
export interface HourDeadline {
  at: Date;
  calendarVersion: number;
}

export type DeadlineInput =
  | { start: IsoDate; workingDays: number; calendarVersion?: number | undefined }
  | { start: IsoDate; calendarDays: number; calendarVersion?: number | undefined };

const CACHED_VERSIONS = 32;

export class CalendarService {
  private latest: { version: number; readAt: number } | null = null;
  private readonly calendars = new Map<number, WorkingCalendar>();

  constructor(
    private readonly db: Executor,
    private readonly latestTtlMs = 5_000,
  ) {}

  /** Forget which version is current (called after this process changes the overlay). */
  invalidate(): void {
    this.latest = null;
  }

  /** The current version number. Pass `via` (a transaction) when calling inside one. */
  async currentVersion(via?: Kysely<any>): Promise<number> {
    if (this.latest && Date.now() - this.latest.readAt < this.latestTtlMs) return this.latest.version;
    const version = await latestVersion((via as Executor | undefined) ?? this.db);
    this.latest = { version, readAt: Date.now() };
    return version;
  }

  /** The working calendar as it is now. */
  async current(via?: Kysely<any>): Promise<WorkingCalendar> {
    return this.atVersion(await this.currentVersion(via), via);
  }

  /**
   * The working calendar as it stood at a past version — what a deadline computed then was based on.
   * Throws a 404 problem for a version that does not exist.
   */
  async atVersion(version: number, via?: Kysely<any>): Promise<WorkingCalendar> {
    const cached = this.calendars.get(version);
    if (cached) return cached;
    const db = (via as Executor | undefined) ?? this.db;
    if (!Number.isInteger(version) || version < 1 || !(await versionExists(db, version))) throw unknownVersion(version);
    const calendar = new WorkingCalendar(version, await overlayAt(db, version));
    if (this.calendars.size >= CACHED_VERSIONS) this.calendars.delete(this.calendars.keys().next().value!);
    this.calendars.set(version, calendar);
    return calendar;
  }

  /**
   * A deadline from a start date (the day of valid receipt), in working days or calendar days, on the
   * current calendar or on `calendarVersion` when given — to re-evaluate the deadline of work received
   * under an older calendar exactly as it was promised.
   */
  async computeDeadline(input: DeadlineInput, via?: Kysely<any>): Promise<Deadline> {
    const calendar = input.calendarVersion === undefined ? await this.current(via) : await this.atVersion(input.calendarVersion, via);
    const date = 'workingDays' in input ? calendar.addWorkingDays(input.start, input.workingDays) : calendar.addCalendarDays(input.start, input.calendarDays);
    return { date, calendarVersion: calendar.version };
  }

  /** A deadline in working hours from an instant (office hours in Vietnam time). */
  async computeHourDeadline(input: { start: Date; workingHours: number; calendarVersion?: number | undefined }, via?: Kysely<any>): Promise<HourDeadline> {
    const calendar = input.calendarVersion === undefined ? await this.current(via) : await this.atVersion(input.calendarVersion, via);
    return { at: calendar.addWorkingHours(input.start, input.workingHours), calendarVersion: calendar.version };
  }
}

function unknownVersion(version: number): AppError {
  return new AppError(404, 'calendar_version_not_found', {
    vi: `Không có phiên bản lịch số ${version}.`,
    en: `There is no calendar version ${version}.`,
  });
}

const services = new WeakMap<object, CalendarService>();

/** The calendar service of a database (one per database, shared by every module: one cache). */
export function calendarService(db: Kysely<any>): CalendarService {
  let service = services.get(db);
  if (!service) {
    service = new CalendarService(db as Kysely<Database>);
    services.set(db, service);
  }
  return service;
}
