/**
 * What the feedback API answers (`/api/v1/feedback`), as the browser reads it. Mirrors the
 * schemas of the server's feedback module; keep the two in step.
 */
import type { Bilingual } from '../lib/api.js';

export type { Bilingual };
export type ReportStatus = 'new' | 'accepted' | 'in_progress' | 'resolved' | 'closed';
export type ReportOutcome = 'fixed' | 'not_fixed' | 'not_ours' | 'duplicate' | 'refused';
export type AttributeType = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface CategoryAttribute {
  code: string;
  datatype: AttributeType | string;
  required: boolean;
  description: Bilingual;
  values?: Array<{ key: string; name: Bilingual }>;
}

export interface Category {
  code: string;
  name: Bilingual;
  group: Bilingual;
  description: Bilingual;
  /** Search words without diacritics, when the server sends them. */
  keywords?: string;
  attributes: CategoryAttribute[];
}

/** A report as anyone may see it: no contact details, the name only when the reporter shows it. */
export interface PublicReport {
  id: string;
  trackingCode: string;
  categoryCode: string;
  categoryName: Bilingual;
  description: string;
  status: ReportStatus;
  outcome: ReportOutcome | null;
  lat: number;
  lng: number;
  address?: string | null;
  communeCode?: string;
  communeName: string;
  agencyId?: string;
  agencyName: string;
  reporterDisplayName?: string | null;
  createdAt: string;
  updatedAt?: string;
  dueAt: string | null;
  photoUrls: string[];
}

export interface TimelineEntry {
  at: string;
  kind: string;
  actorLabel: string;
  /** Details of the change (reason, note, result, agency…), by kind. */
  data?: Record<string, unknown>;
  /** Older shape: a ready text. */
  text?: Bilingual | string;
  /** false for internal notes (staff only). */
  public?: boolean;
}

export interface ReportDetail extends PublicReport {
  timeline: TimelineEntry[];
  result: { text: string; photoUrls: string[] } | null;
  rating: { stars: number; comment: string | null } | null;
  canRate: boolean;
  canReopen: boolean;
  /** Only for the reporter and the handling agency (the server audits the view). */
  reporter?: { name: string | null; phone: string | null; email: string | null } | null;
}

export interface QueueItem extends PublicReport {
  priority: number;
  overdue: boolean;
  dueSoon: boolean;
  acceptDueAt?: string;
}

export interface NearbyReport {
  id: string;
  trackingCode: string;
  title?: string;
  categoryName?: Bilingual;
  description?: string;
  status: ReportStatus;
  distanceMetres: number;
  createdAt: string;
}

export interface CreatedReport {
  id: string;
  trackingCode: string;
  status: ReportStatus;
  dueAt: string | null;
  agency: { id: string; name: string };
  commune: { code: string; name: string };
}

/** The JSON part of `POST /reports`. */
export interface ReportInput {
  categoryCode: string;
  description: string;
  lat: number;
  lng: number;
  address?: string;
  attributes?: Record<string, string | string[]>;
  hideName: boolean;
  contact?: { name?: string; phone?: string; email?: string };
}

export type ActionName = 'accept' | 'refuse' | 'start' | 'resolve' | 'close' | 'transfer' | 'note';
export type CloseOutcome = 'fixed' | 'not_fixed' | 'not_ours' | 'duplicate';
