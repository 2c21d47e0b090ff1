import { api } from '../../lib/api.js';

/** The public-services API as the officer pages read it (see the module's README for the contract). */
export const DOSSIERS = '/api/v1/dossiers';
export const DESK_PATH = '/can-bo/ho-so';
export const COUNTER_PATH = '/can-bo/ho-so/tiep-nhan';
export const REPORT_PATH = '/can-bo/ho-so/bao-cao';

export interface Bi {
  vi: string;
  en: string;
}

export type DueState = 'overdue' | 'soon' | 'ok' | 'paused';
export type Scope = 'receiving' | 'mine' | 'agency' | 'transferred' | 'consulted';

export interface QueueItem {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: string;
  status: number;
  statusLabel: Bi;
  subState: string | null;
  channel: string;
  receivedAt: string | null;
  dueAt: string | null;
  stepDueAt: string | null;
  dueState: DueState | null;
  assignee: { id: string; name: string } | null;
  applicantName?: string | null;
}

export interface QueueCounts {
  receiving: number;
  open: number;
  mine: number;
  dueSoon: number;
  overdue: number;
  paused: number;
  /** Questions other agencies put to mine (xin ý kiến), unanswered, and how many are past their time. */
  consultations?: number;
  consultationsOverdue?: number;
}

export interface AgencyRef {
  id: string;
  code?: string;
  name: string;
}

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
  kind: string;
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
  comment: string | null;
  publicNote: Bi | null;
}

export interface DossierDocument {
  id: string;
  kind: string;
  number: string | null;
  createdAt: string;
  sha256: string;
}

export interface Pause {
  id?: string;
  kind: string;
  startedAt: string;
  endedAt: string | null;
  reason: string;
  items?: string[];
}

export interface Consultation {
  id: string;
  toAgency?: AgencyRef | null;
  toAgencyId?: string;
  question: string;
  dueAt: string;
  askedAt?: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface DossierDetail {
  id: string;
  code: string | null;
  status: number;
  statusLabel: Bi;
  subState: string | null;
  channel: string;
  procedure: { code: string; name: string; version: number; timeAmount: number | string; timeUnit: string };
  applicantKind: string;
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
  deliveryMethod: string | null;
  outcome: string | null;
  resultNumber: string | null;
  resultSha256: string | null;
  feeTotal: number | string | null;
  feeStatus: string | null;
  paymentReference: string | null;
  digitised: boolean;
  version: number;
  components: DossierComponent[];
  events: DossierEvent[];
  documents: DossierDocument[];
  pauses: Pause[];
  consultations: Consultation[];
  allowedActions: string[];
}

export interface PaymentView {
  amount: number | string;
  status: string;
  reference: string | null;
  lines?: Array<{ code?: string; name: string; amount: number | string }>;
  payments?: Array<{ method: string; amount: number | string; paidAt: string; providerRef?: string }>;
}

/** Procedure search results (the public catalog). */
export interface ProcedureItem {
  code: string;
  name: string;
  field: string;
  level: 'province' | 'commune';
  agency: AgencyRef | null;
  onlineLevel: string;
  timeAmount: number | string;
  timeUnit: string;
  feeTotal: number | string;
  version: number;
}

export interface ProcedureComponentSpec {
  code: string;
  name: string;
  kind: string;
  count: number;
  required: boolean;
}

export interface ProcedureDetail extends ProcedureItem {
  components: ProcedureComponentSpec[];
  fees: Array<{ code: string; name: string; amount: number; exemptions: Array<{ code: string; name: string }> }>;
  channels: string[];
  subjects: string[];
  formSchema: Record<string, unknown>;
}

export const dossierUrl = (id: string) => `${DOSSIERS}/${encodeURIComponent(id)}`;
export const documentUrl = (dossierId: string, documentId: string) => `${dossierUrl(dossierId)}/documents/${encodeURIComponent(documentId)}`;
export const fileUrl = (fileId: string) => `/api/v1/files/${encodeURIComponent(fileId)}`;
export const agencyName = (a: AgencyRef | string | null | undefined) => (a ? (typeof a === 'string' ? a : a.name) : '');

/** POSTs one dossier command (`/api/v1/dossiers/:id/<command>`). */
export function command<T = unknown>(id: string, name: string, body?: unknown): Promise<T> {
  return api<T>(`${dossierUrl(id)}/${name}`, { method: 'POST', body: body ?? {} });
}
