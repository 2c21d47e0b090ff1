import { vietnamLocal } from '../../../platform/calendar/index.js';
import type { ReportOutcome, ReportStatus } from '../tables.js';
import { Random, WeightedTable } from '../../../platform/seeded-random.js';
import type { DemoWorld } from './world.js';
import * as T from './texts.js';
import { DAY, FLOOD_CATEGORIES, HOUR, HOURS, planDays } from './season.js';
import { RURAL, URBAN, communeTables, pointIn, round6 } from './place.js';
import { attributesFor, fill, reporter } from './content.js';
import { REPORTER_LABEL, demoDeadlines, lifecycle } from './lifecycle.js';

export { FLOOD_CATEGORIES } from './season.js';
export { OFFICER_LABEL, REPORTER_LABEL, demoDeadlines } from './lifecycle.js';

/**
 * The demo year, planned in memory and deterministically from a seed: when each report arrives,
 * where, about what, and what became of it by `until`. generate.ts writes the plan.
 *
 * The parts: season.ts (when), place.ts (where), content.ts (what and who), lifecycle.ts (what
 * became of it). The model, in short:
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
