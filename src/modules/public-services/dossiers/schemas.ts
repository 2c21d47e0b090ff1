import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = Type.String();
const Instant = Nullable(Type.String({ format: 'date-time' }));
export const BilingualView = Type.Object({ vi: Text, en: Text });

export const AgencyRefView = Type.Object({ id: Text, code: Text, name: Text });

export const ApplicantView = Type.Object({
  name: Type.Optional(Text),
  idNumber: Type.Optional(Text),
  phone: Type.Optional(Text),
  email: Type.Optional(Text),
  address: Type.Optional(Text),
  organisation: Type.Optional(Text),
  taxCode: Type.Optional(Text),
});

export const ComponentView = Type.Object({
  id: Text,
  componentCode: Text,
  name: Text,
  kind: Text,
  fileId: Nullable(Text),
  sha256: Nullable(Text),
  digitised: Type.Boolean(),
  reusedFrom: Nullable(Text),
  addedIn: Text,
});

export const EventView = Type.Object({
  at: Text,
  action: Text,
  fromStatus: Nullable(Type.Integer()),
  toStatus: Type.Integer(),
  subState: Nullable(Text),
  actorLabel: Text,
  agency: Nullable(AgencyRefView),
  toAgency: Nullable(AgencyRefView),
  step: Nullable(Type.Integer()),
  stepDueAt: Instant,
  /** Internal comments: staff only (null for the applicant). */
  comment: Nullable(Text),
  publicNote: Nullable(BilingualView),
});

export const DocumentRefView = Type.Object({ id: Text, kind: Text, number: Nullable(Text), createdAt: Text, sha256: Text });

export const PauseView = Type.Object({ kind: Text, startedAt: Text, endedAt: Instant, workingMinutes: Nullable(Type.Integer()), reason: Text, items: Type.Array(Text) });

export const ConsultationView = Type.Object({ id: Text, toAgency: Nullable(AgencyRefView), question: Text, dueAt: Text, askedAt: Text, answer: Nullable(Text), answeredAt: Instant });

export const DossierDetail = Type.Object({
  id: Text,
  code: Nullable(Text),
  status: Type.Integer(),
  statusLabel: BilingualView,
  subState: Nullable(Text),
  channel: Text,
  procedure: Type.Object({ code: Text, name: Text, version: Type.Integer(), timeAmount: Type.Number(), timeUnit: Text, level: Text }),
  applicantKind: Text,
  applicant: ApplicantView,
  onBehalf: Type.Boolean(),
  formData: Type.Record(Type.String(), Type.Unknown()),
  exemptionCodes: Type.Array(Text),
  receivingAgency: Nullable(AgencyRefView),
  handlingAgency: Nullable(AgencyRefView),
  communeCode: Nullable(Text),
  assignee: Nullable(Type.Object({ id: Text, name: Text })),
  submittedAt: Instant,
  receivedAt: Instant,
  dueAt: Instant,
  dueExplanation: Nullable(BilingualView),
  extendedDueAt: Instant,
  pausedSince: Instant,
  supplementRequests: Type.Integer(),
  currentStep: Nullable(Type.Integer()),
  stepDueAt: Instant,
  finishedAt: Instant,
  returnedAt: Instant,
  deliveryMethod: Nullable(Text),
  outcome: Nullable(Text),
  resultNumber: Nullable(Text),
  resultSha256: Nullable(Text),
  feeTotal: Type.Number(),
  feeStatus: Text,
  paymentReference: Nullable(Text),
  digitised: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Text,
  components: Type.Array(ComponentView),
  events: Type.Array(EventView),
  documents: Type.Array(DocumentRefView),
  pauses: Type.Array(PauseView),
  consultations: Type.Array(ConsultationView),
  allowedActions: Type.Array(Text),
});
export type DossierDetailT = Static<typeof DossierDetail>;
