import { Type } from 'typebox';
import type { App, AppContext } from '../http/module.js';
import { actorOf } from '../http/access.js';
import { errors } from '../http/errors.js';
import { Uuid } from '../http/schema.js';
import { MAX_YEAR, MIN_YEAR, tryParseIsoDate, type IsoDate } from './civil-date.js';
import { lunarDateOf } from './lunar.js';
import { createOverride, removeOverride } from './overrides.js';
import { calendarService } from './service.js';
import { latestVersion, listOverrides, listVersions, type StoredOverride } from './store.js';
import { CalendarRangeError, type WorkingCalendar } from './working-calendar.js';
import {
  AddWorkingDaysQuery,
  AddWorkingDaysView,
  BetweenQuery,
  BetweenView,
  CreatedOverrideView,
  CreateOverrideBody,
  DaysOffQuery,
  DaysOffView,
  DeleteOverrideQuery,
  LunarQuery,
  LunarView,
  OverridesQuery,
  OverridesView,
  VersionsView,
  VersionView,
} from './schemas.js';

const tags = ['calendar'];
const PROBLEM = { $ref: 'Problem#' };
const ADMIN = { roles: ['system_admin'] } as const;

export function registerCalendarRoutes(app: App, ctx: AppContext): void {
  const service = calendarService(ctx.db);
  const calendarFor = (version: number | undefined): Promise<WorkingCalendar> =>
    version === undefined ? service.current() : service.atVersion(version);

  app.get(
    '/api/v1/calendar/add-working-days',
    {
      config: { access: { public: true } },
      schema: { tags, summary: 'The date N working days after a start date (counting from the next day)', querystring: AddWorkingDaysQuery, response: { 200: AddWorkingDaysView, 400: PROBLEM, 404: PROBLEM } },
    },
    async (request) => {
      const start = dateParam(request.query.start, 'start');
      const calendar = await calendarFor(request.query.version);
      const date = inRange(() => calendar.addWorkingDays(start, request.query.days));
      return { date, calendarVersion: calendar.version };
    },
  );

  app.get(
    '/api/v1/calendar/working-days-between',
    {
      config: { access: { public: true } },
      schema: { tags, summary: 'Working days after `from` up to and including `to`', querystring: BetweenQuery, response: { 200: BetweenView, 400: PROBLEM, 404: PROBLEM } },
    },
    async (request) => {
      const from = dateParam(request.query.from, 'from');
      const to = dateParam(request.query.to, 'to');
      const calendar = await calendarFor(request.query.version);
      return { from, to, workingDays: inRange(() => calendar.workingDaysBetween(from, to)), calendarVersion: calendar.version };
    },
  );

  app.get(
    '/api/v1/calendar/lunar',
    {
      config: { access: { public: true } },
      schema: { tags, summary: 'The Vietnamese lunar date (UTC+7) of a date', querystring: LunarQuery, response: { 200: LunarView, 400: PROBLEM } },
    },
    async (request) => lunarDateOf(dateParam(request.query.date, 'date')),
  );

  app.get(
    '/api/v1/calendar/days-off',
    {
      config: { access: { public: true } },
      schema: { tags, summary: 'Holidays, compensation days and official extra days off of a year', querystring: DaysOffQuery, response: { 200: DaysOffView, 400: PROBLEM } },
    },
    async (request) => {
      const { year } = request.query;
      const calendar = await service.current();
      return {
        year,
        items: calendar.daysOff(year),
        calendarVersion: calendar.version,
        computedOnly: !calendar.hasOverlayFor(year),
        extraWorkingDays: calendar.workingOverrides(year).map((d) => ({ date: d.date, name: d.name })),
      };
    },
  );

  app.get(
    '/api/v1/calendar/overrides',
    {
      config: { access: { ...ADMIN, scopes: ['calendar:read'] } },
      schema: { tags, summary: 'Entries of the official overlay (with `history`, also removed ones)', querystring: OverridesQuery, response: { 200: OverridesView } },
    },
    async (request) => {
      const items = await listOverrides(ctx.db, { year: request.query.year, history: request.query.history });
      return { calendarVersion: await latestVersion(ctx.db), items: items.map(presentOverride) };
    },
  );

  app.post(
    '/api/v1/calendar/overrides',
    {
      config: { access: ADMIN },
      schema: { tags, summary: 'Add an official overlay entry (creates a new calendar version)', body: CreateOverrideBody, response: { 201: CreatedOverrideView, 400: PROBLEM, 409: PROBLEM } },
    },
    async (request, reply) => {
      const result = await createOverride(ctx.db, ctx.audit, request.body, { actor: actorOf(request), ip: request.ip, requestId: request.id });
      return reply.status(201).send({ override: presentOverride(result.override), calendarVersion: result.calendarVersion });
    },
  );

  app.delete(
    '/api/v1/calendar/overrides/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Remove an overlay entry (creates a new calendar version; the entry stays in the history)',
        params: Type.Object({ id: Uuid }),
        querystring: DeleteOverrideQuery,
        response: { 200: VersionView, 404: PROBLEM },
      },
    },
    async (request) =>
      removeOverride(ctx.db, ctx.audit, request.params.id, request.query.note, { actor: actorOf(request), ip: request.ip, requestId: request.id }),
  );

  app.get(
    '/api/v1/calendar/versions',
    {
      config: { access: { ...ADMIN, scopes: ['calendar:read'] } },
      schema: { tags, summary: 'Calendar versions, newest first (who changed the overlay, when, why)', response: { 200: VersionsView } },
    },
    async () => ({ items: (await listVersions(ctx.db)).map((v) => ({ ...v, changedAt: v.changedAt.toISOString() })) }),
  );
}

function presentOverride(o: StoredOverride) {
  return {
    id: o.id,
    date: o.date,
    kind: o.kind,
    name: o.name,
    source: o.source,
    validFromVersion: o.validFromVersion,
    validToVersion: o.validToVersion,
    createdAt: o.createdAt.toISOString(),
  };
}

/** A query date the schema let through, checked for being a real date within the covered years. */
function dateParam(text: string, field: string): IsoDate {
  const year = Number(text.slice(0, 4));
  if (tryParseIsoDate(text) === null || year < MIN_YEAR || year > MAX_YEAR) {
    throw errors.badRequest(
      'invalid_date',
      `Ngày không hợp lệ: cần dạng YYYY-MM-DD, năm từ ${MIN_YEAR} đến ${MAX_YEAR}.`,
      `Not a valid date: use YYYY-MM-DD with a year from ${MIN_YEAR} to ${MAX_YEAR}.`,
      [{ field, message: { vi: 'Ngày không hợp lệ.', en: 'Not a valid date.' } }],
    );
  }
  return text;
}

/** Runs calendar arithmetic, turning "ran past the covered years" into a 400 for the client. */
function inRange<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarRangeError) {
      throw errors.badRequest(
        'date_out_of_range',
        `Kết quả vượt ra ngoài phạm vi lịch (năm ${MIN_YEAR}–${MAX_YEAR}).`,
        `The result falls outside the years the calendar covers (${MIN_YEAR}–${MAX_YEAR}).`,
      );
    }
    throw error;
  }
}
