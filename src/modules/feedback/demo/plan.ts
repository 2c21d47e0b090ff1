import { tetOf, todayInVietnam, vietnamLocal } from '../../../platform/calendar/index.js';
import type { ReportOutcome, ReportStatus } from '../tables.js';
import { Random, WeightedTable } from './random.js';
import type { DemoCommune, DemoWorld, DemoWorldCategory } from './world.js';
import * as T from './texts.js';

/**
 * The demo year, planned in memory and deterministically from a seed: when each report arrives,
 * where, about what, and what became of it by `until`. generate.ts writes the plan.
 *
 * The model, in short:
 * - days: a weekly rhythm (Monday busiest, Sunday quietest), slow growth over the year (the app
 *   gains users), a lull around Tết, and an hour-of-day profile (morning and afternoon peaks);
 * - categories: fixed base shares; flooding and disasters follow the rainy season (September to
 *   December) with three or four flood events each autumn, storms also bring fallen trees and
 *   power cuts;
 * - communes: a population proxy (see world.ts); in the flood season flooding goes four times as
 *   much to the coastal and river communes, disasters (landslides) three times to the uplands;
 * - handling: each report runs its whole life on the working calendar (accept within the class's
 *   hours, resolve by the deadline in ~85 % of cases, close a few days after the result, rating,
 *   an occasional reopen), then the life is cut at `until`: what had not happened yet stays open.
 */

export interface PlanOptions {
  count: number;
  seed: number;
  until: Date;
}

export interface PlannedEvent {
  at: Date;
  kind: string;
  public: boolean;
  actorLabel: string;
  agencyId: string | null;
  data: Record<string, unknown>;
}

export interface PlannedReport {
  id: string;
  categoryCode: string;
  description: string;
  lat: number;
  lng: number;
  address: string | null;
  communeCode: string;
  agencyId: string;
  status: ReportStatus;
  outcome: ReportOutcome | null;
  outcomeReason: string | null;
  handlingClass: string;
  attributes: Record<string, string | string[]>;
  reporterName: string | null;
  reporterEmail: string | null;
  reporterPhone: string | null;
  hideName: boolean;
  source: 'web' | 'open311' | 'counter';
  duplicateOf: string | null;
  resultText: string | null;
  ratingStars: number | null;
  ratingComment: string | null;
  reopenCount: number;
  acceptDueAt: Date;
  dueAt: Date;
  calendarVersion: number;
  createdAt: Date;
  updatedAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  ratedAt: Date | null;
  events: PlannedEvent[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DAYS = 365;
export const OFFICER_LABEL = 'Cán bộ xử lý (demo)';
export const REPORTER_LABEL = 'reporter';

/** Base shares of the categories (per cent-ish), after published breakdowns of Hue-S-style systems. */
const BASE_SHARE: Record<string, number> = {
  'hu-hong-duong': 12, 'den-chieu-sang': 9, 'via-he-lan-chiem': 9, 'an-toan-giao-thong': 5, 'rac-thai-ve-sinh': 13,
  'ngap-ung-thoat-nuoc': 4, 'o-nhiem-moi-truong': 6, 'cay-xanh': 4, 'thien-tai': 0.7, 'trat-tu-cong-cong': 6, 'an-ninh': 3,
  'xay-dung-trai-phep': 4, 'dat-dai': 4, 'an-toan-thuc-pham': 2, dien: 4, 'nuoc-sach': 4, 'vien-thong': 3,
  'thai-do-can-bo': 1.5, 'thu-tuc-hanh-chinh': 2.5, 'y-te-giao-duc': 2, khac: 3,
};
export const FLOOD_CATEGORIES = new Set(['ngap-ung-thoat-nuoc', 'thien-tai']);
const STORM_CATEGORIES = new Set(['cay-xanh', 'dien']);
/** Categories mostly seen in towns, and mostly in the countryside. */
const URBAN = new Set(['den-chieu-sang', 'via-he-lan-chiem', 'an-toan-giao-thong', 'trat-tu-cong-cong', 'cay-xanh', 'vien-thong']);
const RURAL = new Set(['dat-dai', 'xay-dung-trai-phep', 'nuoc-sach', 'y-te-giao-duc']);
/** Rain by month (Jan…Dec), relative: the central coast's rainy season is September–December. */
const RAIN_BY_MONTH = [0.6, 0.4, 0.3, 0.3, 0.5, 0.6, 0.6, 0.9, 1.8, 2.6, 2.4, 1.2];
/** Monday … Sunday. */
const WEEKDAY = [1.15, 1.1, 1.05, 1.05, 1.0, 0.8, 0.7];
/** Local hour of day 0…23. */
const HOURS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.4, 2.4, 3.0, 2.8, 2.5, 2.0, 1.4, 1.3, 2.2, 2.5, 2.4, 2.1, 1.8, 1.9, 1.9, 1.6, 1.0, 0.5];

interface Flood {
  centre: number;
  width: number;
  peak: number;
}

/** Flood events of one autumn: three or four, between 20 September and 30 November. */
function floodsOf(year: number, seed: number): Flood[] {
  const random = new Random(seed * 7919 + year);
  const start = Date.UTC(year, 8, 20) / DAY;
  const end = Date.UTC(year, 10, 30) / DAY;
  return Array.from({ length: random.int(3, 4) }, () => ({ centre: random.between(start, end), width: random.between(1.5, 3.5), peak: random.between(5, 14) }));
}

/** Day numbers (days since 1970-01-01, Vietnam dates) and their relative weights per category. */
interface DayPlan {
  dayNumber: number;
  month: number;
  weight: number;
  categories: WeightedTable<DemoWorldCategory>;
  floodLevel: number;
}

function planDays(world: DemoWorld, untilDay: number, seed: number): DayPlan[] {
  const firstDay = untilDay - DAYS + 1;
  const years = new Set<number>();
  for (let n = firstDay; n <= untilDay; n += 28) years.add(new Date(n * DAY).getUTCFullYear());
  years.add(new Date(untilDay * DAY).getUTCFullYear());
  const floods = [...years].flatMap((y) => floodsOf(y, seed));
  const tets = [...years].map((y) => Date.parse(`${tetOf(y)}T00:00:00Z`) / DAY);
  const days: DayPlan[] = [];
  for (let n = firstDay; n <= untilDay; n++) {
    const date = new Date(n * DAY);
    const month = date.getUTCMonth();
    const weekday = (date.getUTCDay() + 6) % 7;
    const growth = 0.8 + (0.4 * (n - firstDay)) / (DAYS - 1);
    const tet = tets.some((t) => n >= t - 2 && n <= t + 5) ? 0.35 : 1;
    const floodLevel = RAIN_BY_MONTH[month]! + floods.reduce((sum, f) => sum + f.peak * Math.exp(-0.5 * ((n - f.centre) / f.width) ** 2), 0);
    const shares = world.categories.map((c) => {
      const base = BASE_SHARE[c.code] ?? 2;
      if (FLOOD_CATEGORIES.has(c.code)) return base * floodLevel;
      if (STORM_CATEGORIES.has(c.code)) return base * Math.max(0.7, 1 + 0.3 * (floodLevel - 1));
      return base;
    });
    const categories = new WeightedTable(world.categories, shares);
    days.push({ dayNumber: n, month, weight: WEEKDAY[weekday]! * growth * tet * categories.total, categories, floodLevel });
  }
  return days;
}

/** Commune tables for each kind of category and season, built once. */
function communeTables(world: DemoWorld) {
  const table = (factor: (c: DemoCommune) => number) => new WeightedTable(world.communes, world.communes.map((c) => c.weight * factor(c)));
  return {
    plain: table(() => 1),
    urban: table((c) => (c.kind === 'ward' ? 2 : 1)),
    rural: table((c) => (c.kind === 'ward' ? 0.4 : 1)),
    flood: table((c) => (c.floodProne ? 4 : 0.5)),
    landslide: table((c) => (c.kind === 'upland' ? 3 : c.floodProne ? 1.5 : 1)),
  };
}

/** A point inside the commune, as routing would resolve it: mostly near the centre (where people live), some anywhere in it. */
function pointIn(world: DemoWorld, commune: DemoCommune, random: Random): { lat: number; lng: number } {
  const { minLat, maxLat, minLng, maxLng } = commune.bbox;
  const spread = commune.kind === 'ward' ? 0.25 : 0.15;
  for (let attempt = 0; attempt < 40; attempt++) {
    const near = random.chance(0.65);
    const lat = near ? commune.centre.lat + random.normal() * spread * (maxLat - minLat) : random.between(minLat, maxLat);
    const lng = near ? commune.centre.lng + random.normal() * spread * (maxLng - minLng) : random.between(minLng, maxLng);
    if (world.communeAt(lat, lng) === commune.code) return { lat: round6(lat), lng: round6(lng) };
  }
  return commune.centre;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function fill(template: string, commune: DemoCommune, random: Random): { text: string; address: string } {
  const hasRoad = template.includes('{duong}');
  const number = random.int(1, 180);
  let noi: string;
  let duong: string;
  let address: string;
  if (commune.kind === 'ward') {
    const street = random.pick(T.STREETS);
    duong = street;
    const short = [`trước nhà số ${number}`, `${random.pick(T.LANDMARKS)}`, `đầu kiệt ${number}`, `đoạn giao với đường ${random.pick(T.STREETS.filter((s) => s !== street))}`];
    noi = hasRoad ? random.pick(short) : random.pick([`trước nhà số ${number} đường ${street}`, `trên đường ${street}, ${random.pick(T.LANDMARKS)}`, `trong kiệt ${number} đường ${street}`]);
    address = `${number} ${street}, ${commune.name}`;
  } else {
    const village = random.pick(T.VILLAGE_PARTS);
    duong = random.pick(T.ROADS_RURAL);
    noi = hasRoad ? random.pick([`tại ${village}`, `${random.pick(T.LANDMARKS)} ở ${village}`]) : random.pick([`tại ${village}`, `${random.pick(T.LANDMARKS)}, ${village}`, `trên đường ${random.pick(T.ROADS_RURAL)} qua ${village}`]);
    address = `${village}, ${commune.name}`;
  }
  const text = template.replaceAll('{noi}', noi).replaceAll('{duong}', duong).replaceAll('{thoi}', random.pick(T.SINCE));
  return { text, address };
}

function attributesFor(category: DemoWorldCategory, preset: Record<string, string | string[]> | undefined, floodLevel: number, random: Random): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const a of category.attributes) {
    const given = preset?.[a.code];
    if (given !== undefined && (a.required || random.chance(0.7))) {
      out[a.code] = given;
      continue;
    }
    if (!a.required && !random.chance(0.45)) continue;
    const keys = a.values.map((v) => v.key);
    if (a.datatype === 'singlevaluelist' && keys.length > 0) out[a.code] = random.pick(keys);
    else if (a.datatype === 'multivaluelist' && keys.length > 0) out[a.code] = [...new Set([random.pick(keys), ...(random.chance(0.3) ? [random.pick(keys)] : [])])];
    else if (a.datatype === 'number') out[a.code] = String(Math.round(random.between(5, 30) * Math.min(4, Math.max(1, floodLevel / 2))));
    else if (a.datatype === 'datetime') continue;
    else out[a.code] = `C-${random.int(10, 999)}`;
  }
  return out;
}

function reporter(random: Random, source: PlannedReport['source'], n: number) {
  const named = source === 'counter' || random.chance(0.7);
  const name = named ? `${random.pick(T.FAMILY_NAMES)} ${random.pick(T.MIDDLE_NAMES)} Demo` : null;
  // Obviously fake: every demo phone number ends in 000, every address is on the reserved .invalid domain.
  const phone = source === 'counter' || random.chance(0.55) ? `09${random.int(10, 99)} ${random.int(100, 999)} 000` : null;
  const email = random.chance(0.25) ? `demo.${n}@example.invalid` : null;
  return { name, phone, email, hideName: named && random.chance(0.35) };
}

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

interface Step {
  at: number;
  event: Omit<PlannedEvent, 'at'>;
  apply(r: PlannedReport, at: Date): void;
}

/** The reports of the demo year in order of arrival. Same world, options and seed → same reports. */
export function* planDemoReports(world: DemoWorld, options: PlanOptions): Generator<PlannedReport> {
  const random = new Random(options.seed);
  const until = options.until.getTime();
  const untilLocal = vietnamLocal(options.until);
  const days = planDays(world, untilLocal.dayNumber, options.seed);
  const dayTable = new WeightedTable(days, days.map((d) => d.weight));
  const perDay = new Map<number, number>();
  for (let i = 0; i < options.count; i++) {
    const d = dayTable.draw(random).dayNumber;
    perDay.set(d, (perDay.get(d) ?? 0) + 1);
  }
  const hours = new WeightedTable(HOURS.map((_, h) => h), HOURS);
  const communes = communeTables(world);
  const lastOf = new Map<string, { id: string; lat: number; lng: number; at: number }>();
  let n = 0;

  for (const day of days) {
    const count = perDay.get(day.dayNumber) ?? 0;
    if (count === 0) continue;
    const dayStart = day.dayNumber * DAY - 7 * HOUR;
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      let at = dayStart + hours.draw(random) * HOUR + random.next() * HOUR;
      if (at > until) at = dayStart + random.next() * (until - dayStart);
      times.push(Math.floor(at));
    }
    times.sort((a, b) => a - b);
    for (const createdMs of times) {
      n++;
      const category = day.categories.draw(random);
      const floodSeason = day.floodLevel > 1.5;
      const table =
        category.code === 'thien-tai' && floodSeason ? communes.landslide
        : FLOOD_CATEGORIES.has(category.code) && floodSeason ? communes.flood
        : URBAN.has(category.code) ? communes.urban
        : RURAL.has(category.code) ? communes.rural
        : communes.plain;
      const commune = table.draw(random);
      const key = `${category.code}|${commune.code}`;
      const original = lastOf.get(key);
      const fate = random.next();
      const isDuplicate = fate < 0.05 && !!original && createdMs - original.at < 30 * DAY;
      const id = random.uuid();
      let point = pointIn(world, commune, random);
      if (isDuplicate) {
        const lat = round6(original.lat + random.normal() * 0.0003);
        const lng = round6(original.lng + random.normal() * 0.0003);
        point = world.communeAt(lat, lng) === commune.code ? { lat, lng } : { lat: original.lat, lng: original.lng };
      } else {
        lastOf.set(key, { id, ...point, at: createdMs });
      }
      const templates = T.DESCRIPTIONS[category.code] ?? T.GENERIC_DESCRIPTIONS;
      const template = random.pick(templates);
      const { text, address } = fill(template.text, commune, random);
      const source = random.chance(0.08) ? 'counter' : random.chance(0.1) ? 'open311' : 'web';
      const who = reporter(random, source, n);
      const cls = world.classes.get(category.handlingClass)!;
      const created = new Date(createdMs);
      const deadlines = demoDeadlines(world, cls, created);
      const agencyId = world.agencyFor(category.code, commune.code);

      const report: PlannedReport = {
        id,
        categoryCode: category.code,
        description: text,
        lat: point.lat,
        lng: point.lng,
        address: random.chance(0.75) ? address : null,
        communeCode: commune.code,
        agencyId,
        status: 'new',
        outcome: null,
        outcomeReason: null,
        handlingClass: cls.code,
        attributes: attributesFor(category, template.attributes, day.floodLevel, random),
        reporterName: who.name,
        reporterEmail: who.email,
        reporterPhone: who.phone,
        hideName: who.hideName,
        source,
        duplicateOf: null,
        resultText: null,
        ratingStars: null,
        ratingComment: null,
        reopenCount: 0,
        acceptDueAt: deadlines.acceptDueAt,
        dueAt: deadlines.dueAt,
        calendarVersion: world.calendar.version,
        createdAt: created,
        updatedAt: created,
        acceptedAt: null,
        resolvedAt: null,
        closedAt: null,
        ratedAt: null,
        events: [{ at: created, kind: 'received', public: true, actorLabel: REPORTER_LABEL, agencyId, data: { source, agencyId } }],
      };
      const steps = lifecycle(world, random, report, { fate, isDuplicate, originalId: original?.id ?? null, acceptHours: cls.accept_hours });
      let last = createdMs;
      for (const step of steps) {
        const at = Math.max(step.at, last + 60_000);
        if (at > until) break;
        last = at;
        const when = new Date(at);
        step.apply(report, when);
        report.events.push({ at: when, ...step.event });
        report.updatedAt = when;
      }
      yield report;
    }
  }
}

/** The whole life of a report from its arrival, as steps in time order (cut at `until` by the caller). */
function lifecycle(world: DemoWorld, random: Random, r: PlannedReport, o: { fate: number; isDuplicate: boolean; originalId: string | null; acceptHours: number }): Step[] {
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
