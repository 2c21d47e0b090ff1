/**
 * Choosing and writing the response format. Open311 selects the format by a file-extension suffix
 * (`/services.xml`), not by content negotiation; XML is the required format, JSON optional.
 */
import type { FastifyReply } from 'fastify';
import { AppError } from '../../../platform/http/errors.js';
import { w3cDatetime } from './datetime.js';
import { Open311Error, open311Error, open311Errors } from './errors.js';
import { toOpen311Json } from './json.js';
import type { Window } from './parse-query.js';
import type { Language } from './types.js';
import { toOpen311Xml } from './xml.js';

export { open311Error } from './errors.js';

export type Format = 'json' | 'xml';

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export type Negotiated = { ok: true; format: Format; stem: string } | { ok: false; format: 'xml'; error: Open311Error };

/**
 * The format of a path or last path segment (`requests.json`, `/open311/v2/requests/QT-1.xml`) and the
 * path without its suffix. Without a suffix the Accept header decides and XML — the one format
 * every client must understand — is the default. Any other suffix is 404 (as open311-adapter
 * answers), with the error in XML. Our identifiers never contain dots, so a dot always starts a suffix.
 */
export function negotiate(path: string, accept?: string): Negotiated {
  const clean = path.split('?')[0] ?? '';
  const slash = clean.lastIndexOf('/');
  const dot = clean.lastIndexOf('.');
  if (dot <= slash) return { ok: true, format: prefersJson(accept) ? 'json' : 'xml', stem: clean };
  const suffix = clean.slice(dot + 1).toLowerCase();
  const stem = clean.slice(0, dot);
  if (suffix === 'json' || suffix === 'xml') return { ok: true, format: suffix, stem };
  return { ok: false, format: 'xml', error: open311Errors.badExtension() };
}

function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.toLowerCase().split(',').map((t) => t.split(';')[0]!.trim());
  const json = types.findIndex((t) => t === 'application/json');
  const xml = types.findIndex((t) => t === 'text/xml' || t === 'application/xml');
  return json >= 0 && (xml < 0 || json < xml);
}

/**
 * The language of descriptions and names. Open311 has no parameter for it (FixMyStreet's authors list
 * this as a gap): `locale` (as in the v2.1 draft) wins, then Accept-Language, then Vietnamese.
 */
export function pickLanguage(locale?: unknown, acceptLanguage?: string): Language {
  if (typeof locale === 'string' && /^en(?:[-_]|$)/i.test(locale.trim())) return 'en';
  if (typeof locale === 'string' && /^vi(?:[-_]|$)/i.test(locale.trim())) return 'vi';
  for (const part of (acceptLanguage ?? '').toLowerCase().split(',')) {
    const tag = part.split(';')[0]!.trim();
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'vi';
}

/** The body of a response in the chosen format (exported for tests and for static files). */
export function renderOpen311(format: Format, rootName: string, itemName: string | null, payload: readonly object[] | object): string {
  return format === 'json' ? toOpen311Json(payload) : toOpen311Xml(rootName, itemName, payload);
}

/**
 * Sends an Open311 body. GET answers carry `Access-Control-Allow-Origin: *` (decision A14): the
 * data is public and browser apps of other cities or researchers may read it.
 */
export function sendOpen311(
  reply: FastifyReply,
  format: Format,
  rootName: string,
  itemName: string | null,
  payload: readonly object[] | object,
  status = 200,
): FastifyReply {
  const method = reply.request.method;
  if (method === 'GET' || method === 'HEAD') reply.header('access-control-allow-origin', '*');
  return reply.status(status).type(CONTENT_TYPES[format]).send(renderOpen311(format, rootName, itemName, payload));
}

/** Sends an `errors` body with the error's HTTP status. */
export function sendOpen311Error(reply: FastifyReply, format: Format, error: Open311Error, lang: Language): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return sendOpen311(reply, format, 'errors', 'error', error.view(lang), error.status);
}

/**
 * The HTTP status Open311 allows for a failure: 404 and 403 as they are (401 is 403: the spec's
 * "missing or invalid api_key"), every other client error 400 with the specific code in the body
 * (spec §1.9). 429 stays, so clients back off; server failures stay 5xx.
 */
export function open311Status(status: number): number {
  if (status === 401) return 403;
  if (status === 403 || status === 404 || status === 429 || status >= 500) return status;
  return 400;
}

/**
 * Any thrown error as an Open311 error, for the Open311 routes' error handler: our AppErrors keep
 * their code, both languages and headers; Fastify's own client errors (bad body, too large) become
 * 400; anything else is a 500 without internals.
 */
export function toOpen311Error(error: unknown): Open311Error {
  if (error instanceof Open311Error) return error;
  if (error instanceof AppError) {
    return new Open311Error(open311Status(error.status), [{ code: error.code, description: error.messages }], error.headers);
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = error instanceof Error ? error.message : 'Bad request';
    return open311Error(open311Status(status), 'bad_request', { vi: 'Yêu cầu không hợp lệ.', en: message });
  }
  return open311Error(500, 'internal_error', {
    vi: 'Hệ thống gặp lỗi. Vui lòng thử lại sau.',
    en: 'Something went wrong on our side. Please try again later.',
  });
}

/** Headers telling the client which window it got (decision A6: a longer span is clamped, not refused). */
export function windowHeaders(window: Window | null): Record<string, string> {
  if (!window) return {};
  const headers: Record<string, string> = {
    'x-open311-start-date': w3cDatetime(window.start),
    'x-open311-end-date': w3cDatetime(window.end),
  };
  if (window.clamped) headers['x-open311-window-clamped'] = 'true';
  return headers;
}
