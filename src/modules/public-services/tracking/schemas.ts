import { Type } from 'typebox';
import { StrictObject } from '../../../platform/http/schema.js';

const Label = Type.Object({ vi: Type.String(), en: Type.String() });
const When = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const DossierCodeParam = StrictObject({ code: Type.String({ minLength: 3, maxLength: 60, pattern: '^[A-Za-z0-9._-]+$' }) });

export const TimelineEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  status: Type.Integer(),
  statusLabel: Label,
  note: Type.Union([Label, Type.Null()]),
});

/** What anyone with the code may read: never the applicant, the form or internal comments. */
export const TrackView = Type.Object(
  {
    code: Type.String(),
    procedure: Type.Object({ code: Type.String(), name: Type.String() }),
    status: Type.Integer(),
    statusLabel: Label,
    receivedAt: When,
    dueAt: When,
    dueExplanation: Type.Union([Label, Type.Null()]),
    extendedDueAt: When,
    finishedAt: When,
    returnedAt: When,
    paused: Type.Boolean(),
    onTime: Type.Union([Type.Boolean(), Type.Null()]),
    agency: Type.Union([Type.Object({ name: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
    payment: Type.Object({ status: Type.String(), amount: Type.Number() }),
    timeline: Type.Array(TimelineEntry),
  },
);

export const TrackedDocument = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  number: Type.Union([Type.String(), Type.Null()]),
  createdAt: When,
  url: Type.String(),
});

export const VerifiedTrackView = Type.Intersect([
  TrackView,
  Type.Object({
    applicant: Type.Object({ name: Type.String() }),
    documents: Type.Array(TrackedDocument),
    resultAvailable: Type.Boolean(),
    accessToken: Type.String(),
    accessTokenExpiresAt: Type.String({ format: 'date-time' }),
  }),
]);

export const VerifyBody = StrictObject({ phone: Type.String({ minLength: 8, maxLength: 20, pattern: '^[0-9+ .()-]+$' }) });

export const DocumentParams = StrictObject({
  code: DossierCodeParam.properties.code,
  documentId: Type.Union([Type.String({ format: 'uuid' }), Type.Literal('result')]),
});

export const TokenQuery = StrictObject({ token: Type.String({ maxLength: 100 }) });

export const MineQuery = StrictObject({
  view: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('results')], { default: 'all' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const MineItem = Type.Object({
  id: Type.String(),
  code: Type.Union([Type.String(), Type.Null()]),
  procedure: Type.Object({ code: Type.String(), name: Type.String(), version: Type.Integer() }),
  status: Type.Integer(),
  statusLabel: Label,
  subState: Type.Union([Type.String(), Type.Null()]),
  channel: Type.String(),
  applicantName: Type.String(),
  onBehalf: Type.Boolean(),
  submittedAt: When,
  receivedAt: When,
  dueAt: When,
  finishedAt: When,
  returnedAt: When,
  onTime: Type.Union([Type.Boolean(), Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
  resultNumber: Type.Union([Type.String(), Type.Null()]),
  resultAvailable: Type.Boolean(),
  feeTotal: Type.Number(),
  feeStatus: Type.String(),
  evaluated: Type.Boolean(),
  canEvaluate: Type.Boolean(),
});

const Score = Type.Integer({ minimum: 1, maximum: 5 });

export const EvaluationBody = StrictObject({
  rating: Score,
  criteria: StrictObject({ timeliness: Score, contacts: Score, attitude: Score, clarity: Score }),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
});

export const EvaluationView = Type.Object({
  dossierId: Type.String(),
  rating: Type.Integer(),
  criteria: Type.Object({ timeliness: Type.Integer(), contacts: Type.Integer(), attitude: Type.Integer(), clarity: Type.Integer() }),
  comment: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
