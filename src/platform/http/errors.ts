/** A message in both languages the platform speaks; Vietnamese first. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface FieldError {
  field: string;
  message: Bilingual;
}

/**
 * An error meant for the client: it becomes an RFC 9457 problem document with the status,
 * a stable code and messages in Vietnamese and English.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Bilingual,
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(messages.en);
  }
}

export const errors = {
  badRequest: (code: string, vi: string, en: string, fields: FieldError[] = []) => new AppError(400, code, { vi, en }, fields),
  unauthenticated: () =>
    new AppError(401, 'unauthenticated', { vi: 'Bạn cần đăng nhập để tiếp tục.', en: 'You need to sign in to continue.' }),
  forbidden: (vi = 'Bạn không có quyền thực hiện thao tác này.', en = 'You are not allowed to do this.') =>
    new AppError(403, 'forbidden', { vi, en }),
  notFound: (vi = 'Không tìm thấy.', en = 'Not found.') => new AppError(404, 'not_found', { vi, en }),
  conflict: (code: string, vi: string, en: string) => new AppError(409, code, { vi, en }),
  tooManyRequests: (retryAfterSeconds: number) =>
    new AppError(
      429,
      'too_many_requests',
      {
        vi: `Bạn thao tác quá nhiều lần. Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
        en: `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
      },
      [],
      { 'retry-after': String(retryAfterSeconds) },
    ),
  unprocessable: (code: string, vi: string, en: string, fields: FieldError[] = []) => new AppError(422, code, { vi, en }, fields),
};
