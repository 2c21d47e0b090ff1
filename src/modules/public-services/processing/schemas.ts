import { Type, type Static } from 'typebox';
import { PageQuery, StrictObject, Uuid } from '../../../platform/http/schema.js';

const Label = Type.Object({ vi: Type.String(), en: Type.String() });
const Instant = Type.String({ format: 'date-time' });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const QueueScope = Type.Union([Type.Literal('mine'), Type.Literal('agency'), Type.Literal('receiving'), Type.Literal('transferred'), Type.Literal('consulted')]);
export const DueState = Type.Union([Type.Literal('overdue'), Type.Literal('soon'), Type.Literal('ok'), Type.Literal('paused')]);

export const QueueQuery = StrictObject({
  scope: Type.Optional(QueueScope),
  status: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  due: Type.Optional(Type.Union([Type.Literal('overdue'), Type.Literal('soon'), Type.Literal('ok')])),
  procedureCode: Type.Optional(Type.String({ maxLength: 100 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  /** Leaders and system administrators: one agency instead of the whole province. */
  agencyId: Type.Optional(Uuid),
  ...PageQuery,
});
export type QueueFilters = Static<typeof QueueQuery>;

export const QueueItem = Type.Object({
  id: Uuid,
  code: Type.Union([Type.String(), Type.Null()]),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  status: Type.Integer(),
  statusLabel: Label,
  subState: Type.Union([Type.String(), Type.Null()]),
  channel: Type.String(),
  receivedAt: Type.Union([Instant, Type.Null()]),
  dueAt: Type.Union([Instant, Type.Null()]),
  stepDueAt: Type.Union([Instant, Type.Null()]),
  extendedDueAt: Type.Union([Instant, Type.Null()]),
  dueState: DueState,
  handlingAgency: Type.Union([Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }), Type.Null()]),
  assignee: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
  applicantName: Type.String(),
});
export type QueueItemView = Static<typeof QueueItem>;

export const QueueCounts = Type.Object({
  receiving: Type.Integer(),
  open: Type.Integer(),
  mine: Type.Integer(),
  dueSoon: Type.Integer(),
  overdue: Type.Integer(),
  paused: Type.Integer(),
  /** Questions other agencies put to mine (xin ý kiến), unanswered, and those past their own due time. */
  consultations: Type.Integer(),
  consultationsOverdue: Type.Integer(),
});
export type QueueCountsView = Static<typeof QueueCounts>;

/** What every command answers: the dossier's state after it, and what the caller may do next. */
export const CommandResult = Type.Object({
  id: Uuid,
  code: Type.Union([Type.String(), Type.Null()]),
  status: Type.Integer(),
  statusLabel: Label,
  subState: Type.Union([Type.String(), Type.Null()]),
  handlingAgencyId: Type.Union([Uuid, Type.Null()]),
  assigneeId: Type.Union([Uuid, Type.Null()]),
  dueAt: Type.Union([Instant, Type.Null()]),
  stepDueAt: Type.Union([Instant, Type.Null()]),
  extendedDueAt: Type.Union([Instant, Type.Null()]),
  pausedSince: Type.Union([Instant, Type.Null()]),
  supplementRequests: Type.Integer(),
  finishedAt: Type.Union([Instant, Type.Null()]),
  returnedAt: Type.Union([Instant, Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
  resultNumber: Type.Union([Type.String(), Type.Null()]),
  resultSha256: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  documentId: Type.Optional(Uuid),
  consultationId: Type.Optional(Uuid),
  /** Names from PROCESSING_ACTIONS (policy.ts). */
  allowedActions: Type.Array(Type.String()),
});
export type CommandResultView = Static<typeof CommandResult>;

/** `reason` is required when the dossier already has another assignee (phân công lại). */
export const AssignBody = StrictObject({ userId: Uuid, reason: Type.Optional(Text(2000)) });

/** At most this many dossiers in one bulk assignment. */
export const MAX_BULK_ASSIGN = 100;
export const BulkAssignBody = StrictObject({
  dossierIds: Type.Array(Uuid, { minItems: 1, maxItems: MAX_BULK_ASSIGN, uniqueItems: true }),
  assigneeId: Uuid,
  /** Used for every dossier that already has another assignee; without it those answer `reassign_reason_required`. */
  reason: Type.Optional(Text(2000)),
});
export type BulkAssignInput = Static<typeof BulkAssignBody>;
/** One dossier's outcome: each is its own transaction, so one refusal does not undo the others. */
export const BulkAssignItem = Type.Object({
  id: Uuid,
  ok: Type.Boolean(),
  assigneeId: Type.Optional(Uuid),
  error: Type.Optional(Type.Object({ status: Type.Integer(), code: Type.String(), message: Label })),
});
export type BulkAssignItemView = Static<typeof BulkAssignItem>;
export const BulkAssignResult = Type.Object({ results: Type.Array(BulkAssignItem), assigned: Type.Integer(), failed: Type.Integer() });
export type BulkAssignResultView = Static<typeof BulkAssignResult>;
export const AdvanceBody = StrictObject({
  subState: Type.Union([Type.Literal('assigned'), Type.Literal('appraisal'), Type.Literal('awaiting_signature'), Type.Literal('signed')]),
  comment: Type.Optional(Text(2000)),
});
export const AcceptTransferBody = StrictObject({ comment: Type.Optional(Text(2000)) });
export const TransferBody = StrictObject({ agencyId: Uuid, hours: Type.Number({ exclusiveMinimum: 0, maximum: 2000 }), note: Text(2000) });
export const ConsultBody = StrictObject({ agencyId: Uuid, question: Text(4000, 3), hours: Type.Number({ exclusiveMinimum: 0, maximum: 2000 }) });
export const AnswerBody = StrictObject({ answer: Text(4000, 1) });
export const SupplementRequestBody = StrictObject({
  items: Type.Array(Text(500), { minItems: 1, maxItems: 50 }),
  /** Required from the second request on (it counts the dossier late nationally). */
  reason: Type.Optional(Text(2000, 0)),
});
export const PaymentRequestBody = StrictObject({ note: Type.Optional(Text(1000)) });
export const ReasonBody = StrictObject({ reason: Text(2000, 3) });
export const ApologyBody = StrictObject({ reason: Text(2000, 3), newDueAt: Instant });
export const ResultBody = StrictObject({
  outcome: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
  resultNumber: Text(100),
  title: Text(300),
  text: Text(20000),
});
export type ResultJson = Static<typeof ResultBody>;
export const ReturnBody = StrictObject({
  method: Type.Union([Type.Literal('counter'), Type.Literal('post'), Type.Literal('online')]),
  /** A postal tracking number, who collected it at the counter, … */
  note: Type.Optional(Text(500)),
});
