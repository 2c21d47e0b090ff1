import { api, type Bilingual } from '../../lib/api.js';
import { DOSSIERS } from './api.js';

/** Bulk assignment (phân công hàng loạt): the server's limit per request. */
export const MAX_BULK_ASSIGN = 100;

export interface BulkAssignItem {
  id: string;
  ok: boolean;
  assigneeId?: string;
  error?: { status: number; code: string; message: Bilingual };
}

export interface BulkAssignResult {
  results: BulkAssignItem[];
  assigned: number;
  failed: number;
}

export interface BulkAssignInput {
  dossierIds: string[];
  assigneeId: string;
  /** Needed for dossiers that already have another assignee (phân công lại). */
  reason?: string;
}

/** Each dossier is assigned in its own transaction: read `results` for which ones were refused. */
export function assignMany(input: BulkAssignInput): Promise<BulkAssignResult> {
  return api<BulkAssignResult>(`${DOSSIERS}/assignments`, { method: 'POST', body: input });
}

/** A member of an agency's staff, as `GET /api/v1/agencies/:id/staff` lists them. */
export interface StaffMember {
  id: string;
  fullName: string;
  role: string;
  status: string;
}

export const staffPath = (agencyId: string) => `/api/v1/agencies/${agencyId}/staff`;

/** Whom the server accepts as assignee: active officers and agency admins. */
export const isAssignable = (s: StaffMember) => (s.role === 'officer' || s.role === 'agency_admin') && s.status === 'active';
