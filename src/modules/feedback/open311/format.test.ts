import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { AppError } from '../../../platform/http/errors.js';
import { open311Error } from './errors.js';
import { negotiate, open311Status, pickLanguage, sendOpen311, sendOpen311Error, toOpen311Error, windowHeaders } from './format.js';

test('the suffix chooses the format and is removed from the path', () => {
  assert.deepEqual(negotiate('/open311/v2/services.json'), { ok: true, format: 'json', stem: '/open311/v2/services' });
  assert.deepEqual(negotiate('/open311/v2/requests/QT-2026-000123.XML?x=1'), { ok: true, format: 'xml', stem: '/open311/v2/requests/QT-2026-000123' });
  assert.deepEqual(negotiate('discovery.xml'), { ok: true, format: 'xml', stem: 'discovery' });
});

test('without a suffix XML is the default; an Accept header preferring JSON gets JSON', () => {
  assert.equal(negotiate('/open311/v2/services').ok && negotiate('/open311/v2/services').format, 'xml');
  const json = negotiate('/open311/v2/services', 'application/json, text/xml;q=0.5');
  assert.equal(json.ok && json.format, 'json');
  const xml = negotiate('/open311/v2/services', 'text/xml, application/json');
  assert.equal(xml.ok && xml.format, 'xml');
  assert.equal(negotiate('/open311/v2.1/services').ok && negotiate('/open311/v2.1/services').format, 'xml', 'a dot in a folder is no suffix');
});

test('another suffix is 404 bad_extension, answered in XML', () => {
  const result = negotiate('/open311/v2/services.csv');
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.format, 'xml');
    assert.equal(result.error.status, 404);
    assert.equal(result.error.errors[0]!.code, 'bad_extension');
  }
});

test('language: locale wins, then Accept-Language, then Vietnamese', () => {
  assert.equal(pickLanguage('en_US', 'vi'), 'en');
  assert.equal(pickLanguage(undefined, 'en-GB,en;q=0.9'), 'en');
  assert.equal(pickLanguage(undefined, 'fr, en;q=0.5'), 'en');
  assert.equal(pickLanguage(undefined, 'fr'), 'vi');
  assert.equal(pickLanguage(), 'vi');
});

async function app() {
  const server = Fastify();
  server.get('/x.:fmt', (request, reply) => {
    const format = (request.params as { fmt: string }).fmt === 'json' ? 'json' : 'xml';
    return sendOpen311(reply, format, 'services', 'service', [{ service_code: 'A', metadata: false }]);
  });
  server.post('/e.:fmt', (request, reply) => {
    const format = (request.params as { fmt: string }).fmt === 'json' ? 'json' : 'xml';
    return sendOpen311Error(reply, format, open311Error(403, 'api_key_invalid', { vi: 'Sai khóa', en: 'Bad key' }), 'en');
  });
  return server;
}

test('XML is sent as text/xml; charset=utf-8, JSON as application/json; charset=utf-8, GET with CORS *', async () => {
  const server = await app();
  const xml = await server.inject({ method: 'GET', url: '/x.xml' });
  assert.equal(xml.statusCode, 200);
  assert.equal(xml.headers['content-type'], 'text/xml; charset=utf-8');
  assert.equal(xml.headers['access-control-allow-origin'], '*');
  assert.ok(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service>'));
  const json = await server.inject({ method: 'GET', url: '/x.json' });
  assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
  assert.deepEqual(json.json(), [{ service_code: 'A', metadata: false }]);
  await server.close();
});

test('an error goes out with its HTTP status and an errors body, without CORS on POST', async () => {
  const server = await app();
  const xml = await server.inject({ method: 'POST', url: '/e.xml' });
  assert.equal(xml.statusCode, 403);
  assert.equal(xml.headers['access-control-allow-origin'], undefined);
  assert.match(xml.body, /<errors><error><code>api_key_invalid<\/code><description>Bad key<\/description><\/error><\/errors>/);
  const json = await server.inject({ method: 'POST', url: '/e.json' });
  assert.deepEqual(json.json(), [{ code: 'api_key_invalid', description: 'Bad key' }]);
  await server.close();
});

test('thrown errors become Open311 errors: ours keep code, both languages and headers; statuses are the ones Open311 allows', () => {
  const conflict = toOpen311Error(new AppError(409, 'duplicate_report', { vi: 'Trùng', en: 'Duplicate' }));
  assert.deepEqual([conflict.status, conflict.errors[0]], [400, { code: 'duplicate_report', description: { vi: 'Trùng', en: 'Duplicate' } }]);
  assert.equal(toOpen311Error(new AppError(401, 'unauthenticated', { vi: 'x', en: 'x' })).status, 403);
  assert.equal(toOpen311Error(new AppError(404, 'not_found', { vi: 'x', en: 'x' })).status, 404);
  const limited = toOpen311Error(new AppError(429, 'too_many_requests', { vi: 'x', en: 'x' }, [], { 'retry-after': '30' }));
  assert.deepEqual([limited.status, limited.headers], [429, { 'retry-after': '30' }]);
  const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
  assert.equal(toOpen311Error(tooLarge).status, 400);
  const crash = toOpen311Error(new Error('connection refused at 10.0.0.3'));
  assert.equal(crash.status, 500);
  assert.equal(crash.errors[0]!.description.en.includes('10.0.0.3'), false, 'no internals leak');
});

test('open311Status: 400, 403, 404 as the spec lists them; 401 → 403; other client errors → 400', () => {
  assert.deepEqual([400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503].map(open311Status), [400, 403, 403, 404, 400, 400, 400, 400, 429, 500, 503]);
});

test('window headers give the effective window and say when it was clamped', () => {
  const start = new Date('2026-01-01T00:00:00Z');
  assert.deepEqual(windowHeaders({ start, end: new Date('2026-04-01T00:00:00Z'), clamped: true }), {
    'x-open311-start-date': '2026-01-01T07:00:00+07:00',
    'x-open311-end-date': '2026-04-01T07:00:00+07:00',
    'x-open311-window-clamped': 'true',
  });
  assert.deepEqual(windowHeaders(null), {});
});
