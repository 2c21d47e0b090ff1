import type { Bilingual, FieldError } from '../../../src/platform/http/errors.js';

export type { Bilingual, FieldError };

/** An error from the API (an RFC 9457 problem with messages in both languages) or the network. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Bilingual,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(messages.en);
  }
}

const FALLBACK: Record<number, Bilingual> = {
  0: { vi: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.', en: 'Could not reach the server. Check your connection and try again.' },
  401: { vi: 'Bạn cần đăng nhập để tiếp tục.', en: 'You need to sign in to continue.' },
  403: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  404: { vi: 'Chức năng này chưa có trên máy chủ.', en: 'This function is not available on the server yet.' },
};
const GENERIC: Bilingual = { vi: 'Hệ thống gặp lỗi. Vui lòng thử lại sau.', en: 'Something went wrong. Please try again later.' };

let csrfToken: string | null = null;
/** Cookie-authenticated writes must echo the session's CSRF token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** JSON-encoded, except a FormData (multipart; the browser sets its boundary). */
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

function isProblem(value: unknown): value is { code?: string; message?: Bilingual; errors?: FieldError[] } {
  return !!value && typeof value === 'object' && 'message' in value && typeof (value as { message: unknown }).message === 'object';
}

/** Calls the platform's API on the same origin; throws ApiError on any failure. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const form = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: form ? (options.body as FormData) : JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', FALLBACK[0]!);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    if (isProblem(data) && data.message) {
      throw new ApiError(response.status, data.code ?? `http_${response.status}`, data.message, data.errors ?? []);
    }
    throw new ApiError(response.status, `http_${response.status}`, FALLBACK[response.status] ?? GENERIC);
  }
  return data as T;
}

/** A page of a cursor-paginated list, as every list endpoint returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'client_error', GENERIC);
}
