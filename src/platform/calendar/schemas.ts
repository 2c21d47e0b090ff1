import { Type } from 'typebox';
import { StrictObject } from '../http/schema.js';
import { MAX_YEAR, MIN_YEAR } from './civil-date.js';

export const DateText = Type.String({ format: 'date', description: 'A date, YYYY-MM-DD, in Vietnam time', examples: ['2025-04-28'] });
export const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });
export const VersionParam = Type.Optional(
  Type.Integer({ minimum: 1, description: 'Evaluate with this past calendar version instead of the current one' }),
);

/** Upper bound of `days`: ten years of days is beyond any administrative time limit. */
export const MAX_DAYS = 3650;

export const AddWorkingDaysQuery = Type.Object({
  start: DateText,
  days: Type.Integer({ minimum: 0, maximum: MAX_DAYS, description: 'Working days to add; counting starts the day after `start`' }),
  version: VersionParam,
});
export const AddWorkingDaysView = Type.Object({ date: Type.String(), calendarVersion: Type.Integer() });

export const BetweenQuery = Type.Object({ from: DateText, to: DateText, version: VersionParam });
export const BetweenView = Type.Object({
  from: Type.String(),
  to: Type.String(),
  workingDays: Type.Integer({ description: 'Working days after `from` up to and including `to` (negative if `to` is earlier)' }),
  calendarVersion: Type.Integer(),
});

export const LunarQuery = Type.Object({ date: DateText });
export const LunarView = Type.Object({
  day: Type.Integer(),
  month: Type.Integer(),
  year: Type.Integer(),
  leap: Type.Boolean({ description: 'True in a leap month (tháng nhuận)' }),
});

export const DaysOffQuery = Type.Object({ year: Type.Integer({ minimum: MIN_YEAR, maximum: MAX_YEAR }) });
export const DayOffKindSchema = Type.Union([Type.Literal('holiday'), Type.Literal('compensation'), Type.Literal('overlay')]);
export const DaysOffView = Type.Object({
  year: Type.Integer(),
  items: Type.Array(Type.Object({ date: Type.String(), name: Bilingual, kind: DayOffKindSchema })),
  calendarVersion: Type.Integer(),
  computedOnly: Type.Boolean({ description: "True when the year's official decisions are not entered: the list is the computed default" }),
  extraWorkingDays: Type.Array(Type.Object({ date: Type.String(), name: Bilingual }), {
    description: 'Dates that would be off but are working days by official decision (swapped working Saturdays, moved compensation days)',
  }),
});

export const OverlayKindSchema = Type.Union([Type.Literal('day_off'), Type.Literal('working_day'), Type.Literal('national_day_second')]);
export const OverrideView = Type.Object({
  id: Type.String(),
  date: Type.String(),
  kind: OverlayKindSchema,
  name: Bilingual,
  source: Type.String(),
  validFromVersion: Type.Integer(),
  validToVersion: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export const OverridesQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: MIN_YEAR, maximum: MAX_YEAR })),
  history: Type.Optional(Type.Boolean({ description: 'Include entries removed by later versions' })),
});
export const OverridesView = Type.Object({ calendarVersion: Type.Integer(), items: Type.Array(OverrideView) });

export const CreateOverrideBody = StrictObject({
  date: DateText,
  kind: OverlayKindSchema,
  name: StrictObject({ vi: Type.String({ minLength: 2, maxLength: 200 }), en: Type.String({ minLength: 2, maxLength: 200 }) }),
  source: Type.String({ minLength: 3, maxLength: 500, description: 'The legal notice the entry comes from (number, date, issuer)' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export const CreatedOverrideView = Type.Object({ override: OverrideView, calendarVersion: Type.Integer() });

export const DeleteOverrideQuery = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) });
export const VersionView = Type.Object({ calendarVersion: Type.Integer() });

export const VersionsView = Type.Object({
  items: Type.Array(Type.Object({ version: Type.Integer(), changedAt: Type.String({ format: 'date-time' }), changedBy: Type.String(), note: Type.String() })),
});
