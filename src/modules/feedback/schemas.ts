import { Type, type Static } from 'typebox';
import { StrictObject } from '../../platform/http/schema.js';

export const BilingualSchema = Type.Object({ vi: Type.String(), en: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const CategoryView = Type.Object({
  code: Type.String(),
  name: BilingualSchema,
  group: BilingualSchema,
  description: BilingualSchema,
  handlingClass: Type.String(),
  attributes: Type.Array(
    Type.Object({
      code: Type.String(),
      datatype: Type.String(),
      required: Type.Boolean(),
      description: BilingualSchema,
      values: Type.Array(Type.Object({ key: Type.String(), name: BilingualSchema })),
    }),
  ),
});

export const NewReportBody = StrictObject({
  categoryCode: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.String({ minLength: 10, maxLength: 4000 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  address: Type.Optional(Type.String({ maxLength: 300 })),
  attributes: Type.Optional(Type.Record(Type.String({ maxLength: 60 }), Type.Union([Type.String({ maxLength: 1000 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20 })]))),
  hideName: Type.Optional(Type.Boolean()),
  contact: Type.Optional(
    StrictObject({
      name: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
      phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 .-]{8,15}$' })),
      email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    }),
  ),
});
export type NewReport = Static<typeof NewReportBody>;

export const CreatedReport = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  status: Type.String(),
  dueAt: Nullable(Type.String()),
  agency: Type.Object({ id: Type.String(), name: Type.String() }),
  commune: Type.Object({ code: Type.String(), name: Type.String() }),
});

/** What anyone may see of a report: never the reporter's name (unless shown by choice), e-mail or phone. */
export const PublicReport = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  categoryCode: Type.String(),
  categoryName: BilingualSchema,
  description: Type.String(),
  status: Type.String(),
  outcome: Nullable(Type.String()),
  lat: Type.Number(),
  lng: Type.Number(),
  address: Nullable(Type.String()),
  communeCode: Type.String(),
  communeName: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String(),
  reporterDisplayName: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  dueAt: Nullable(Type.String()),
  photoUrls: Type.Array(Type.String()),
});

export const TimelineEntry = Type.Object({ at: Type.String(), kind: Type.String(), actorLabel: Type.String(), data: Type.Record(Type.String(), Type.Unknown()) });

export const ReportDetail = Type.Intersect([
  PublicReport,
  Type.Object({
    timeline: Type.Array(TimelineEntry),
    result: Nullable(Type.Object({ text: Type.String(), photoUrls: Type.Array(Type.String()) })),
    rating: Nullable(Type.Object({ stars: Type.Integer(), comment: Nullable(Type.String()) })),
    canRate: Type.Boolean(),
    canReopen: Type.Boolean(),
    reporter: Nullable(Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()), email: Nullable(Type.String()) })),
  }),
]);

/** A member of staff as the desk shows them: id and name only (no e-mail or phone). */
export const StaffRef = Type.Object({ id: Type.String(), fullName: Type.String() });

export const QueueItem = Type.Intersect([
  PublicReport,
  Type.Object({ priority: Type.Integer(), overdue: Type.Boolean(), dueSoon: Type.Boolean(), acceptDueAt: Type.String(), assignee: Nullable(StaffRef) }),
]);

export const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export const QUEUE_STATUSES = ['new', 'accepted', 'in_progress', 'resolved'] as const;

export const QueueQuery = StrictObject({
  cursor: Type.Optional(Type.String({ maxLength: 300 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  /** Leaders and system admins choose an agency; without one they see the whole province. */
  agencyId: Type.Optional(Type.String({ format: 'uuid' })),
  status: Type.Optional(Type.Unsafe<(typeof QUEUE_STATUSES)[number]>({ type: 'string', enum: [...QUEUE_STATUSES] })),
  categoryCode: Type.Optional(Type.String({ maxLength: 60 })),
  communeCode: Type.Optional(Type.String({ maxLength: 10 })),
  overdue: Type.Optional(Type.Boolean()),
  /** `me`, `unassigned` or a staff member's id. */
  assignee: Type.Optional(Type.String({ pattern: `^(me|unassigned|${UUID_PATTERN})$` })),
});
export type QueueFilters = Static<typeof QueueQuery>;

export const QueueCounts = Type.Object({ open: Type.Integer(), dueToday: Type.Integer(), overdue: Type.Integer(), unassigned: Type.Integer(), mine: Type.Integer() });

/** Who handles a report inside its agency, and what the caller may do at the desk. */
export const Handling = Type.Object({ assignee: Nullable(StaffRef), assignedAt: Nullable(Type.String()), canAct: Type.Boolean(), canAssignOthers: Type.Boolean() });

export const ACTIONS = ['accept', 'refuse', 'start', 'resolve', 'close', 'transfer', 'note', 'assign', 'unassign'] as const;
export type ActionName = (typeof ACTIONS)[number];

export const ActionBody = StrictObject({
  action: Type.Unsafe<ActionName>({ type: 'string', enum: [...ACTIONS] }),
  reason: Type.Optional(Type.String({ minLength: 3, maxLength: 2000 })),
  resultText: Type.Optional(Type.String({ minLength: 3, maxLength: 4000 })),
  outcome: Type.Optional(Type.Unsafe<'fixed' | 'not_fixed' | 'not_ours' | 'duplicate'>({ type: 'string', enum: ['fixed', 'not_fixed', 'not_ours', 'duplicate'] })),
  agencyId: Type.Optional(Type.String({ format: 'uuid' })),
  duplicateOf: Type.Optional(Type.String({ maxLength: 40 })),
  note: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
  /** `assign`: the officer or agency admin of the report's agency who will handle it. */
  assigneeId: Type.Optional(Type.String({ format: 'uuid' })),
});
export type Action = Static<typeof ActionBody>;
