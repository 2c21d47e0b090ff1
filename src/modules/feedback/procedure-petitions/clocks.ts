import type { Kysely } from 'kysely';
import { todayInVietnam, workingCalendar, type WorkingCalendar } from '../../../platform/calendar/index.js';

/**
 * The four national PAKN clocks (Decision 766, indicator 5.2), in working days: reject, ask for more
 * information, answer, publish after approval. Each runs from its start instant's day (Civil Code
 * art. 147: counting starts the next day) and ends at 17:00 Vietnam time of the last working day,
 * as the feedback module's own day deadlines do.
 */
export const PETITION_CLOCKS = { reject: 2, ask_info: 5, answer: 15, publish: 2 } as const;
export type PetitionClock = keyof typeof PETITION_CLOCKS;

type Calendar = Pick<WorkingCalendar, 'addWorkingDays'>;

/** When the clock started at `start` runs out. */
export function clockDue(calendar: Calendar, clock: PetitionClock, start: Date): Date {
  const day = calendar.addWorkingDays(todayInVietnam(start), PETITION_CLOCKS[clock]);
  return new Date(`${day}T17:00:00+07:00`);
}

/** Whether a step done at `done` met the clock started at `start`. */
export function onTime(calendar: Calendar, clock: PetitionClock, start: Date, done: Date): boolean {
  return done.getTime() <= clockDue(calendar, clock, start).getTime();
}

/** Calendars by version, so many petitions are judged with one read per version. */
export function calendarCache(db: Kysely<any>): (version: number) => Promise<Calendar> {
  const cache = new Map<number, Promise<Calendar>>();
  return (version) => {
    let found = cache.get(version);
    if (!found) {
      found = workingCalendar(db, version);
      cache.set(version, found);
    }
    return found;
  };
}
