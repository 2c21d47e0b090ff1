/**
 * What indicators 5.1–5.4 of Decision 766 need from petitions about procedures (PAKN về TTHC), per
 * period (whole Vietnam days, `from` and `to` inclusive, as public-services/stats/period.ts).
 * Petitions are few (a few per thousand reports), so they are read and judged here one by one.
 */
import { sql, type Kysely } from 'kysely';
import { calendarCache, clockDue, type PetitionClock } from './clocks.js';
import type { PetitionClass } from './tables.js';

export interface PetitionPeriod {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

export interface PetitionFigures {
  /** 5.1: petitions first received in the period, those with a class, and per class. */
  received: number;
  classified: number;
  byClass: Record<PetitionClass, number>;
  /** 5.2: petitions to handle (received by the end, not finished before the start) and how they stand. */
  toHandle: number;
  handledOnTime: number;
  handledLate: number;
  inProgressWithinTime: number;
  inProgressOverdue: number;
  /** 5.3: first received in the period (re-raises excluded), minus the unsatisfied. */
  firstReceived: number;
  dislikedMore: number;
  late: number;
  reraised: number;
  /** Each unsatisfied petition once, whatever the number of reasons. */
  unsatisfied: number;
  satisfied: number;
}

interface Row {
  id: string;
  created_at: Date;
  calendar_version: number;
  petition_class: PetitionClass | null;
  reraise_of: string | null;
  likes: number;
  dislikes: number;
  reraised: boolean;
  events: Array<{ kind: string; at: string }> | null;
}

const FINISH = new Set(['resolve', 'refuse', 'close']);

export const periodStart = (p: PetitionPeriod) => new Date(`${p.from}T00:00:00+07:00`);
/** The first instant after the period. */
export const periodEnd = (p: PetitionPeriod) => new Date(new Date(`${p.to}T00:00:00+07:00`).getTime() + 86_400_000);

export async function petitionFigures(db: Kysely<any>, period: PetitionPeriod, filter: { agencyId?: string } = {}): Promise<PetitionFigures> {
  const start = periodStart(period);
  const end = periodEnd(period);
  const rows = await readPetitions(db, end, filter.agencyId ?? null);
  const calendarAt = calendarCache(db);
  const f: PetitionFigures = { received: 0, classified: 0, byClass: { procedure: 0, officer_conduct: 0 }, toHandle: 0, handledOnTime: 0, handledLate: 0, inProgressWithinTime: 0, inProgressOverdue: 0, firstReceived: 0, dislikedMore: 0, late: 0, reraised: 0, unsatisfied: 0, satisfied: 0 };
  for (const row of rows) {
    const judged = judge(row, await calendarAt(row.calendar_version), end);
    const inPeriod = row.created_at >= start && row.created_at < end;
    if (inPeriod) {
      f.received++;
      if (row.petition_class) {
        f.classified++;
        f.byClass[row.petition_class]++;
      }
    }
    if (!judged.finishedAt || judged.finishedAt >= start) {
      f.toHandle++;
      const key = judged.finishedAt ? (judged.onTime ? 'handledOnTime' : 'handledLate') : judged.onTime ? 'inProgressWithinTime' : 'inProgressOverdue';
      f[key]++;
    }
    if (inPeriod && !row.reraise_of) {
      f.firstReceived++;
      const disliked = row.dislikes > row.likes;
      const reraised = row.reraised || judged.reopened;
      if (disliked) f.dislikedMore++;
      if (!judged.onTime) f.late++;
      if (reraised) f.reraised++;
      if (disliked || !judged.onTime || reraised) f.unsatisfied++;
    }
  }
  f.satisfied = f.firstReceived - f.unsatisfied;
  return f;
}

/**
 * One petition as it stood at `end`: finished by its first answer (`resolve`: the answer clock) or
 * refusal or other closing (`refuse`, `close`: the reject clock), both counted from receipt or from
 * the last transfer before (the receiving agency's clock starts again, as the feedback deadlines do);
 * an open petition is within time while its answer clock has not run out at `end`.
 */
export function judge(row: Pick<Row, 'created_at' | 'events'>, calendar: Parameters<typeof clockDue>[0], end: Date): { finishedAt: Date | null; onTime: boolean; reopened: boolean } {
  const events = (row.events ?? []).map((e) => ({ kind: e.kind, at: new Date(e.at) })).filter((e) => e.at < end);
  const finish = events.find((e) => FINISH.has(e.kind)) ?? null;
  const before = finish ? events.filter((e) => e.at <= finish.at) : events;
  const transfer = before.filter((e) => e.kind === 'transfer').at(-1);
  const clockStart = transfer?.at ?? new Date(row.created_at);
  const reopened = events.some((e) => e.kind === 'reopened');
  if (!finish) return { finishedAt: null, onTime: end <= clockDue(calendar, 'answer', clockStart), reopened };
  const clock: PetitionClock = finish.kind === 'resolve' ? 'answer' : 'reject';
  return { finishedAt: finish.at, onTime: finish.at <= clockDue(calendar, clock, clockStart), reopened };
}

async function readPetitions(db: Kysely<any>, end: Date, agencyId: string | null): Promise<Row[]> {
  const { rows } = await sql<Row>`
    select r.id, r.created_at, r.calendar_version, p.petition_class, p.reraise_of,
      (select count(*) from feedback_petition_votes v where v.report_id = r.id and v.vote = 1)::int as likes,
      (select count(*) from feedback_petition_votes v where v.report_id = r.id and v.vote = -1)::int as dislikes,
      exists (select 1 from feedback_procedure_petitions later join feedback_reports lr on lr.id = later.report_id
              where later.reraise_of = r.id and lr.created_at < ${end}) as reraised,
      (select json_agg(json_build_object('kind', e.kind, 'at', e.at) order by e.at, e.id) from feedback_report_events e
        where e.report_id = r.id and e.kind in ('resolve', 'refuse', 'close', 'transfer', 'reopened')) as events
    from feedback_procedure_petitions p
    join feedback_reports r on r.id = p.report_id
    where r.created_at < ${end} and (${agencyId}::uuid is null or r.agency_id = ${agencyId}::uuid)
    order by r.created_at, r.id`.execute(db);
  return rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
}

/**
 * 5.4's "dossiers with a PAKN": the distinct dossiers named by petitions received in the period.
 * The indicator intersects them with its own dossiers.
 */
export async function dossiersWithPetition(db: Kysely<any>, period: PetitionPeriod): Promise<{ count: number; dossierIds: string[] }> {
  const { rows } = await sql<{ dossier_id: string }>`
    select distinct p.dossier_id from feedback_procedure_petitions p join feedback_reports r on r.id = p.report_id
    where p.dossier_id is not null and r.created_at >= ${periodStart(period)} and r.created_at < ${periodEnd(period)}
    order by p.dossier_id`.execute(db);
  return { count: rows.length, dossierIds: rows.map((r) => r.dossier_id) };
}
