import { Type } from 'typebox';
import { StrictObject } from '../../../platform/http/schema.js';
import { SECTORS } from '../metrics.js';
import { MAX_POINTS } from './queries.js';

export const tags = ['iot: telemetry'];
export const PROBLEM = { $ref: 'Problem#' };
/** Reading telemetry: staff roles, or an API key with `iot:read`. */
export const READ_ACCESS = { roles: ['officer', 'agency_admin', 'leader', 'system_admin'], scopes: ['iot:read'] } as const;

export const Iso = Type.String({ format: 'date-time' });
export const CodeParams = StrictObject({ code: Type.String({ minLength: 1, maxLength: 64 }) });
export const MetricKey = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });

export const LatestValues = Type.Record(Type.String(), Type.Object({ value: Type.Number(), ts: Iso }));
export const LatestResponse = Type.Object({ values: LatestValues });

export const BulkLatestQuery = StrictObject({
  devices: Type.Optional(Type.String({ maxLength: 70_000, description: 'Device codes separated by commas (up to 1,000)' })),
  type: Type.Optional(Type.String({ maxLength: 40, description: 'Device type code' })),
  sector: Type.Optional(Type.Union(SECTORS.map((s) => Type.Literal(s)))),
});
export const BulkLatestResponse = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), lastSeenAt: Type.Union([Iso, Type.Null()]), values: LatestValues })),
  /** More than 1,000 devices matched; only the first 1,000 by code are listed. */
  truncated: Type.Boolean(),
});

const range = {
  from: Type.Optional(Type.String({ format: 'date-time', description: 'ISO 8601; default: 24 hours before `to`' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'ISO 8601, exclusive; default: now' })),
};
export const HistoryQuery = StrictObject({
  metric: MetricKey,
  ...range,
  points: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_POINTS, description: 'The point budget (default 1000)' })),
});
export const HistoryResponse = Type.Object({
  code: Type.String(),
  metric: Type.String(),
  from: Iso,
  to: Iso,
  resolution: Type.Union([Type.Literal('raw'), Type.Literal('minute'), Type.Literal('hour'), Type.Literal('day')]),
  bucketSeconds: Type.Union([Type.Integer(), Type.Null()]),
  points: Type.Array(
    Type.Object({ ts: Iso, avg: Type.Number(), min: Type.Number(), max: Type.Number(), count: Type.Integer(), outOfRange: Type.Boolean() }),
  ),
});
export const ExportQuery = StrictObject({ metric: Type.Optional(MetricKey), ...range });
