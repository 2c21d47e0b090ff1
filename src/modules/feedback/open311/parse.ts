/**
 * POST /requests input: a form body (the spec's format), a JSON body or multipart fields, read into
 * one normalised submission. Checks are syntactic; the route then looks up the service (404), the
 * api_key's validity (403), the attributes against the definition (`validateAttributes`) and
 * whether the point lies in the province.
 */
import { fail, ok, Open311Error, open311Errors, type ParseResult } from './errors.js';
import { collectAttributes } from './parse-attributes.js';
import { charLength, checkJurisdiction, cleanText, decimal, Problems, text, type Input } from './parse-fields.js';

/** The spec's limit on the free-text description (§1.5). */
export const MAX_DESCRIPTION = 4000;
/** As many photo links as our own form accepts photos. */
export const MAX_MEDIA_URLS = 5;

export interface ServiceRequestSubmission {
  jurisdictionId: string | null;
  apiKey: string;
  serviceCode: string;
  lat: number | null;
  long: number | null;
  addressString: string | null;
  addressId: string | null;
  email: string | null;
  deviceId: string | null;
  accountId: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  description: string | null;
  mediaUrls: string[];
  /** Every submitted attribute as a list of values (one for single-valued ones). */
  attributes: Record<string, string[]>;
}

export interface PostContext {
  /** Jurisdictions this deployment serves (decision A17). */
  jurisdictions: readonly string[];
  /** The query string: some clients send api_key there (the v2.1 draft declares it `in: query`). */
  query?: Input;
}

// The spec forbids HTML and code in the description (§1.5, decision A10): scripts and styles go with
// their content, other tags are dropped; a lone `<` as in "a < b" is text and stays.
export function stripHtml(value: string): string {
  return value
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .trim();
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const PHONE = /^\+?[0-9 ().-]+$/;

function mediaUrls(body: Input, problems: Problems): string[] {
  const raw = [body.media_url, body['media_url[]']].flatMap((v) => (Array.isArray(v) ? v : [v]));
  const urls: string[] = [];
  for (const value of raw) {
    if (value === undefined || value === null || value === '') continue;
    const url = typeof value === 'string' ? cleanText(value) : '';
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.username || parsed.password || url.length > 2048) {
      problems.add('media_url_invalid', 'media_url phải là địa chỉ http hoặc https.', 'media_url must be an http or https URL.');
      return [];
    }
    urls.push(parsed.href);
  }
  if (urls.length > MAX_MEDIA_URLS) {
    problems.add('media_url_too_many', `Tối đa ${MAX_MEDIA_URLS} media_url.`, `At most ${MAX_MEDIA_URLS} media_url values.`);
    return [];
  }
  return [...new Set(urls)];
}

/** Reads and checks a POST /requests body. Errors: 403 without api_key, 400/404 for the jurisdiction, else 400. */
export function parsePostRequest(body: unknown, context: PostContext): ParseResult<ServiceRequestSubmission> {
  const input: Input = body && typeof body === 'object' && !Array.isArray(body) ? (body as Input) : {};
  const problems = new Problems();
  const apiKey = text(input, 'api_key', problems, 512) ?? (context.query ? text(context.query, 'api_key', problems, 512) : undefined);
  if (apiKey === undefined) return fail(open311Errors.apiKeyMissing());
  const jurisdiction = checkJurisdiction(input, context.jurisdictions);
  if (jurisdiction instanceof Open311Error) return fail(jurisdiction);

  const before = problems.items.length;
  const serviceCode = text(input, 'service_code', problems, 100);
  if (serviceCode === undefined && problems.items.length === before) {
    problems.add('service_code_missing', 'Thiếu service_code (lĩnh vực phản ánh).', 'service_code is required.');
  }
  const lat = decimal(input, 'lat', problems, -90, 90);
  const long = decimal(input, 'long', problems, -180, 180);
  const addressString = text(input, 'address_string', problems, 500);
  const addressId = text(input, 'address_id', problems, 100);
  const latGiven = input.lat !== undefined && input.lat !== '' && input.lat !== null;
  const longGiven = input.long !== undefined && input.long !== '' && input.long !== null;
  if (latGiven !== longGiven) {
    problems.add('lat_long_incomplete', 'lat và long phải được gửi cùng nhau.', 'lat and long must be given together.');
  } else if (!latGiven && addressString === undefined && addressId === undefined) {
    problems.add(
      'location_missing',
      'Cần vị trí: lat và long, hoặc address_string, hoặc address_id.',
      'A location is required: lat and long, address_string or address_id.',
    );
  }

  const email = text(input, 'email', problems, 254);
  if (email !== undefined && !EMAIL.test(email)) problems.add('email_invalid', 'Địa chỉ email không hợp lệ.', 'email is not a valid address.');
  const phone = text(input, 'phone', problems, 30);
  const digits = phone?.replace(/\D/g, '').length ?? 0;
  if (phone !== undefined && (!PHONE.test(phone) || digits < 6 || digits > 15)) {
    problems.add('phone_invalid', 'Số điện thoại không hợp lệ.', 'phone is not a valid phone number.');
  }
  const rawDescription = text(input, 'description', problems, Number.MAX_SAFE_INTEGER);
  const description = rawDescription === undefined ? undefined : stripHtml(rawDescription);
  if (description !== undefined && charLength(description) > MAX_DESCRIPTION) {
    problems.add(
      'description_too_long',
      `Nội dung phản ánh dài quá ${MAX_DESCRIPTION} ký tự.`,
      `description is longer than ${MAX_DESCRIPTION} characters.`,
    );
  }

  const value: ServiceRequestSubmission = {
    jurisdictionId: jurisdiction.id,
    apiKey,
    serviceCode: serviceCode ?? '',
    lat: lat ?? null,
    long: long ?? null,
    addressString: addressString ?? null,
    addressId: addressId ?? null,
    email: email ?? null,
    deviceId: text(input, 'device_id', problems, 100) ?? null,
    accountId: text(input, 'account_id', problems, 100) ?? null,
    firstName: text(input, 'first_name', problems, 100) ?? null,
    lastName: text(input, 'last_name', problems, 100) ?? null,
    phone: phone ?? null,
    description: description || null,
    mediaUrls: mediaUrls(input, problems),
    attributes: collectAttributes(input, problems),
  };
  if (value.lat === null || value.long === null) {
    value.lat = null;
    value.long = null;
  }
  return problems.empty ? ok(value) : fail(new Open311Error(400, problems.items));
}
