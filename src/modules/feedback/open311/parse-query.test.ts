import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseQuery } from 'node:querystring';
import type { ParseResult } from './errors.js';
import { parseRequestsQuery, parseUpdatesQuery, type RequestsQuery, type UpdatesQuery } from './parse-query.js';

const NOW = new Date('2026-11-23T02:30:00Z');
const CTX = { jurisdictions: ['quangtri.gov.vn'], now: NOW };
const DAY = 86_400_000;

const q = (s: string) => parseRequestsQuery({ ...parseQuery(s) }, CTX);

function value<T>(result: ParseResult<T>): T {
  if (!result.ok) assert.fail(result.error.message);
  return result.value;
}

function failure<T>(result: ParseResult<T>): { status: number; codes: string[] } {
  if (result.ok) assert.fail('expected a failure');
  return { status: result.error.status, codes: result.error.errors.map((e) => e.code) };
}

test('no arguments: the last 90 days up to now, at most 1000 requests, no paging, no filters', () => {
  const query: RequestsQuery = value(q(''));
  assert.deepEqual(query.window, { start: new Date(NOW.getTime() - 90 * DAY), end: NOW, clamped: false });
  assert.equal(query.limit, 1000);
  assert.equal(query.offset, 0);
  assert.equal(query.page, null);
  assert.equal(query.serviceCodes, null);
  assert.equal(query.statuses, null);
  assert.equal(query.jurisdictionId, 'quangtri.gov.vn');
});

test('service_request_id overrides every other argument, even invalid ones', () => {
  const query = value(q('service_request_id=QT-1,QT-2,,QT-1&status=burning&start_date=nonsense&service_code=X'));
  assert.deepEqual(query.ids, ['QT-1', 'QT-2']);
  assert.equal(query.window, null);
  assert.equal(query.statuses, null);
  assert.equal(query.serviceCodes, null);
  assert.equal(query.limit, 2);
});

test('service_code and status are comma lists; status accepts open, closed or both; an empty status is absent', () => {
  const query = value(q('service_code=GT-OGA,MT-RAC&status=open,closed'));
  assert.deepEqual(query.serviceCodes, ['GT-OGA', 'MT-RAC']);
  assert.deepEqual(query.statuses, ['open', 'closed']);
  assert.equal(value(q('status=')).statuses, null);
  assert.deepEqual(value(q('status=Closed')).statuses, ['closed']);
  assert.deepEqual(failure(q('status=fixed')), { status: 400, codes: ['status_invalid'] });
});

test('start_date alone: a 90-day window from it; end_date alone: the 90 days before it', () => {
  assert.deepEqual(value(q('start_date=2026-01-01T00:00:00%2B07:00')).window, {
    start: new Date('2025-12-31T17:00:00Z'),
    end: new Date(new Date('2025-12-31T17:00:00Z').getTime() + 90 * DAY),
    clamped: false,
  });
  const end = new Date('2026-06-01T00:00:00Z');
  assert.deepEqual(value(q('end_date=2026-06-01T00:00:00Z')).window, { start: new Date(end.getTime() - 90 * DAY), end, clamped: false });
});

test('a span over 90 days is clamped to 90 days from start_date and flagged (decision A6)', () => {
  const window = value(q('start_date=2026-01-01T00:00:00Z&end_date=2026-12-31T00:00:00Z')).window!;
  assert.equal(window.clamped, true);
  assert.equal(window.end.getTime() - window.start.getTime(), 90 * DAY);
  assert.deepEqual(window.start, new Date('2026-01-01T00:00:00Z'));
});

test('a bare date is a whole Vietnam day: start at 00:00, end at 23:59:59.999 (+07:00)', () => {
  const window = value(q('start_date=2026-11-01&end_date=2026-11-23')).window!;
  assert.deepEqual(window.start, new Date('2026-10-31T17:00:00Z'));
  assert.deepEqual(window.end, new Date('2026-11-23T16:59:59.999Z'));
});

test('an unencoded + in the offset (decoded to a space) is still read as +07:00', () => {
  const window = value(q('start_date=2026-11-01T08:00:00+07:00')).window!;
  assert.deepEqual(window.start, new Date('2026-11-01T01:00:00Z'));
});

const badDates: Array<[string, string, string]> = [
  ['a time without a zone', 'start_date=2026-11-01T08:00:00', 'start_date_invalid'],
  ['not a date', 'end_date=yesterday', 'end_date_invalid'],
  ['the 30th of February', 'start_date=2026-02-30', 'start_date_invalid'],
  ['25 o\'clock', 'start_date=2026-02-01T25:00:00Z', 'start_date_invalid'],
  ['start after end', 'start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z', 'date_range_reversed'],
];
for (const [what, query, code] of badDates) {
  test(`400 ${code}: ${what}`, () => assert.deepEqual(failure(q(query)), { status: 400, codes: [code] }));
}

test('paging: page alone uses page_size 50; page_size caps at 500; max_requests lowers the 1000 cap but never raises it', () => {
  assert.deepEqual([value(q('page=3')).limit, value(q('page=3')).offset], [50, 100]);
  assert.deepEqual(value(q('page_size=500')).page, { number: 1, size: 500 });
  assert.deepEqual(failure(q('page_size=501')), { status: 400, codes: ['page_size_invalid'] });
  assert.deepEqual(failure(q('page=0')), { status: 400, codes: ['page_invalid'] });
  assert.equal(value(q('max_requests=20')).limit, 20);
  assert.equal(value(q('max_requests=5000')).limit, 1000);
});

test('bbox=minLng,minLat,maxLng,maxLat; a swapped or short box is 400 bbox_invalid', () => {
  assert.deepEqual(value(q('bbox=106.5,16.5,107.5,17.2')).bbox, { minLng: 106.5, minLat: 16.5, maxLng: 107.5, maxLat: 17.2 });
  assert.deepEqual(failure(q('bbox=107.5,16.5,106.5,17.2')), { status: 400, codes: ['bbox_invalid'] });
  assert.deepEqual(failure(q('bbox=1,2,3')), { status: 400, codes: ['bbox_invalid'] });
});

test('lat/long/radius (metres): radius defaults to 1000 and is at most 50 km; lat alone is 400', () => {
  assert.deepEqual(value(q('lat=16.8&long=107.1')).near, { lat: 16.8, long: 107.1, radius: 1000 });
  assert.deepEqual(value(q('lat=16.8&long=107.1&radius=250')).near, { lat: 16.8, long: 107.1, radius: 250 });
  assert.deepEqual(failure(q('lat=16.8&long=107.1&radius=50001')), { status: 400, codes: ['radius_invalid'] });
  assert.deepEqual(failure(q('lat=16.8')), { status: 400, codes: ['lat_long_incomplete'] });
});

test('agency_responsible (or agency) takes commas or FixMyStreet pipes; extensions=true is a flag', () => {
  assert.deepEqual(value(q('agency_responsible=so-gtvt|ubnd-dong-ha')).agencies, ['so-gtvt', 'ubnd-dong-ha']);
  assert.deepEqual(value(q('agency=a,b')).agencies, ['a', 'b']);
  assert.equal(value(q('extensions=true')).extensions, true);
  assert.equal(value(q('')).extensions, false);
});

test('updated_after/updated_before are W3C datetimes too', () => {
  assert.deepEqual(value(q('updated_after=2026-11-20T00:00:00Z')).updatedAfter, new Date('2026-11-20T00:00:00Z'));
  assert.deepEqual(failure(q('updated_before=soon')), { status: 400, codes: ['updated_before_invalid'] });
});

test('jurisdiction_id: 404 when unknown, 400 when several are served and none is given', () => {
  assert.deepEqual(failure(q('jurisdiction_id=hanoi.gov.vn')), { status: 404, codes: ['jurisdiction_id_not_found'] });
  const two = parseRequestsQuery({}, { ...CTX, jurisdictions: ['a.vn', 'b.vn'] });
  assert.deepEqual(failure(two), { status: 400, codes: ['jurisdiction_id_missing'] });
});

test('updates: start_date and end_date together or not at all; neither means the last 90 days', () => {
  const u = (s: string) => parseUpdatesQuery({ ...parseQuery(s) }, CTX);
  assert.deepEqual(failure(u('start_date=2026-11-23T00:00:00Z')), { status: 400, codes: ['date_range_incomplete'] });
  const both: UpdatesQuery = value(u('start_date=2026-11-23T00:00:00Z&end_date=2026-11-23T02:00:00Z'));
  assert.deepEqual(both.window, { start: new Date('2026-11-23T00:00:00Z'), end: new Date('2026-11-23T02:00:00Z'), clamped: false });
  assert.equal(value(u('')).window.end, NOW);
});
