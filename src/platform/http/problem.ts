import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from './errors.js';
import { translateValidationError } from './validation-messages.js';

/** The body of every error response (RFC 9457 problem details, extended with both languages). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  message: { vi: string; en: string };
  errors: FieldError[];
  requestId: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError;
  if (fe.validation) {
    const fields = fe.validation.map((v) => translateValidationError(v, fe.validationContext));
    return new AppError(
      400,
      'validation_failed',
      { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is not valid.' },
      fields,
    );
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return new AppError(413, 'payload_too_large', {
        vi: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.',
        en: 'The request body is larger than allowed.',
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', {
        vi: 'Định dạng dữ liệu gửi lên không được hỗ trợ.',
        en: 'The request content type is not supported.',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError(400, 'malformed_body', { vi: 'Dữ liệu JSON không đọc được.', en: 'The JSON body could not be parsed.' });
    case 'FST_ERR_RATE_LIMIT':
      return new AppError(429, 'too_many_requests', {
        vi: 'Bạn thao tác quá nhiều lần. Vui lòng thử lại sau.',
        en: 'Too many requests. Please try again later.',
      });
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode, 'bad_request', { vi: 'Yêu cầu không hợp lệ.', en: fe.message });
  }
  return new AppError(500, 'internal_error', {
    vi: 'Hệ thống gặp lỗi. Vui lòng thử lại sau.',
    en: 'Something went wrong on our side. Please try again later.',
  });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const problem: Problem = {
    type: `https://tinhso.vn/problems/${error.code}`,
    title: TITLES[error.status] ?? 'Error',
    status: error.status,
    detail: error.messages.en,
    instance: request.url.split('?')[0] ?? request.url,
    code: error.code,
    message: error.messages,
    errors: error.fieldErrors,
    requestId: String(request.id),
  };
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem));
}
