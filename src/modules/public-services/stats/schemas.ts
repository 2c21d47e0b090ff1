import { Type } from 'typebox';
import { Uuid } from '../../../platform/http/schema.js';

const Count = Type.Integer();
const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
const Text = Type.Object({ vi: Type.String(), en: Type.String() });
const AgencyRef = Type.Union([Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }), Type.Null()]);

export const DateParam = Type.String({ format: 'date', description: 'YYYY-MM-DD, Vietnam time, inclusive' });
export const PeriodParam = Type.String({ pattern: '^\\d{4}(-\\d{2}|-[Qq][1-4])?$', description: 'Instead of from/to: a month "2026-11", a quarter "2026-Q4" or a year "2026"' });

const Figures = {
  received: Count,
  receivedOnline: Count,
  receivedCounter: Count,
  receivedPost: Count,
  finished: Count,
  finishedEarly: Count,
  finishedOnTime: Count,
  finishedLate: Count,
  onTimeRate: Rate,
  onlineRate: Rate,
  resolved: Count,
  digitisedRate: Rate,
  eResultRate: Rate,
  refused: Count,
  withdrawn: Count,
  stopped: Count,
  returned: Count,
  satisfaction: Type.Object({ evaluations: Count, averageRating: Type.Union([Type.Number(), Type.Null()]), satisfiedRate: Rate }),
};

export const StatsResponse = Type.Object({
  from: Type.String(),
  to: Type.String(),
  label: Type.String({ description: 'The period as people read it: dd/mm/yyyy – dd/mm/yyyy' }),
  totals: Type.Object(Figures),
  byAgency: Type.Array(Type.Object({ agency: AgencyRef, ...Figures })),
  definitions: Type.Object({ vi: Type.Record(Type.String(), Type.String()), en: Type.Record(Type.String(), Type.String()) }),
});

const Nullable = (t: ReturnType<typeof Type.Number>) => Type.Union([t, Type.Null()]);

export const IndicatorsResponse = Type.Object({
  scope: Type.String(),
  id: Type.Union([Type.String(), Type.Null()]),
  from: Type.String(),
  to: Type.String(),
  label: Type.String(),
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Text,
      group: Type.String(),
      computable: Type.Boolean(),
      numerator: Nullable(Type.Number()),
      denominator: Nullable(Type.Number()),
      ratio: Nullable(Type.Number()),
      fraction: Nullable(Type.Number()),
      points: Nullable(Type.Number()),
      maxPoints: Nullable(Type.Number()),
      value: Type.Optional(Nullable(Type.Number())),
      unconfirmed: Type.Boolean(),
      note: Text,
    }),
  ),
  groups: Type.Array(Type.Object({ group: Type.String(), name: Text, points: Type.Number(), maxPoints: Type.Number(), computableMaxPoints: Type.Number() })),
  total: Type.Object({ points: Type.Number(), maxPoints: Type.Number(), computableMaxPoints: Type.Number() }),
});

const ReportFigures = {
  carriedOver: Count,
  new: Type.Object({ total: Count, online: Count, counter: Count, post: Count }),
  finished: Type.Object({ total: Count, early: Count, onTime: Count, late: Count }),
  pending: Type.Object({ total: Count, withinTime: Count, overdue: Count }),
};

export const MonthlyReportResponse = Type.Object({
  month: Type.String(),
  from: Type.String(),
  to: Type.String(),
  label: Type.String(),
  rows: Type.Array(Type.Object({ agency: AgencyRef, procedure: Type.Object({ code: Type.String(), name: Type.String() }), ...ReportFigures })),
  totals: Type.Object(ReportFigures),
});
