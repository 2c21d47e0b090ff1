import { Type, type Static } from 'typebox';
import { StrictObject } from '../../../platform/http/schema.js';

const ProcedureCode = Type.String({ minLength: 1, maxLength: 40 });
const CommuneCode = Type.String({ pattern: '^[0-9]{5}$' });
export const ApplicantKindSchema = Type.Union([Type.Literal('citizen'), Type.Literal('business'), Type.Literal('household_business')]);

/** Lengths only: a draft may be half filled; completeness is checked at submission. */
export const ApplicantInput = StrictObject({
  name: Type.Optional(Type.String({ maxLength: 200 })),
  idNumber: Type.Optional(Type.String({ maxLength: 20 })),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  email: Type.Optional(Type.String({ maxLength: 200 })),
  address: Type.Optional(Type.String({ maxLength: 500 })),
  organisation: Type.Optional(Type.String({ maxLength: 300 })),
  taxCode: Type.Optional(Type.String({ maxLength: 20 })),
});

const FormData = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown());
const ExemptionCodes = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 });

export const NewDraftBody = StrictObject({ procedureCode: ProcedureCode, communeCode: Type.Optional(CommuneCode) });
export type NewDraft = Static<typeof NewDraftBody>;

export const SaveDraftBody = StrictObject({
  applicantKind: ApplicantKindSchema,
  applicant: ApplicantInput,
  onBehalf: Type.Boolean(),
  formData: FormData,
  communeCode: Type.Optional(Type.Union([CommuneCode, Type.Null()])),
  exemptionCodes: Type.Optional(ExemptionCodes),
  version: Type.Integer({ minimum: 1, description: 'The version read last; a stale one is refused with 409' }),
});
export type SaveDraft = Static<typeof SaveDraftBody>;

export const CounterComponent = StrictObject({
  componentCode: Type.String({ minLength: 1, maxLength: 40 }),
  kind: Type.Union([Type.Literal('original'), Type.Literal('copy'), Type.Literal('electronic')]),
  digitised: Type.Boolean(),
});

export const CounterBody = StrictObject({
  procedureCode: ProcedureCode,
  channel: Type.Union([Type.Literal('counter'), Type.Literal('post')]),
  applicantKind: ApplicantKindSchema,
  applicant: ApplicantInput,
  formData: FormData,
  communeCode: Type.Optional(CommuneCode),
  exemptionCodes: Type.Optional(ExemptionCodes),
  components: Type.Array(CounterComponent, { maxItems: 50 }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type CounterIntake = Static<typeof CounterBody>;

export const ReceiveBody = StrictObject({ note: Type.Optional(Type.String({ maxLength: 2000 })) });
export const CompletionBody = StrictObject({ missing: Type.Array(Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }), { minItems: 1, maxItems: 50 }), note: Type.Optional(Type.String({ maxLength: 2000 })) });
export const RefuseBody = StrictObject({ reasons: Type.Array(Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' }), { minItems: 1, maxItems: 20 }) });

export const UploadedComponent = Type.Object({ id: Type.String(), componentCode: Type.String(), fileId: Type.String(), sha256: Type.String(), fileName: Type.String(), size: Type.Integer(), digitised: Type.Boolean() });
export type UploadedComponentT = Static<typeof UploadedComponent>;

export const DraftSummary = Type.Object({
  id: Type.String(),
  status: Type.Integer(),
  subState: Type.Union([Type.String(), Type.Null()]),
  procedure: Type.Object({ code: Type.String(), name: Type.String() }),
  applicantName: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
