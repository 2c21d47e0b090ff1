import { api } from '../../lib/api.js';
import type { AgencyRef, Bi, DossierDetail as SharedDossierDetail, Pause as SharedPause, ProcedureSummary } from '../types.js';

// The shapes citizens and officers read alike live in ../types.ts; only the officer's own are declared here.
export type { AgencyRef, Applicant, Bi, DossierComponent, DossierDocument, DossierEvent, PaymentView, ProcedureDetail } from '../types.js';

/** The public-services API as the officer pages read it (see the module's README for the contract). */
export const DOSSIERS = '/api/v1/dossiers';
export const DESK_PATH = '/can-bo/ho-so';
export const COUNTER_PATH = '/can-bo/ho-so/tiep-nhan';
export const REPORT_PATH = '/can-bo/ho-so/bao-cao';

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

/** A pause as the officer sees it: with its id when the server sends one. */
export interface Pause extends SharedPause {
  id?: string;
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

/** The dossier as the officer desk reads it: the shared detail, with pauses and consultations spelled out. */
export interface DossierDetail extends Omit<SharedDossierDetail, 'pauses' | 'consultations'> {
  pauses: Pause[];
  consultations: Consultation[];
}

/** Procedure search results (the public catalog). */
export type ProcedureItem = ProcedureSummary;

export const dossierUrl = (id: string) => `${DOSSIERS}/${encodeURIComponent(id)}`;
export const documentUrl = (dossierId: string, documentId: string) => `${dossierUrl(dossierId)}/documents/${encodeURIComponent(documentId)}`;
export const fileUrl = (fileId: string) => `/api/v1/files/${encodeURIComponent(fileId)}`;
export const agencyName = (a: AgencyRef | string | null | undefined) => (a ? (typeof a === 'string' ? a : a.name) : '');

/** POSTs one dossier command (`/api/v1/dossiers/:id/<command>`). */
export function command<T = unknown>(id: string, name: string, body?: unknown): Promise<T> {
  return api<T>(`${dossierUrl(id)}/${name}`, { method: 'POST', body: body ?? {} });
}
