import { Type, type Static } from 'typebox';
import { StrictObject, Uuid } from '../../../platform/http/schema.js';

/** Procedure codes: national codes such as `1.001193`, or a province's own; upper case so no code is a route word. */
export const PROCEDURE_CODE = '^[0-9A-Z][0-9A-Z._-]{1,39}$';
const PART_CODE = '^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$';

const Text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength, pattern: '\\S' });

export const LEVELS = ['province', 'commune'] as const;
export const TIME_UNITS = ['working_days', 'working_hours', 'calendar_days', 'months'] as const;
export const CHANNELS = ['counter', 'online', 'post'] as const;
export const SUBJECTS = ['citizen', 'business', 'household_business'] as const;
export const COMPONENT_KINDS = ['original', 'copy', 'electronic'] as const;
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export const RESULT_TYPES = ['paper', 'electronic', 'both', 'none'] as const;
export const STEP_ROLES = ['officer', 'agency_admin', 'leader'] as const;

export const ComponentSchema = StrictObject({
  code: Type.String({ pattern: PART_CODE }),
  name: Text(500),
  kind: Type.Enum(COMPONENT_KINDS),
  count: Type.Integer({ minimum: 1, maximum: 100 }),
  required: Type.Boolean(),
  templateUrl: Type.Optional(Type.String({ maxLength: 500, pattern: '^(https?://|/)' })),
  reusable: Type.Optional(Type.Boolean()),
  /** The declaration (tờ khai) whose content the online form collects: answered in the form, no file uploaded. */
  filledByForm: Type.Optional(Type.Boolean({ description: 'The online form (formSchema) is this declaration: no file is needed for it' })),
});

export const FeeSchema = StrictObject({
  code: Type.String({ pattern: PART_CODE }),
  name: Text(300),
  amount: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }),
  exemptions: Type.Array(StrictObject({ code: Type.String({ pattern: PART_CODE }), name: Text(300) }), { maxItems: 50 }),
  collectedAt: Type.Enum(['receipt', 'result'] as const),
});

export const ProcessStepSchema = StrictObject({
  step: Type.Integer({ minimum: 1, maximum: 100 }),
  name: Text(300),
  actor: Type.Union([Type.Literal('receiving'), Type.Literal('handling'), StrictObject({ agencyCode: Type.String({ minLength: 1, maxLength: 60 }) })]),
  role: Type.Enum(STEP_ROLES),
  hours: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }),
  status: Type.Integer({ minimum: 1, maximum: 10 }),
});

export const PublicationSchema = StrictObject({
  decisionNumber: Type.Optional(Type.String({ maxLength: 100 })),
  decisionDate: Type.Optional(Type.String({ format: 'date' })),
  publicAt: Type.Optional(Type.String({ format: 'date' })),
  legalBasisEffectiveFrom: Type.Optional(Type.String({ format: 'date' })),
});

const FormSchema = Type.Record(Type.String(), Type.Unknown(), { description: 'A JSON Schema (draft 2020-12) of the online form; field order in "x-order"' });

/** Every constituent part of a procedure version (Decree 63/2010 Art. 8 and the online-service flags). */
export const partsProperties = {
  name: Text(500),
  nameEn: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  field: Text(200),
  level: Type.Enum(LEVELS),
  /** The implementing agency by id or by code (codes travel between systems); none for commune level. */
  agencyId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  agencyCode: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 60 }), Type.Null()])),
  subjects: Type.Array(Type.Enum(SUBJECTS), { minItems: 1, maxItems: 3, uniqueItems: true }),
  steps: Type.Array(Text(2000), { minItems: 1, maxItems: 50 }),
  channels: Type.Array(Type.Enum(CHANNELS), { minItems: 1, maxItems: 3, uniqueItems: true }),
  components: Type.Array(ComponentSchema, { minItems: 1, maxItems: 100 }),
  timeAmount: Type.Number({ minimum: 0, maximum: 3650 }),
  timeUnit: Type.Enum(TIME_UNITS),
  sameDayCutoff: Type.Optional(Type.Union([Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }), Type.Null()])),
  fees: Type.Array(FeeSchema, { maxItems: 50 }),
  resultType: Type.Enum(RESULT_TYPES),
  resultName: Type.String({ maxLength: 500 }),
  legalBasis: Type.Array(Text(1000), { minItems: 1, maxItems: 100 }),
  onlineLevel: Type.Enum(ONLINE_LEVELS),
  fullOnlineEligible: Type.Boolean(),
  onlinePayment: Type.Boolean(),
  formSchema: FormSchema,
  process: Type.Array(ProcessStepSchema, { minItems: 1, maxItems: 100 }),
  publication: PublicationSchema,
};

export const PartsSchema = StrictObject(partsProperties);
export type PartsInput = Static<typeof PartsSchema>;

export const NewProcedureBody = StrictObject({ code: Type.String({ pattern: PROCEDURE_CODE }), ...partsProperties });
export type NewProcedure = Static<typeof NewProcedureBody>;

export const DraftBody = Type.Partial(PartsSchema, { additionalProperties: false });
export type DraftInput = Static<typeof DraftBody>;

export const CodeParams = Type.Object({ code: Type.String({ pattern: PROCEDURE_CODE }) });
export const VersionParams = Type.Object({ code: Type.String({ pattern: PROCEDURE_CODE }), version: Type.Integer({ minimum: 1 }) });

const AgencyRef = Type.Union([Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }), Type.Null()]);
const IsoOrNull = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
export const VERSION_STATES = ['draft', 'published', 'retired'] as const;

export const ListItem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  field: Type.String(),
  level: Type.Enum(LEVELS),
  agency: AgencyRef,
  onlineLevel: Type.Enum(ONLINE_LEVELS),
  timeAmount: Type.Number(),
  timeUnit: Type.Enum(TIME_UNITS),
  feeTotal: Type.Integer(),
  version: Type.Integer(),
});

export const ListQuery = StrictObject({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  field: Type.Optional(Type.String({ maxLength: 200 })),
  level: Type.Optional(Type.Enum(LEVELS)),
  onlineLevel: Type.Optional(Type.Enum(ONLINE_LEVELS)),
  agencyId: Type.Optional(Uuid),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const VersionSummary = Type.Object({ version: Type.Integer(), state: Type.Enum(VERSION_STATES), effectiveFrom: IsoOrNull, effectiveTo: IsoOrNull });

export const Warning = Type.Object({ code: Type.String(), message: Type.Object({ vi: Type.String(), en: Type.String() }) });

const { agencyId: _agencyId, agencyCode: _agencyCode, nameEn: _nameEn, sameDayCutoff: _cutoff, ...viewParts } = partsProperties;

export const ProcedureView = Type.Object({
  id: Type.String({ description: 'The version id (dossiers pin it)' }),
  code: Type.String(),
  version: Type.Integer(),
  state: Type.Enum(VERSION_STATES),
  inForce: Type.Boolean(),
  effectiveFrom: IsoOrNull,
  effectiveTo: IsoOrNull,
  publishedAt: IsoOrNull,
  ...viewParts,
  resultName: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  sameDayCutoff: Type.Union([Type.String(), Type.Null()]),
  agency: AgencyRef,
  feeTotal: Type.Integer(),
  isDemo: Type.Boolean(),
  versions: Type.Array(VersionSummary),
});

export const WrittenProcedure = Type.Object({ ...ProcedureView.properties, warnings: Type.Array(Warning) });

export const PublishBody = StrictObject({ effectiveFrom: Type.Optional(Type.String({ format: 'date-time' })) });
