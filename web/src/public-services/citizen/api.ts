import { api, ApiError, type Bilingual } from '../../lib/api.js';
import type { DossierDetail, DraftInput, EvaluationInput, TrackVerified, UploadedComponent } from '../types.js';

/** The citizen pages' paths and the API calls they make (contract: the module's API list). */
export const ROOT = '/dich-vu-cong';
export const pagePaths = {
  catalog: ROOT,
  procedure: (code: string) => `${ROOT}/thu-tuc/${encodeURIComponent(code)}`,
  file: (code: string) => `${ROOT}/nop/${encodeURIComponent(code)}`,
  track: (code?: string | null) => (code ? `${ROOT}/tra-cuu/${encodeURIComponent(code)}` : `${ROOT}/tra-cuu`),
  mine: `${ROOT}/ho-so-cua-toi`,
  dossier: (id: string) => `${ROOT}/ho-so/${encodeURIComponent(id)}`,
};

export const PROCEDURES = '/api/v1/procedures';
const DOSSIERS = '/api/v1/dossiers';
export const procedureUrl = (code: string) => `${PROCEDURES}/${encodeURIComponent(code)}`;
export const dossierUrl = (id: string) => `${DOSSIERS}/${encodeURIComponent(id)}`;
export const DRAFTS = `${DOSSIERS}/drafts`;
export const MINE = `${DOSSIERS}/mine`;
export const trackUrl = (code: string) => `${DOSSIERS}/track/${encodeURIComponent(code)}`;
export const paymentUrl = (id: string) => `${dossierUrl(id)}/payment`;
export const documentUrl = (id: string, documentId: string) => `${dossierUrl(id)}/documents/${encodeURIComponent(documentId)}`;
export const trackDocumentUrl = (code: string, documentId: string, token: string) =>
  `${trackUrl(code)}/documents/${encodeURIComponent(documentId)}?token=${encodeURIComponent(token)}`;

export function createDraft(procedureCode: string, communeCode?: string): Promise<DossierDetail> {
  return api<DossierDetail>(DRAFTS, { method: 'POST', body: { procedureCode, ...(communeCode ? { communeCode } : {}) } });
}

export function saveDraft(id: string, input: DraftInput): Promise<DossierDetail> {
  return api<DossierDetail>(`${DRAFTS}/${encodeURIComponent(id)}`, { method: 'PUT', body: input });
}

export function removeComponent(id: string, componentId: string): Promise<void> {
  return api<void>(`${DRAFTS}/${encodeURIComponent(id)}/components/${encodeURIComponent(componentId)}`, { method: 'DELETE' });
}

/** The key is kept with the local draft, so a submit retried after a lost answer is not filed twice. */
export function submitDraft(id: string, idempotencyKey: string): Promise<DossierDetail> {
  return api<DossierDetail>(`${DRAFTS}/${encodeURIComponent(id)}/submit`, { method: 'POST', body: {}, headers: { 'idempotency-key': idempotencyKey } });
}

/** After a request to complete the dossier (Mẫu 02): send the edited dossier back for receipt. */
export function resubmitDossier(id: string, idempotencyKey: string): Promise<DossierDetail> {
  return api<DossierDetail>(`${dossierUrl(id)}/resubmit`, { method: 'POST', body: {}, headers: { 'idempotency-key': idempotencyKey } });
}

export function verifyTracking(code: string, phone: string): Promise<TrackVerified> {
  return api<TrackVerified>(`${trackUrl(code)}/verify`, { method: 'POST', body: { phone } });
}

export function dossierCommand<T = DossierDetail>(id: string, name: string, body: unknown): Promise<T> {
  return api<T>(`${dossierUrl(id)}/${name}`, { method: 'POST', body });
}

export function evaluate(id: string, input: EvaluationInput): Promise<unknown> {
  return dossierCommand(id, 'evaluation', input);
}

let csrf: Promise<string | null> | null = null;
/** The session's CSRF token, for the uploads sent with XMLHttpRequest (which reports progress). */
function csrfToken(): Promise<string | null> {
  csrf ??= api<{ csrfToken: string | null }>('/api/v1/me').then(
    (me) => me.csrfToken,
    () => {
      csrf = null;
      return null;
    },
  );
  return csrf;
}

const NETWORK: Bilingual = { vi: 'Mất kết nối khi tải tệp lên. Vui lòng thử lại.', en: 'The connection dropped during the upload. Please try again.' };

/** Sends a multipart form with upload progress (0–1); rejects with the server's ApiError. */
export async function postForm<T>(url: string, form: FormData, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  const token = await csrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.withCredentials = true;
    if (onProgress) xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network_error', NETWORK));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const problem = data as { code?: string; message?: Bilingual; errors?: [] } | null;
      const message = problem?.message && typeof problem.message === 'object' ? problem.message : { vi: `Lỗi ${xhr.status}.`, en: `Error ${xhr.status}.` };
      reject(new ApiError(xhr.status, problem?.code ?? `http_${xhr.status}`, message, problem?.errors ?? []));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

export function uploadComponent(id: string, componentCode: string, file: File, onProgress: (f: number) => void, signal?: AbortSignal): Promise<UploadedComponent> {
  const form = new FormData();
  form.append('componentCode', componentCode);
  form.append('file', file, file.name);
  return postForm<UploadedComponent>(`${DRAFTS}/${encodeURIComponent(id)}/components`, form, onProgress, signal);
}

/** Random enough for an idempotency key; crypto.randomUUID needs a secure context. */
export function newKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
