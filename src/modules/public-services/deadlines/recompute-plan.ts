/**
 * The new due date of one open dossier on a newer calendar version, by the rules it was received
 * under: `dueOn` from the valid receipt with the procedure version's time limit and cutoff (what
 * `computeDue` does), then the working time already paused added back (`paused_working_minutes`).
 */
import type { Kysely } from 'kysely';
import { workingCalendar } from '../../../platform/calendar/index.js';
import type { Bilingual, TimeUnit } from '../tables.js';
import { addWorkingMinutes } from './clock.js';
import { dueOn } from './compute.js';
import { joinLines, pauseLine, recomputeLine } from './recompute-text.js';

/** An open dossier whose due date was computed on an older calendar version. */
export interface RecomputeCandidate {
  id: string;
  code: string | null;
  status: number;
  receivedAt: Date;
  dueAt: Date;
  calendarVersion: number;
  pausedMinutes: number;
  amount: number;
  unit: TimeUnit;
  cutoff: string | null;
}

export type RecomputePlan =
  | { kind: 'moved'; newDue: Date; explanation: Bilingual }
  | { kind: 'unchanged' }
  /** The stored date is not what the rules give on its own version (set by other means): left alone. */
  | { kind: 'skipped'; reason: 'not_reproducible' };

async function dueWithPauses(db: Kysely<any>, c: RecomputeCandidate, version: number, via?: Kysely<any>) {
  const calendar = await workingCalendar(db, version, via);
  const due = dueOn(calendar, { receivedAt: c.receivedAt, amount: c.amount, unit: c.unit, cutoff: c.cutoff });
  return { dueAt: addWorkingMinutes(calendar, due.dueAt, c.pausedMinutes), explanation: due.explanation };
}

/**
 * Moved, unchanged or skipped. The stored date must first be reproduced on the version it names:
 * only then is a difference on `toVersion` the calendar change's doing and nothing else's.
 */
export async function planRecompute(db: Kysely<any>, c: RecomputeCandidate, toVersion: number, at: Date, via?: Kysely<any>): Promise<RecomputePlan> {
  const promised = await dueWithPauses(db, c, c.calendarVersion, via);
  if (promised.dueAt.getTime() !== c.dueAt.getTime()) return { kind: 'skipped', reason: 'not_reproducible' };
  const now = await dueWithPauses(db, c, toVersion, via);
  if (now.dueAt.getTime() === c.dueAt.getTime()) return { kind: 'unchanged' };
  const moved = { oldDue: c.dueAt, newDue: now.dueAt, fromVersion: c.calendarVersion, toVersion };
  return { kind: 'moved', newDue: now.dueAt, explanation: joinLines([now.explanation, pauseLine(c.pausedMinutes), recomputeLine(moved, at)]) };
}
