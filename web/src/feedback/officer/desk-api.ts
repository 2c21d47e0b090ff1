import { api } from '../../lib/api.js';
import { BASE } from '../api.js';
import type { QueueItem, ReportDetail } from '../types.js';

/** A member of staff as the desk sees them: id and name only. */
export interface StaffRef {
  id: string;
  fullName: string;
}

export interface DeskQueueItem extends QueueItem {
  assignee: StaffRef | null;
}

export interface QueueCounts {
  open: number;
  dueToday: number;
  overdue: number;
  unassigned: number;
  mine: number;
}

/** Who handles a report inside its agency, and what the signed-in person may do at the desk. */
export interface Handling {
  assignee: StaffRef | null;
  assignedAt: string | null;
  canAct: boolean;
  canAssignOthers: boolean;
}

export type TemplateAction = 'refuse' | 'resolve' | 'close' | 'transfer' | 'note';

/** A response template (mẫu trả lời): the agency's or the province's canned text for an action. */
export interface ResponseTemplate {
  id: string;
  agencyId: string | null;
  action: TemplateAction;
  title: string;
  body: string;
  active: boolean;
}

export function assign(reportId: string, assigneeId: string): Promise<unknown> {
  return api(`${BASE}/reports/${reportId}/actions`, { method: 'POST', body: { action: 'assign', assigneeId } });
}

export function unassign(reportId: string): Promise<unknown> {
  return api(`${BASE}/reports/${reportId}/actions`, { method: 'POST', body: { action: 'unassign' } });
}

/** Fills a template's `{placeholders}` from the report (templates are written in Vietnamese). */
export function fillTemplate(body: string, report: ReportDetail): string {
  const values: Record<string, string> = {
    trackingCode: report.trackingCode,
    categoryName: report.categoryName.vi,
    communeName: report.communeName,
    agencyName: report.agencyName,
    address: report.address ?? report.communeName,
  };
  return body.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Roles that handle reports; a leader (lãnh đạo) reads the desk but does not act. */
export const HANDLER_ROLES = ['officer', 'agency_admin', 'system_admin'];
