/**
 * The public-services API as the web pages read it (the contract the module's folders implement).
 * Amounts and time limits may arrive as numbers or as decimal strings (PostgreSQL `numeric`): read
 * them with `Number()`.
 */
export interface Bi {
  vi: string;
  en: string;
}

export type Level = 'province' | 'commune';
export type OnlineLevel = 'full' | 'partial' | 'none';
export type TimeUnit = 'working_days' | 'working_hours' | 'calendar_days' | 'months';
export type ComponentKind = 'original' | 'copy' | 'electronic';
export type ApplicantKind = 'citizen' | 'business' | 'household_business';
export type Channel = 'counter' | 'online' | 'post';
export type Decimal = number | string;

export interface AgencyRef {
  id: string;
  code?: string;
  name: string;
  phone?: string | null;
}

// ---- Catalog --------------------------------------------------------------------------------

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  level: Level;
  agency: AgencyRef | null;
  onlineLevel: OnlineLevel;
  timeAmount: Decimal;
  timeUnit: TimeUnit;
  feeTotal: Decimal;
  version: number;
}

export interface ProcedureComponent {
  code: string;
  name: string;
  kind: ComponentKind;
  count: number;
  required: boolean;
  templateUrl?: string | null;
  reusable?: boolean | null;
  /** The declaration the online form stands for: answered in the form, no file. */
  filledByForm?: boolean | null;
}

export interface ProcedureFee {
  code: string;
  name: string;
  amount: Decimal;
  exemptions: Array<{ code: string; name: string }>;
  collectedAt: 'receipt' | 'result';
}

export interface ProcessStep {
  step: number;
  name: string;
  actor: 'receiving' | 'handling' | { agencyCode: string };
  role: string;
  hours: number;
  status: number;
}

export interface ProcedureDetail {
  code: string;
  version: number;
  name: string;
  nameEn: string | null;
  field: string;
  level: Level;
  agency: AgencyRef | null;
  subjects: ApplicantKind[];
  steps: string[];
  channels: Channel[];
  components: ProcedureComponent[];
  timeAmount: Decimal;
  timeUnit: TimeUnit;
  sameDayCutoff: string | null;
  fees: ProcedureFee[];
  resultType: 'paper' | 'electronic' | 'both' | 'none';
  resultName: string;
  legalBasis: string[];
  onlineLevel: OnlineLevel;
  fullOnlineEligible: boolean;
  onlinePayment: boolean;
  formSchema: Record<string, unknown>;
  process: ProcessStep[];
  publication: { decisionNumber?: string; decisionDate?: string; publicAt?: string; legalBasisEffectiveFrom?: string } | null;
  effectiveFrom: string | null;
  isDemo: boolean;
  versions: Array<{ version: number; state: string; effectiveFrom: string | null; effectiveTo: string | null }>;
}

// ---- Dossiers -------------------------------------------------------------------------------

/** Personal data of the applicant (chủ hồ sơ): shown only to the owner and staff. */
export interface Applicant {
  name: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
  organisation?: string;
  taxCode?: string;
}

export interface DossierComponent {
  id: string;
  componentCode: string;
  name?: string | null;
  kind: ComponentKind | string;
  fileId: string | null;
  sha256: string | null;
  digitised: boolean;
  reusedFrom: string | null;
  addedIn: string;
}

export interface DossierEvent {
  at: string;
  action: string;
  fromStatus: number | null;
  toStatus: number;
  subState: string | null;
  actorLabel: string;
  agency?: AgencyRef | string | null;
  toAgency?: AgencyRef | string | null;
  step: number | null;
  stepDueAt: string | null;
  comment?: string | null;
  publicNote: Bi | null;
}

export type DocumentKind = 'receipt' | 'completion_request' | 'refusal' | 'apology' | 'stop_notice' | 'control_sheet' | 'result' | 'supplement_request';

export interface DossierDocument {
  id: string;
  kind: DocumentKind | string;
  number: string | null;
  createdAt: string;
  sha256: string;
}

export interface Pause {
  kind: 'supplement' | 'suspension' | string;
  startedAt: string;
  endedAt: string | null;
  reason: string;
  items?: string[];
}

export interface DossierDetail {
  id: string;
  code: string | null;
  status: number;
  statusLabel: Bi;
  subState: string | null;
  channel: Channel;
  procedure: { code: string; name: string; version: number; timeAmount: Decimal; timeUnit: TimeUnit; level?: Level };
  applicantKind: ApplicantKind;
  applicant: Applicant | null;
  onBehalf: boolean;
  formData: Record<string, unknown> | null;
  receivingAgency: AgencyRef | null;
  handlingAgency: AgencyRef | null;
  communeCode: string | null;
  assignee: { id: string; name: string } | null;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  dueExplanation: Bi | null;
  extendedDueAt: string | null;
  pausedSince: string | null;
  supplementRequests: number;
  finishedAt: string | null;
  returnedAt: string | null;
  deliveryMethod: Channel | null;
  outcome: string | null;
  resultNumber: string | null;
  resultSha256: string | null;
  feeTotal: Decimal | null;
  feeStatus: 'none' | 'unpaid' | 'paid' | 'exempt' | string | null;
  paymentReference: string | null;
  digitised: boolean;
  version: number;
  exemptionCodes?: string[];
  components: DossierComponent[];
  events: DossierEvent[];
  documents: DossierDocument[];
  pauses: Pause[];
  consultations: unknown[];
  allowedActions: string[];
  updatedAt?: string;
}

/** What `PUT /api/v1/dossiers/drafts/:id` takes. */
export interface DraftInput {
  applicantKind: ApplicantKind;
  applicant: Applicant;
  onBehalf: boolean;
  formData: Record<string, unknown>;
  communeCode?: string;
  exemptionCodes?: string[];
  version: number;
}

export interface UploadedComponent {
  id: string;
  componentCode: string;
  fileId: string;
  sha256: string;
  fileName: string;
  size: number;
}

/** A row of "my dossiers" (as applicant or filer). */
export interface MyDossierItem {
  id: string;
  code: string | null;
  procedure: { code: string; name: string; version: number };
  status: number;
  statusLabel: Bi;
  subState: string | null;
  channel: Channel;
  applicantName: string;
  onBehalf: boolean;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  onTime: boolean | null;
  outcome: string | null;
  resultNumber: string | null;
  resultAvailable: boolean;
  feeTotal: Decimal;
  feeStatus: string;
  evaluated: boolean;
  canEvaluate: boolean;
}

/** `GET /api/v1/dossiers/drafts`: drafts, and submissions sent back for completion. */
export interface DraftSummary {
  id: string;
  status: number;
  subState: string | null;
  procedure: { code: string; name: string };
  applicantName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

// ---- Tracking (public) ----------------------------------------------------------------------

export interface TrackTimelineEntry {
  at: string;
  status: number;
  statusLabel: Bi;
  note: Bi | string | null;
}

/** `GET /api/v1/dossiers/track/:code`: no personal data. */
export interface TrackView {
  code: string;
  procedure: { code: string; name: string };
  status: number;
  statusLabel: Bi;
  receivedAt: string | null;
  dueAt: string | null;
  dueExplanation: Bi | null;
  extendedDueAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  paused: boolean;
  onTime: boolean | null;
  agency: { name: string; phone: string | null } | null;
  payment: { status: string; amount: Decimal };
  timeline: TrackTimelineEntry[];
}

/** After the applicant's phone number matched. */
export interface TrackVerified extends TrackView {
  applicant: { name: string };
  documents: Array<{ id: string; kind: string; number: string | null; createdAt: string | null; url: string }>;
  resultAvailable: boolean;
  accessToken: string;
  accessTokenExpiresAt?: string;
}

// ---- Payment --------------------------------------------------------------------------------

export interface VietQr {
  content: string;
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
  purpose: string;
  qrSvg: string;
  /** The demo account: no real money should be sent. */
  demo?: boolean;
}

export interface PaymentView {
  amount: Decimal;
  status: string;
  reference: string | null;
  lines: Array<{ code: string; name: string; amount: Decimal; exemptedBy: string | null }>;
  onlinePayment?: boolean;
  vietqr: VietQr | null;
  payments: Array<{ method: string; amount: Decimal; paidAt: string; provider?: string; providerRef?: string }>;
}

export interface EvaluationInput {
  rating: number;
  criteria: { timeliness: number; contacts: number; attitude: number; clarity: number };
  comment?: string;
}
