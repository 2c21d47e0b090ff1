import { Type, type Static } from 'typebox';
import { StrictObject, Uuid } from '../../../platform/http/schema.js';
import { ReportDetail } from '../schemas.js';

export const MODERATION_TARGETS = ['description', 'photo', 'result_text', 'rating_comment', 'event'] as const;
export type ModerationTarget = (typeof MODERATION_TARGETS)[number];

export const ModerationBody = StrictObject({
  target: Type.Optional(Type.Unsafe<ModerationTarget>({ type: 'string', enum: [...MODERATION_TARGETS], default: 'description' })),
  fileId: Type.Optional(Uuid),
  /** For target "event": the id of a public timeline entry (from `moderation.events`). */
  eventId: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
  hidden: Type.Boolean(),
  reason: Type.Optional(Type.String({ minLength: 3, maxLength: 1000 })),
});
export type ModerationInput = Static<typeof ModerationBody>;

export const ModerationResult = Type.Object({ target: Type.String(), fileId: Type.Union([Type.String(), Type.Null()]), eventId: Type.Union([Type.String(), Type.Null()]), hidden: Type.Boolean(), changed: Type.Boolean() });

export const MergeBody = StrictObject({
  intoTrackingCode: Type.String({ pattern: '^[Pp][Aa]-[0-9]{2}-[0-9]{6,}$', maxLength: 40 }),
  reason: Type.Optional(Type.String({ minLength: 3, maxLength: 2000 })),
});
export type MergeInput = Static<typeof MergeBody>;

export const MergeResult = Type.Object({
  status: Type.String(),
  outcome: Type.String(),
  duplicateOf: Type.String({ description: 'tracking code of the report it was merged into' }),
  followersMoved: Type.Integer(),
  photosAdded: Type.Integer(),
});

const Hidden = Type.Object({ hidden: Type.Boolean(), reason: Type.Union([Type.String(), Type.Null()]) });

/** What is hidden from the public and why; only the handling agency and the reporter receive it. */
export const ModerationView = Type.Object({
  description: Hidden,
  resultText: Hidden,
  ratingComment: Hidden,
  photos: Type.Array(Type.Object({ fileId: Type.String(), url: Type.String(), kind: Type.String(), hidden: Type.Boolean(), reason: Type.Union([Type.String(), Type.Null()]) })),
  /** Public timeline entries with free text (reasons, results, clients' updates). */
  events: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), at: Type.String(), text: Type.String(), hidden: Type.Boolean(), reason: Type.Union([Type.String(), Type.Null()]) })),
});
export type ModerationViewT = Static<typeof ModerationView>;

/** The report detail with the moderation marks (absent for the public). */
export const ModeratedReportDetail = Type.Intersect([ReportDetail, Type.Object({ moderation: Type.Optional(ModerationView) })]);
export type ModeratedReportDetailT = Static<typeof ModeratedReportDetail>;
