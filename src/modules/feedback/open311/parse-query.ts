/**
 * GET /requests and GET /servicerequestupdates query strings. Spec rules: `service_request_id`
 * overrides every other argument; the window is at most 90 days (the last 90 without dates); at most
 * 1000 requests. Our extensions, named as in the wild where a name exists: `page`/`page_size`
 * (Chicago), `lat`/`long`/`radius` in metres (CitySDK), `agency_responsible` (CitySDK, FixMyStreet),
 * `updated_after`/`updated_before` (Chicago, CitySDK), `max_requests` (FixMyStreet, CitySDK),
 * `extensions=true` (Chicago); plus `bbox=minLng,minLat,maxLng,maxLat` (the OGC/GeoJSON order).
 */
import { addDays, endOfVietnamDay, parseW3cDatetime } from './datetime.js';
import { fail, ok, Open311Error, type ParseResult } from './errors.js';
import { checkJurisdiction, commaList, decimal, Problems, text, wholeNumber, type Input } from './parse-fields.js';
import type { Open311Status } from './types.js';

export const MAX_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_RADIUS_METRES = 1000;
export const MAX_RADIUS_METRES = 50_000;

export interface Window {
  start: Date;
  end: Date;
  /** The asked-for span was longer than 90 days and was cut (decision A6: clamp, and say so). */
  clamped: boolean;
}

export interface RequestsQuery {
  jurisdictionId: string | null;
  /** When given, every other filter is null and there is no window (spec §1.7). */
  ids: string[] | null;
  serviceCodes: string[] | null;
  statuses: Open311Status[] | null;
  window: Window | null;
  updatedAfter: Date | null;
  updatedBefore: Date | null;
  bbox: { minLng: number; minLat: number; maxLng: number; maxLat: number } | null;
  near: { lat: number; long: number; radius: number } | null;
  agencies: string[] | null;
  extensions: boolean;
  /** Newest first by requested_datetime (decision A7); `limit` rows from `offset`. */
  limit: number;
  offset: number;
  /** The page asked for, or null without paging (then `limit` is the spec's cap). */
  page: { number: number; size: number } | null;
}

function date(input: Input, name: string, problems: Problems, end: boolean): Date | undefined {
  const raw = text(input, name, problems, 40);
  if (raw === undefined) return undefined;
  const parsed = parseW3cDatetime(raw);
  if (!parsed) {
    problems.add(
      `${name}_invalid`,
      `${name} phải là ngày giờ W3C có múi giờ, ví dụ 2026-11-23T09:30:00+07:00.`,
      `${name} must be a W3C datetime with a zone, e.g. 2026-11-23T09:30:00+07:00.`,
    );
    return undefined;
  }
  // A bare date means the whole day in Vietnam time: from its first to its last millisecond.
  return parsed.dateOnly && end ? endOfVietnamDay(parsed.instant) : parsed.instant;
}

/** The 90-day window from `start_date`/`end_date` (decision A6). */
export function dateWindow(input: Input, problems: Problems, now: Date): Window | null {
  const start = date(input, 'start_date', problems, false);
  const end = date(input, 'end_date', problems, true);
  if (!problems.empty) return null;
  if (start && end && start > end) {
    problems.add('date_range_reversed', 'start_date phải trước end_date.', 'start_date must not be after end_date.');
    return null;
  }
  const from = start ?? (end ? addDays(end, -MAX_WINDOW_DAYS) : addDays(now, -MAX_WINDOW_DAYS));
  const to = end ?? (start ? addDays(start, MAX_WINDOW_DAYS) : now);
  const limit = addDays(from, MAX_WINDOW_DAYS);
  return to > limit ? { start: from, end: limit, clamped: true } : { start: from, end: to, clamped: false };
}

function bbox(input: Input, problems: Problems): RequestsQuery['bbox'] {
  const parts = commaList(input, 'bbox', problems);
  if (!parts) return null;
  const n = parts.map(Number);
  const [minLng, minLat, maxLng, maxLat] = n as [number, number, number, number];
  const valid =
    parts.length === 4 && n.every(Number.isFinite) && minLng < maxLng && minLat < maxLat &&
    minLng >= -180 && maxLng <= 180 && minLat >= -90 && maxLat <= 90;
  if (!valid) {
    problems.add('bbox_invalid', 'bbox phải là minLng,minLat,maxLng,maxLat.', 'bbox must be minLng,minLat,maxLng,maxLat.');
    return null;
  }
  return { minLng, minLat, maxLng, maxLat };
}

function statuses(input: Input, problems: Problems): Open311Status[] | null {
  const list = commaList(input, 'status', problems)?.map((s) => s.toLowerCase());
  if (!list) return null;
  if (list.some((s) => s !== 'open' && s !== 'closed')) {
    problems.add('status_invalid', 'status chỉ nhận open, closed hoặc open,closed.', 'status must be open, closed or open,closed.');
    return null;
  }
  return list as Open311Status[];
}

export interface QueryContext {
  jurisdictions: readonly string[];
  now: Date;
}

export function parseRequestsQuery(query: unknown, context: QueryContext): ParseResult<RequestsQuery> {
  const input: Input = query && typeof query === 'object' ? (query as Input) : {};
  const jurisdiction = checkJurisdiction(input, context.jurisdictions);
  if (jurisdiction instanceof Open311Error) return fail(jurisdiction);
  const problems = new Problems();
  const extensions = text(input, 'extensions', problems, 10)?.toLowerCase() === 'true';
  const ids = commaList(input, 'service_request_id', problems);
  if (ids) {
    if (ids.length > MAX_REQUESTS) {
      problems.add('service_request_id_too_many', `Tối đa ${MAX_REQUESTS} mã.`, `At most ${MAX_REQUESTS} ids.`);
    }
    const value: RequestsQuery = {
      jurisdictionId: jurisdiction.id, ids, serviceCodes: null, statuses: null, window: null, updatedAfter: null,
      updatedBefore: null, bbox: null, near: null, agencies: null, extensions, limit: ids.length, offset: 0, page: null,
    };
    return problems.empty ? ok(value) : fail(new Open311Error(400, problems.items));
  }

  const window = dateWindow(input, problems, context.now);
  const lat = decimal(input, 'lat', problems, -90, 90);
  const long = decimal(input, 'long', problems, -180, 180);
  const radius = wholeNumber(input, 'radius', problems, 1, MAX_RADIUS_METRES);
  if ((lat === undefined) !== (long === undefined) && problems.empty) {
    problems.add('lat_long_incomplete', 'lat và long phải được gửi cùng nhau.', 'lat and long must be given together.');
  }
  const pageNumber = wholeNumber(input, 'page', problems, 1, 1_000_000);
  const pageSize = wholeNumber(input, 'page_size', problems, 1, MAX_PAGE_SIZE);
  const maxRequests = wholeNumber(input, 'max_requests', problems, 1, Number.MAX_SAFE_INTEGER);
  const paged = pageNumber !== undefined || pageSize !== undefined;
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  const value: RequestsQuery = {
    jurisdictionId: jurisdiction.id,
    ids: null,
    serviceCodes: commaList(input, 'service_code', problems) ?? null,
    statuses: statuses(input, problems),
    window,
    updatedAfter: date(input, 'updated_after', problems, false) ?? null,
    updatedBefore: date(input, 'updated_before', problems, true) ?? null,
    bbox: bbox(input, problems),
    near: lat !== undefined && long !== undefined ? { lat, long, radius: radius ?? DEFAULT_RADIUS_METRES } : null,
    // FixMyStreet separates body ids with `|`, CitySDK with commas: accept both.
    agencies: commaList(input, 'agency_responsible', problems, /[,|]/) ?? commaList(input, 'agency', problems, /[,|]/) ?? null,
    extensions,
    limit: paged ? size : Math.min(maxRequests ?? MAX_REQUESTS, MAX_REQUESTS),
    offset: paged ? ((pageNumber ?? 1) - 1) * size : 0,
    page: paged ? { number: pageNumber ?? 1, size } : null,
  };
  return problems.empty ? ok(value) : fail(new Open311Error(400, problems.items));
}

export interface UpdatesQuery {
  jurisdictionId: string | null;
  window: Window;
  limit: number;
}

/** GET servicerequestupdates: `start_date` and `end_date` together or not at all (mySociety schema). */
export function parseUpdatesQuery(query: unknown, context: QueryContext): ParseResult<UpdatesQuery> {
  const input: Input = query && typeof query === 'object' ? (query as Input) : {};
  const jurisdiction = checkJurisdiction(input, context.jurisdictions);
  if (jurisdiction instanceof Open311Error) return fail(jurisdiction);
  const problems = new Problems();
  const hasStart = text(input, 'start_date', problems, 40) !== undefined;
  const hasEnd = text(input, 'end_date', problems, 40) !== undefined;
  if (hasStart !== hasEnd && problems.empty) {
    problems.add('date_range_incomplete', 'Cần cả start_date và end_date, hoặc không có cả hai.', 'Give both start_date and end_date, or neither.');
  }
  const window = problems.empty ? dateWindow(input, problems, context.now) : null;
  if (!problems.empty || !window) return fail(new Open311Error(400, problems.items));
  return ok({ jurisdictionId: jurisdiction.id, window, limit: MAX_REQUESTS });
}
