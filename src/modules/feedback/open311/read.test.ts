import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderOpen311 } from './format.js';
import { readOpen311Json } from './json.js';
import { readDiscovery, readErrors, readRequestUpdates, readServiceDefinition, readServiceRequests, readServices } from './read.js';
import { requestUpdateView, serviceRequestView } from './request-views.js';
import { serviceDefinitionView, serviceView } from './views.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

test('Toronto requests (XML): long before lat, empty elements as null, the numeric id kept as text', () => {
  const [r] = readServiceRequests(fixture('toronto-requests.xml'));
  assert.equal(r!.id, '101005420892');
  assert.equal(r!.status, 'open');
  assert.equal(r!.statusNotes, 'In progress - The request has been scheduled.');
  assert.equal(r!.serviceCode, 'CSROWR-12');
  assert.equal(r!.description, null);
  assert.equal(r!.updatedAt, null);
  assert.deepEqual(r!.requestedAt, new Date('2018-07-30T04:01:00Z'));
  assert.deepEqual(r!.expectedAt, new Date('2018-08-03T04:01:00Z'));
  assert.equal(r!.addressId, '13459430');
  assert.deepEqual([r!.lat, r!.long], [43.691104288, -79.272306875]);
  assert.deepEqual(r!.mediaUrls, []);
});

test('Chicago requests (JSON): absent fields read as null, two requests, hex service codes', () => {
  const list = readServiceRequests(fixture('chicago-requests.json'));
  assert.equal(list.length, 2);
  assert.equal(list[0]!.statusNotes, null);
  assert.equal(list[1]!.statusNotes, 'Locked');
  assert.equal(list[0]!.serviceCode, '4ffa9cad6018277d4000007b');
  assert.equal(list[0]!.zipcode, null);
  assert.deepEqual(list[1]!.updatedAt, new Date('2014-07-12T16:08:20Z'));
});

test('Giessen services (XML): the undeclared is_array attribute is harmless and a single service is still a list', () => {
  const [s, ...rest] = readServices(fixture('giessen-services.xml'));
  assert.equal(rest.length, 0);
  assert.deepEqual(s, { code: '010', name: 'Ampel defekt', description: null, metadata: false, type: 'realtime', keywords: [], group: null });
});

test('open311-adapter updates (XML, alphabetical order, Z times) and FixMyStreet\'s service_requests_updates root', () => {
  const [u] = readRequestUpdates(fixture('open311-adapter-updates.xml'));
  assert.deepEqual(u, {
    updateId: '1', serviceRequestId: '0', status: 'closed', updatedAt: new Date('2014-01-01T13:00:00Z'),
    description: 'Fixed', mediaUrls: [], externalStatusCode: null,
  });
  const fms = '<service_requests_updates><request_update><update_id>9</update_id><status>FIXED</status></request_update></service_requests_updates>';
  assert.equal(readRequestUpdates(fms)[0]!.status, 'fixed');
});

test('Boston error (XML) and the POST response of the spec (empty account_id)', () => {
  assert.deepEqual(readErrors(fixture('boston-error.xml')), [{ code: '400', description: 'Invalid service request: base is a duplicate.' }]);
  const [post] = readServiceRequests(fixture('spec-post-response.xml'));
  assert.equal(post!.id, '293944');
  assert.equal(post!.accountId, null);
  assert.match(post!.serviceNotice!, /^The City will inspect/);
});

test('service definitions with and without the attributes wrapper read the same', () => {
  const wrapped = readServiceDefinition(fixture('spec-service-definition.xml'));
  assert.equal(wrapped.serviceCode, 'DMV66');
  assert.deepEqual(wrapped.attributes[0]!.values, [{ key: '123', name: 'Ford' }, { key: '124', name: 'Chrysler' }]);
  assert.equal(wrapped.attributes[0]!.order, 1);
  assert.equal(wrapped.attributes[0]!.required, true);
  assert.deepEqual(readServiceDefinition(fixture('early-service-definition.xml')), wrapped);
});

test('discovery (JSON): two endpoints, formats as arrays, the non-ISO changeset kept as text', () => {
  const d = readDiscovery(fixture('spec-discovery.json'));
  assert.equal(d.changeset, '2011-02-03 14:18');
  assert.deepEqual(d.endpoints.map((e) => [e.type, e.formats]), [['production', ['text/xml']], ['test', ['text/xml', 'application/json']]]);
});

test('the spec\'s invalid JSON (`"service_code":001`) is read, keeping the leading zeros', () => {
  assert.throws(() => JSON.parse(fixture('spec-services-bare-numbers.json')));
  const [s] = readServices(fixture('spec-services-bare-numbers.json'));
  assert.equal(s!.code, '001');
  assert.equal(s!.metadata, true);
  assert.deepEqual(s!.keywords, ['lorem', 'ipsum', 'dolor']);
});

test('ids beyond 2^53 written as JSON numbers keep every digit; lat/long stay numbers', () => {
  const doc = readOpen311Json('[{"service_request_id": 12345678901234567890, "lat": 16.5, "note": "service_request_id: 1"}]') as Array<Record<string, unknown>>;
  assert.deepEqual(doc[0], { service_request_id: '12345678901234567890', lat: 16.5, note: 'service_request_id: 1' });
});

test('our own XML and JSON carry the same data (read back through the same reader)', () => {
  const request = serviceRequestView(
    { id: 'QT-1', state: 'closed', outcome: 'duplicate', serviceCode: 'GT-OGA', serviceName: 'Ổ gà', description: 'a & <b>', requestedAt: new Date('2026-11-23T02:30:00Z'), closedAt: new Date('2026-11-24T02:30:00Z'), lat: 16.8, long: 107.1, mediaUrls: ['https://x.vn/a.jpg'] },
    { lang: 'vi' },
  );
  const asXml = renderOpen311('xml', 'service_requests', 'request', [request]);
  const asJson = renderOpen311('json', 'service_requests', 'request', [request]);
  assert.deepEqual(readServiceRequests(asXml), readServiceRequests(asJson));

  const definition = serviceDefinitionView('GT-OGA', [{ code: 'm', datatype: 'multivaluelist', required: true, description: 'M', values: [{ key: '1', name: 'Một' }] }], 'vi');
  assert.deepEqual(readServiceDefinition(renderOpen311('xml', 'service_definition', null, definition)), readServiceDefinition(renderOpen311('json', 'service_definition', null, definition)));

  const service = serviceView({ code: '001', name: 'A', hasAttributes: true }, 'vi');
  assert.deepEqual(readServices(renderOpen311('xml', 'services', 'service', [service])), readServices(renderOpen311('json', 'services', 'service', [service])));

  const update = requestUpdateView({ updateId: 1, requestId: 'QT-1', state: 'resolved', at: new Date('2026-11-24T02:30:00Z') }, 'en');
  const updates = (f: 'xml' | 'json') => readRequestUpdates(renderOpen311(f, 'service_request_updates', 'request_update', [update]));
  assert.deepEqual(updates('xml'), updates('json'));
  assert.equal(updates('xml')[0]!.status, 'action_scheduled');
});
