/**
 * What became of a report: its whole life on the working calendar (acceptance, start, result by the
 * deadline or late, closing, rating, an occasional reopening, or an early duplicate, not-ours or
 * refusal), as steps in time order that plan.ts cuts at `until`.
 */
import { todayInVietnam } from '../../../platform/calendar/index.js';
import type { ReportOutcome } from '../tables.js';
import { WeightedTable, type Random } from '../../../platform/seeded-random.js';
import type { DemoWorld } from './world.js';
import type { PlannedEvent, PlannedReport } from './plan.js';
import { DAY } from './season.js';
import * as T from './texts.js';

export const OFFICER_LABEL = 'Cán bộ xử lý (demo)';
export const REPORTER_LABEL = 'reporter';

function starsFor(random: Random, kind: 'on_time' | 'late' | 'not_fixed'): number {
  const shares = { on_time: [3, 4, 10, 30, 53], late: [8, 10, 22, 32, 28], not_fixed: [30, 25, 25, 12, 8] }[kind];
  return new WeightedTable([1, 2, 3, 4, 5], shares).draw(random);
}

/** The next instant in office hours (unchanged when already in them). */
function office(world: DemoWorld, at: number): number {
  return world.calendar.addWorkingHours(new Date(at), 0).getTime();
}
function afterWorkingHours(world: DemoWorld, at: number, hours: number): number {
  return world.calendar.addWorkingHours(new Date(at), Math.max(0, hours)).getTime();
}

/** Deadlines exactly as reportDeadlines (deadlines.ts) computes them, on the in-memory calendar. */
export function demoDeadlines(world: DemoWorld, cls: { accept_hours: number; resolve_amount: number; resolve_unit: 'working_hours' | 'working_days' }, from: Date): { acceptDueAt: Date; dueAt: Date } {
  const acceptDueAt = world.calendar.addWorkingHours(from, cls.accept_hours);
  if (cls.resolve_unit === 'working_hours') return { acceptDueAt, dueAt: world.calendar.addWorkingHours(from, cls.accept_hours + cls.resolve_amount) };
  const day = world.calendar.addWorkingDays(todayInVietnam(from), cls.resolve_amount);
  return { acceptDueAt, dueAt: new Date(`${day}T17:00:00+07:00`) };
}

export interface Step {
  at: number;
  event: Omit<PlannedEvent, 'at'>;
  apply(r: PlannedReport, at: Date): void;
}

/** The whole life of a report from its arrival, as steps in time order (cut at `until` by the caller). */
export function lifecycle(world: DemoWorld, random: Random, r: PlannedReport, o: { fate: number; isDuplicate: boolean; originalId: string | null; acceptHours: number }): Step[] {
  const created = r.createdAt.getTime();
  const officer = (agencyId: string) => ({ public: true, actorLabel: OFFICER_LABEL, agencyId });
  const firstLook = afterWorkingHours(world, created, o.acceptHours * random.between(0.05, 0.9));
  const closeAs = (outcome: ReportOutcome, reason: string | null, duplicateOf: string | null = null) => (rep: PlannedReport, at: Date) => {
    rep.status = 'closed';
    rep.outcome = outcome;
    rep.outcomeReason = reason;
    rep.closedAt = at;
    rep.duplicateOf = duplicateOf;
  };

  if (o.isDuplicate) {
    return [{ at: firstLook, event: { kind: 'close', ...officer(r.agencyId), data: { outcome: 'duplicate', reason: T.DUPLICATE_REASON, duplicateOf: null } }, apply: closeAs('duplicate', T.DUPLICATE_REASON, o.originalId) }];
  }
  if (o.fate >= 0.05 && o.fate < 0.1) {
    const reason = T.NOT_OURS_REASONS[r.categoryCode] ?? random.pick(T.GENERIC_NOT_OURS);
    return [{ at: firstLook, event: { kind: 'close', ...officer(r.agencyId), data: { outcome: 'not_ours', reason, duplicateOf: null } }, apply: closeAs('not_ours', reason) }];
  }
  if (o.fate >= 0.1 && o.fate < 0.14) {
    const reason = random.pick(T.REFUSE_REASONS);
    return [{ at: firstLook, event: { kind: 'refuse', ...officer(r.agencyId), data: { reason } }, apply: closeAs('refused', reason) }];
  }

  const steps: Step[] = [];
  let agency = r.agencyId;
  let clock = created;
  // The provincial office passes most "other" reports to the commune where it happened.
  const committee = world.committeeOf(r.communeCode);
  if (r.categoryCode === 'khac' && committee && committee !== agency && random.chance(0.35)) {
    const from = agency;
    const reason = random.pick(T.TRANSFER_REASONS);
    clock = afterWorkingHours(world, created, random.between(0.3, 3));
    steps.push({ at: clock, event: { kind: 'transfer', ...officer(from), data: { reason, fromAgencyId: from, toAgencyId: committee } }, apply: (rep) => (rep.agencyId = committee) });
    agency = committee;
  }
  const acceptLate = random.chance(0.08);
  const acceptAt = acceptLate ? afterWorkingHours(world, created, o.acceptHours * random.between(1.05, 2.5)) : Math.max(afterWorkingHours(world, created, o.acceptHours * random.between(0.05, 0.9)), clock + 10 * 60_000);
  steps.push({ at: acceptAt, event: { kind: 'accept', ...officer(agency), data: {} }, apply: (rep, at) => ((rep.status = 'accepted'), (rep.acceptedAt = at)) });
  let startAt = acceptAt;
  if (random.chance(0.85)) {
    startAt = afterWorkingHours(world, acceptAt, random.between(0.1, 4));
    steps.push({ at: startAt, event: { kind: 'start', ...officer(agency), data: {} }, apply: (rep) => (rep.status = 'in_progress') });
  }
  if (random.chance(0.1)) {
    const noteAt = afterWorkingHours(world, startAt, random.between(1, 8));
    steps.push({ at: noteAt, event: { kind: 'note', ...officer(agency), public: false, data: { note: 'Đã phối hợp kiểm tra thực địa, chờ bố trí nhân lực.' } }, apply: () => {} });
  }

  // Resolution: mostly by the deadline; late ones are usually a few days late, a few much later (the backlog).
  const due = r.dueAt.getTime();
  const urgent = r.handlingClass === 'urgent';
  const lateShare = r.handlingClass === 'complex' ? 0.25 : urgent ? 0.12 : 0.15;
  const late = random.chance(lateShare);
  const doneAt = late
    ? afterWorkingHours(world, Math.max(due, startAt), random.chance(0.12) ? random.between(160, 720) : urgent ? random.between(0.5, 8) : random.between(2, 60))
    : office(world, startAt + Math.max(0, due - startAt) * random.between(0.15, 0.95));

  if (random.chance(0.07)) {
    const reason = random.pick(T.NOT_FIXED_REASONS);
    steps.push({ at: doneAt, event: { kind: 'close', ...officer(agency), data: { outcome: 'not_fixed', reason, duplicateOf: null } }, apply: closeAs('not_fixed', reason) });
    if (random.chance(0.35)) steps.push(rating(random, doneAt + random.exponential(DAY), 'not_fixed'));
    return steps.sort((a, b) => a.at - b.at);
  }
  const resultText = random.pick(T.RESULTS[r.categoryCode] ?? T.GENERIC_RESULTS);
  const resolve = (at: number): Step => ({ at, event: { kind: 'resolve', ...officer(agency), data: { resultText } }, apply: (rep, when) => ((rep.status = 'resolved'), (rep.resolvedAt = when), (rep.resultText = resultText)) });
  steps.push(resolve(doneAt));
  let resolvedAt = doneAt;
  if (random.chance(0.025)) {
    const reopenAt = resolvedAt + random.between(0.2, 1.8) * DAY;
    const reason = random.pick(T.REOPEN_REASONS);
    steps.push({
      at: reopenAt,
      event: { kind: 'reopened', public: true, actorLabel: REPORTER_LABEL, agencyId: null, data: { reason } },
      apply: (rep) => ((rep.status = 'in_progress'), (rep.resolvedAt = null), (rep.reopenCount += 1)),
    });
    resolvedAt = afterWorkingHours(world, reopenAt, random.between(4, 40));
    steps.push(resolve(resolvedAt));
  }
  const closeAt = office(world, resolvedAt + random.between(2, 8) * DAY);
  steps.push({ at: closeAt, event: { kind: 'close', ...officer(agency), data: { outcome: 'fixed', reason: null, duplicateOf: null } }, apply: closeAs('fixed', null) });
  if (random.chance(0.6)) steps.push(rating(random, resolvedAt + Math.min(random.exponential(1.5 * DAY), 10 * DAY), late ? 'late' : 'on_time'));
  return steps.sort((a, b) => a.at - b.at);
}

function rating(random: Random, at: number, kind: 'on_time' | 'late' | 'not_fixed'): Step {
  const stars = starsFor(random, kind);
  const comment = random.chance(0.4) ? random.pick(T.RATING_COMMENTS[stars]!) : null;
  return {
    at,
    event: { kind: 'rated', public: true, actorLabel: REPORTER_LABEL, agencyId: null, data: { stars } },
    apply: (rep, when) => ((rep.ratingStars = stars), (rep.ratingComment = comment), (rep.ratedAt = when)),
  };
}
