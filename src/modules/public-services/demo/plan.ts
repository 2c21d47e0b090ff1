import { Random, WeightedTable } from '../../../platform/seeded-random.js';
import type { WorkingCalendar } from '../../../platform/calendar/index.js';
import type { Applicant, ApplicantKind, Channel } from '../tables.js';
import { demoApplicant } from './people.js';
import type { DemoProcedure, DemoWorld } from './world.js';

/**
 * What happens to one demo dossier, decided up front from the seed; timeline.ts turns it into
 * dates once the due date is known. Rates are those a provincial one-stop report typically shows
 * (demo figures, not a province's statistics).
 */
export interface PlannedDossier {
  procedure: DemoProcedure;
  commune: DemoWorld['communes'][number] | null;
  channel: Channel;
  applicantKind: ApplicantKind;
  applicant: Applicant;
  submittedAt: Date;
  /** Valid receipt; for online dossiers a few working hours after submission. */
  receivedAt: Date;
  refused: boolean;
  /** Online dossiers sent back for completion before receipt (Mẫu 02), in working hours waited. */
  completionWaitHours: number | null;
  /** Supplement requests during processing, each with the applicant's delay in working hours. */
  supplements: number[];
  /** Share of the allowed time used before the decision; above 1 is late. */
  handlingFraction: number;
  end: 'approved' | 'rejected' | 'withdrawn' | 'stopped';
  /** Working hours between the result and its delivery; null = never collected. */
  returnAfterHours: number | null;
  /** Working hours before the due time an apology is issued, if the dossier runs late. */
  apologises: boolean;
  payment: 'online' | 'counter' | null;
  /** Paper components scanned at the counter (online ones are electronic already). */
  digitised: boolean;
  /** A component taken from a national database or an earlier e-result. */
  reusedData: boolean;
  evaluation: { rating: number; criteria: Record<string, number>; comment: string | null } | null;
}

const RATINGS = new WeightedTable([1, 2, 3, 4, 5], [2, 3, 10, 35, 50]);
const COMMENTS = ['Cán bộ hướng dẫn tận tình.', 'Thủ tục nhanh gọn.', 'Chờ hơi lâu.', 'Trả kết quả đúng hẹn.', 'Nộp trực tuyến tiện lợi.', null, null, null];

function channelOf(rng: Random, p: DemoProcedure): Channel {
  const online = p.onlineLevel !== 'none' && p.channels.includes('online');
  if (online && rng.chance(p.onlineLevel === 'full' ? 0.55 : 0.35)) return 'online';
  if (p.channels.includes('post') && rng.chance(0.03)) return 'post';
  return 'counter';
}

/** A submission instant on `day`: counters work office hours, online filing runs into the evening and weekends. */
function submissionTime(rng: Random, day: string, channel: Channel): Date {
  const minutes = channel === 'online' ? rng.int(6 * 60, 23 * 60) : rng.chance(0.55) ? rng.int(7 * 60 + 30, 11 * 60 + 30) : rng.int(13 * 60 + 30, 16 * 60 + 45);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return new Date(`${day}T${hh}:${mm}:00+07:00`);
}

function handlingFraction(rng: Random): number {
  const x = rng.next();
  if (x < 0.06) return rng.between(0.05, 0.2); // well ahead of time
  if (x < 0.94) return rng.between(0.2, 0.98);
  return 1 + rng.exponential(0.3); // late
}

function planOne(rng: Random, world: DemoWorld, procedures: WeightedTable<DemoProcedure>, communes: WeightedTable<DemoWorld['communes'][number]>, day: string, calendar: WorkingCalendar): PlannedDossier {
  const procedure = procedures.draw(rng);
  const commune = communes.draw(rng);
  // Counters are closed on days off: what arrives then was filed online.
  const channel = calendar.isWorkingDay(day) ? channelOf(rng, procedure) : 'online';
  const applicantKind = rng.pick(procedure.subjects);
  const submittedAt = submissionTime(rng, day, channel);
  const receivedAt = channel === 'online' ? calendar.addWorkingHours(submittedAt, rng.exponential(2) + 0.1) : submittedAt;
  const late = handlingFraction(rng);
  const endDraw = rng.next();
  const end = endDraw < 0.015 ? 'withdrawn' : endDraw < 0.023 ? 'stopped' : endDraw < 0.05 ? 'rejected' : 'approved';
  const supplements = rng.chance(0.08) ? [rng.exponential(24) + 2] : [];
  if (supplements.length && rng.chance(0.12)) supplements.push(rng.exponential(16) + 2);
  const electronic = procedure.resultType === 'electronic' || (procedure.onlineLevel === 'full' && channel === 'online');
  const rating = RATINGS.draw(rng) - (late > 1 && rng.chance(0.6) ? 2 : 0);
  return {
    procedure,
    commune: procedure.level === 'commune' || rng.chance(0.5) ? commune : null,
    channel,
    applicantKind,
    applicant: demoApplicant(rng, applicantKind, commune.name),
    submittedAt,
    receivedAt,
    refused: rng.chance(0.015),
    completionWaitHours: channel === 'online' && rng.chance(0.06) ? rng.exponential(12) + 1 : null,
    supplements,
    handlingFraction: late,
    end,
    returnAfterHours: electronic ? 0 : rng.chance(0.93) ? rng.exponential(10) : null,
    apologises: rng.chance(0.7),
    digitised: channel === 'online' || rng.chance(0.85),
    reusedData: rng.chance(0.2),
    payment: procedure.feeTotal > 0 ? (channel === 'online' && rng.chance(0.75) ? 'online' : 'counter') : null,
    evaluation: rng.chance(0.3)
      ? { rating: Math.max(1, rating), criteria: { timeliness: Math.max(1, rating - (late > 1 ? 1 : 0)), contacts: rng.int(3, 5), attitude: Math.max(1, rating), clarity: rng.int(3, 5) }, comment: rng.pick(COMMENTS) }
      : null,
  };
}

/**
 * `count` dossiers over the 365 days before `until`, in order of day: working days carry the load,
 * weekends only online filing (a tenth as many).
 */
export function* planDemoDossiers(world: DemoWorld, options: { count: number; seed: number; until: Date }): Generator<PlannedDossier> {
  if (world.procedures.length === 0 || world.communes.length === 0) return;
  const rng = new Random(options.seed);
  const procedures = new WeightedTable(world.procedures, world.procedures.map((p) => p.weight));
  const communes = new WeightedTable(world.communes, world.communes.map((c) => c.weight));
  const days: Array<{ day: string; weight: number }> = [];
  for (let i = 365; i >= 1; i--) {
    const day = new Date(options.until.getTime() + 7 * 3_600_000 - i * 86_400_000).toISOString().slice(0, 10);
    days.push({ day, weight: world.calendar.isWorkingDay(day) ? 1 : 0.1 });
  }
  const total = days.reduce((s, d) => s + d.weight, 0);
  let made = 0;
  let carried = 0;
  for (const [i, d] of days.entries()) {
    carried += (options.count * d.weight) / total;
    const n = i === days.length - 1 ? options.count - made : Math.floor(carried - made);
    for (let k = 0; k < n; k++) {
      made++;
      yield planOne(rng, world, procedures, communes, d.day, world.calendar);
    }
  }
}
