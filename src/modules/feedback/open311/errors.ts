/**
 * Open311 errors. The specification fixes the HTTP statuses (404 for what does not exist, 403 for a
 * missing or wrong api_key, 400 for everything else) and lets the body's `code` be more specific; we
 * use stable identifiers there (decision A4) and a description in the caller's language.
 */
import type { Language } from './types.js';

export interface Open311ErrorItem {
  code: string;
  description: { vi: string; en: string };
}

/** A failed Open311 call: one HTTP status, one or more errors. Throwable, so routes may `throw` it. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly errors: Open311ErrorItem[],
    /** Extra response headers (Retry-After on 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.map((e) => `${e.code}: ${e.description.en}`).join('; '));
  }

  /** The `errors` view in one language. */
  view(lang: Language): Array<{ code: string; description: string }> {
    return this.errors.map((e) => ({ code: e.code, description: e.description[lang] }));
  }
}

/** One error; `description` may be a single string when both languages would say the same. */
export function open311Error(status: number, code: string, description: string | { vi: string; en: string }): Open311Error {
  const text = typeof description === 'string' ? { vi: description, en: description } : description;
  return new Open311Error(status, [{ code, description: text }]);
}

/** Several 400 errors from one validation pass (clients can fix them all at once). */
export function badRequest(items: Open311ErrorItem[]): Open311Error {
  return new Open311Error(400, items);
}

export function item(code: string, vi: string, en: string): Open311ErrorItem {
  return { code, description: { vi, en } };
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: Open311Error };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const fail = <T>(error: Open311Error): ParseResult<T> => ({ ok: false, error });

/** The errors a route raises itself, after looking things up (so every text lives in one place). */
export const open311Errors = {
  apiKeyMissing: () =>
    open311Error(403, 'api_key_missing', {
      vi: 'Thiếu api_key: cần có khóa API để gửi phản ánh.',
      en: 'api_key is missing: an API key is required to submit a request.',
    }),
  apiKeyInvalid: () =>
    open311Error(403, 'api_key_invalid', {
      vi: 'api_key không hợp lệ hoặc đã bị thu hồi.',
      en: 'Invalid api_key received -- cannot proceed with the request.',
    }),
  serviceNotFound: (code: string) =>
    open311Error(404, 'service_code_not_found', {
      vi: `Không có lĩnh vực phản ánh mã "${code}".`,
      en: `No service with service_code "${code}".`,
    }),
  requestNotFound: (id: string) =>
    open311Error(404, 'service_request_not_found', {
      vi: `Không có phản ánh mã "${id}".`,
      en: `No service request with service_request_id "${id}".`,
    }),
  tokenNotFound: (token: string) =>
    open311Error(404, 'token_not_found', { vi: `Không có token "${token}".`, en: `No request with token "${token}".` }),
  badExtension: () =>
    open311Error(404, 'bad_extension', {
      vi: 'Định dạng không được hỗ trợ. Hỗ trợ .xml và .json.',
      en: 'Bad extension. We support .xml and .json.',
    }),
  outsideJurisdiction: (place: string) =>
    open311Error(400, 'location_outside_jurisdiction', {
      vi: `Vị trí phản ánh nằm ngoài ${place}.`,
      en: `The location is outside ${place}.`,
    }),
  updateExists: (updateId: string) =>
    open311Error(400, 'update_id_exists', {
      vi: `Cập nhật "${updateId}" đã tồn tại.`,
      en: `Update "${updateId}" already exists.`,
    }),
  serviceUnavailable: () =>
    open311Error(400, 'service_unavailable', {
      vi: 'Hệ thống tạm thời không xử lý được yêu cầu. Vui lòng thử lại sau.',
      en: 'The service cannot handle the request right now. Please try again later.',
    }),
};
