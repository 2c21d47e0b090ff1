import type { ColumnType, Generated, JSONColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.js';
import type { NationalStatus } from './statuses.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T extends object | null> = JSONColumnType<T, T | string, T | string>;
export type Bilingual = { vi: string; en: string };

export type ProcedureLevel = 'province' | 'commune';
export type TimeUnit = 'working_days' | 'working_hours' | 'calendar_days' | 'months';
export type Channel = 'counter' | 'online' | 'post';
export type ApplicantKind = 'citizen' | 'business' | 'household_business';
export type ComponentKind = 'original' | 'copy' | 'electronic';
export type OnlineLevel = 'full' | 'partial' | 'none';

/** A required part of the dossier (thành phần hồ sơ). */
export interface ProcedureComponent {
  code: string;
  name: string;
  kind: ComponentKind;
  count: number;
  required: boolean;
  /** A downloadable blank form (tờ khai), if any. */
  templateUrl?: string | undefined;
  /** May be taken from a national database or an earlier e-result instead of uploaded. */
  reusable?: boolean | undefined;
  /** The declaration (tờ khai) the online form's answers stand for: it needs no file of its own. */
  filledByForm?: boolean | undefined;
}

/** A fee or charge (phí, lệ phí) in VND, with who is exempt. */
export interface ProcedureFee {
  code: string;
  name: string;
  amount: number;
  exemptions: Array<{ code: string; name: string }>;
  /** When it is collected. */
  collectedAt: 'receipt' | 'result';
}

/** One step of the internal process (quy trình nội bộ): who does it and how long it may take. */
export interface ProcessStep {
  step: number;
  name: string;
  /** Where the step happens: the receiving unit, the handling agency, or another agency by code (liên thông). */
  actor: 'receiving' | 'handling' | { agencyCode: string };
  role: 'officer' | 'agency_admin' | 'leader';
  hours: number;
  /** The national status the dossier is in during this step. */
  status: NationalStatus;
}

export interface Publication {
  decisionNumber?: string;
  decisionDate?: string;
  publicAt?: string;
  legalBasisEffectiveFrom?: string;
}

export interface ProcedureTable {
  id: Generated<string>;
  code: string;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ProcedureVersionTable {
  id: Generated<string>;
  procedure_id: string;
  version: number;
  state: 'draft' | 'published' | 'retired';
  effective_from: Date | null;
  effective_to: Date | null;
  published_at: Date | null;
  published_by: string | null;
  name: string;
  name_en: string | null;
  /** Lĩnh vực, e.g. "Hộ tịch". */
  field: string;
  level: ProcedureLevel;
  /** The implementing agency; null for commune-level procedures (the commune's People's Committee). */
  agency_id: string | null;
  subjects: Json<ApplicantKind[]>;
  steps: Json<string[]>;
  channels: Json<Channel[]>;
  components: Json<ProcedureComponent[]>;
  /** `numeric` comes back as a string from PostgreSQL; read it with Number(). */
  time_amount: ColumnType<string, number | string, number | string>;
  time_unit: TimeUnit;
  /** "15:00": received after this time counts from the next working day. */
  same_day_cutoff: string | null;
  fees: Json<ProcedureFee[]>;
  result_type: 'paper' | 'electronic' | 'both' | 'none';
  result_name: string;
  legal_basis: Json<string[]>;
  online_level: OnlineLevel;
  full_online_eligible: boolean;
  online_payment: boolean;
  /** The online form as a JSON Schema (draft 2020-12 subset rendered by the web form). */
  form_schema: Json<Record<string, unknown>>;
  process: Json<ProcessStep[]>;
  publication: Json<Publication>;
  is_demo: Generated<boolean>;
  search_text: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Personal data of the applicant (chủ hồ sơ): never in public outputs. */
export interface Applicant {
  name: string;
  idNumber?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
  /** For businesses and household businesses. */
  organisation?: string | undefined;
  taxCode?: string | undefined;
}

export type Outcome = 'approved' | 'rejected' | 'refused' | 'withdrawn' | 'stopped';

export interface DossierTable {
  id: Generated<string>;
  /** Mã hồ sơ, given at valid receipt. */
  code: string | null;
  code_format_version: number | null;
  procedure_id: string;
  procedure_version_id: string;
  procedure_code: string;
  channel: Channel;
  /** 0 = draft not yet submitted, then the national status 1–10 (statuses.ts). */
  status: number;
  sub_state: string | null;
  applicant_kind: ApplicantKind;
  applicant: Json<Applicant>;
  applicant_user_id: string | null;
  /** Who filed it: the applicant, a representative (ủy quyền) or, at the counter, null. */
  submitter_user_id: string | null;
  on_behalf: Generated<boolean>;
  form_data: Json<Record<string, unknown>>;
  receiving_agency_id: string | null;
  handling_agency_id: string | null;
  commune_code: string | null;
  assignee_id: string | null;
  current_step: number | null;
  step_due_at: Date | null;
  submitted_at: Date | null;
  received_at: Date | null;
  /** The legal due date (ngày hẹn trả), kept as first computed; pauses extend it, an apology never does. */
  due_at: Date | null;
  due_calendar_version: number | null;
  due_explanation: Json<Bilingual> | null;
  /** The new date promised in an apology letter (Mẫu 04); the dossier still counts as late. */
  extended_due_at: Date | null;
  paused_since: Date | null;
  paused_working_minutes: Generated<number>;
  supplement_requests: Generated<number>;
  finished_at: Date | null;
  returned_at: Date | null;
  delivery_method: Channel | null;
  delivery_note: string | null;
  outcome: Outcome | null;
  result_number: string | null;
  result_file_id: string | null;
  result_sha256: string | null;
  fee_total: ColumnType<string, number | string | undefined, number | string>;
  fee_status: Generated<'none' | 'unpaid' | 'paid' | 'exempt'>;
  payment_reference: string | null;
  /** Fee exemptions claimed by the applicant (codes from the version's fee list). */
  exemption_codes: ColumnType<string[], string | undefined, string>;
  digitised: Generated<boolean>;
  reused_data: Generated<boolean>;
  /** Optimistic-concurrency counter: every command bumps it. */
  version: Generated<number>;
  is_demo: Generated<boolean>;
  draft_saved_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DossierComponentTable {
  id: Generated<string>;
  dossier_id: string;
  component_code: string;
  kind: ComponentKind;
  file_id: string | null;
  sha256: string | null;
  digitised: Generated<boolean>;
  reused_from: string | null;
  added_at: CreatedAt;
  added_in: Generated<'submission' | 'receipt' | 'supplement'>;
}

export interface DossierEventTable {
  id: Generated<string>;
  dossier_id: string;
  at: ColumnType<Date, Date | string | undefined, never>;
  action: string;
  from_status: number | null;
  to_status: number;
  sub_state: string | null;
  actor_user_id: string | null;
  actor_label: string;
  agency_id: string | null;
  to_agency_id: string | null;
  step: number | null;
  step_due_at: Date | null;
  /** Internal comment (officers only). */
  comment: string | null;
  /** What the applicant and the public tracking page may read. */
  public_note: Json<Bilingual> | null;
  data: Json<Record<string, unknown>>;
}

export interface DossierPauseTable {
  id: Generated<string>;
  dossier_id: string;
  kind: 'supplement' | 'suspension';
  started_at: Date;
  ended_at: Date | null;
  working_minutes: number | null;
  reason: string;
  items: Json<string[]>;
  requested_by: string | null;
}

export type DocumentKind = 'receipt' | 'completion_request' | 'refusal' | 'apology' | 'stop_notice' | 'control_sheet' | 'result' | 'supplement_request';

export interface DossierDocumentTable {
  id: Generated<string>;
  dossier_id: string;
  kind: DocumentKind;
  number: string | null;
  file_id: string;
  sha256: string;
  created_at: CreatedAt;
  created_by: string | null;
}

export interface DossierConsultationTable {
  id: Generated<string>;
  dossier_id: string;
  to_agency_id: string;
  question: string;
  due_at: Date;
  asked_by: string | null;
  asked_at: CreatedAt;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
}

export interface DossierEvaluationTable {
  dossier_id: string;
  rating: number;
  criteria: Json<Record<string, number>>;
  comment: string | null;
  created_at: CreatedAt;
}

export interface DossierPaymentTable {
  id: Generated<string>;
  dossier_id: string;
  method: 'bank_transfer' | 'counter' | 'gateway';
  provider: string;
  provider_ref: string;
  amount: ColumnType<string, number | string, never>;
  paid_at: Date;
  recorded_by: string | null;
  raw: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface BankTransferTable {
  id: Generated<string>;
  bank_ref: string;
  amount: ColumnType<string, number | string, never>;
  description: string;
  received_at: Date;
  dossier_id: string | null;
  match_state: 'matched' | 'unmatched' | 'amount_mismatch' | 'duplicate';
  imported_at: CreatedAt;
}

export interface DossierCodeFormatTable {
  version: number;
  pattern: string;
  effective_from: ColumnType<string, string, never>;
  source: string;
}

export interface DossierCodeSequenceTable {
  agency_code: string;
  day: ColumnType<string, string, never>;
  last_seq: number;
}

// A type alias (not an interface) so it satisfies Kysely's `withTables` constraint.
export type PublicServicesTables = {
  procedures: ProcedureTable;
  procedure_versions: ProcedureVersionTable;
  dossiers: DossierTable;
  dossier_components: DossierComponentTable;
  dossier_events: DossierEventTable;
  dossier_pauses: DossierPauseTable;
  dossier_documents: DossierDocumentTable;
  dossier_consultations: DossierConsultationTable;
  dossier_evaluations: DossierEvaluationTable;
  dossier_payments: DossierPaymentTable;
  bank_transfers: BankTransferTable;
  dossier_code_formats: DossierCodeFormatTable;
  dossier_code_sequences: DossierCodeSequenceTable;
};

export type PsDb = Kysely<Database & PublicServicesTables>;
export type PsTrx = Transaction<Database & PublicServicesTables>;

export function psDb(db: Kysely<Database>): PsDb {
  return db.withTables<PublicServicesTables>();
}

/** The same transaction seen as the platform's, for platform services (audit, notifications, files). */
export function platformTrx(trx: PsTrx): Transaction<Database> {
  return trx as unknown as Transaction<Database>;
}
