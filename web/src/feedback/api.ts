import { api } from '../lib/api.js';
import type { DraftPhoto } from './draft.js';
import type { ActionName, CloseOutcome, CreatedReport, ReportDetail, ReportInput } from './types.js';

export const BASE = '/api/v1/feedback';

/**
 * Sends a report: multipart when it has photos (`report` = the JSON, `photos` = the files), plain
 * JSON otherwise. `key` is the outbox entry's id, sent as an idempotency key so a retry after a
 * lost answer can be recognised.
 */
export function submitReport(report: ReportInput, photos: DraftPhoto[], key: string): Promise<CreatedReport> {
  const headers = { 'idempotency-key': key };
  if (photos.length === 0) return api<CreatedReport>(`${BASE}/reports`, { method: 'POST', body: report, headers });
  const form = new FormData();
  form.append('report', JSON.stringify(report));
  for (const p of photos) form.append('photos', p.blob, p.name);
  return api<CreatedReport>(`${BASE}/reports`, { method: 'POST', body: form, headers });
}

export function trackUrl(trackingCode: string): string {
  return `${BASE}/track/${encodeURIComponent(trackingCode)}`;
}

export function rate(id: string, stars: number, comment: string): Promise<unknown> {
  return api(`${BASE}/reports/${id}/rating`, { method: 'POST', body: { stars, ...(comment.trim() ? { comment: comment.trim() } : {}) } });
}

export function reopen(id: string, reason: string): Promise<unknown> {
  return api(`${BASE}/reports/${id}/reopen`, { method: 'POST', body: { reason: reason.trim() } });
}

export interface ActionInput {
  action: ActionName;
  reason?: string;
  resultText?: string;
  outcome?: CloseOutcome;
  agencyId?: string;
  duplicateOf?: string;
  note?: string;
}

/** An officer's action; a resolution with photos goes as multipart (`action` = the JSON, `photos`). */
export function act(id: string, input: ActionInput, photos: DraftPhoto[] = []): Promise<ReportDetail | unknown> {
  const path = `${BASE}/reports/${id}/actions`;
  if (photos.length === 0) return api(path, { method: 'POST', body: input });
  const form = new FormData();
  form.append('action', JSON.stringify(input));
  for (const p of photos) form.append('photos', p.blob, p.name);
  return api(path, { method: 'POST', body: form });
}
