import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../../platform/testing/test-platform.js';
import { signInAs } from '../../../platform/testing/sign-in.js';
import { issueApiKey } from '../../../platform/identity/issue-api-key.js';
import { readServiceRequests, readServices, readErrors } from '../open311/index.js';

let t: TestPlatform;
let key: string;
let centre: { lat: number; lng: number };
before(async () => {
  t = await createTestPlatform({ env: { PUBLIC_URL: 'https://phananh.quangtri.example', FEEDBACK_REPORTS_PER_10_MIN: '1000' } });
  key = (await t.ctx.db.transaction().execute((trx) => issueApiKey(trx, t.ctx.audit, { name: 'FixMyStreet', scopes: ['open311'], expiresAt: null, agencyId: null, createdBy: null }, { userId: null, label: 'test' }))).key;
  const unit = (await t.app.inject({ method: 'GET', url: '/api/v1/admin-units/18880' })).json();
  centre = { lat: unit.centroid.lat, lng: unit.centroid.lng };
});
after(() => t.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

async function post(fields: Record<string, string>, fmt = 'json') {
  return t.app.inject({ method: 'POST', url: `/open311/v2/requests.${fmt}`, payload: form(fields), headers: formHeaders });
}

const pothole = () => ({ api_key: key, service_code: 'hu-hong-duong', lat: String(centre.lat), long: String(centre.lng), description: 'Ổ gà sâu trước cổng chợ', email: 'nguoi.bao@example.vn', first_name: 'Bảo', last_name: 'Trần', phone: '0905000111', 'attribute[muc_do]': 'nghiem_trong' });

test('discovery, services and a service definition answer in JSON and in XML', async () => {
  const discovery = await t.app.inject({ method: 'GET', url: '/open311/v2/discovery.json' });
  assert.equal(discovery.statusCode, 200);
  assert.equal(discovery.json().endpoints[0].url, 'https://phananh.quangtri.example/open311/v2');
  const xml = await t.app.inject({ method: 'GET', url: '/open311/v2/services.xml' });
  assert.match(String(xml.headers['content-type']), /text\/xml/);
  const services = readServices(xml.body);
  assert.ok(services.length >= 20);
  assert.ok(services.some((s) => s.code === 'hu-hong-duong' && s.metadata === true));
  const definition = await t.app.inject({ method: 'GET', url: '/open311/v2/services/hu-hong-duong.json' });
  assert.equal(definition.json().service_code, 'hu-hong-duong');
  assert.equal(definition.json().attributes[0].code, 'muc_do');
  const unknown = await t.app.inject({ method: 'GET', url: '/open311/v2/services/khong-co.xml' });
  assert.equal(unknown.statusCode, 404);
  assert.ok(readErrors(unknown.body).length > 0);
});

test('a form-encoded POST with an open311 key creates a request whose id reads back in JSON and XML without personal data', async () => {
  const res = await post(pothole());
  assert.equal(res.statusCode, 200, res.body);
  const id = res.json()[0].service_request_id;
  assert.match(id, /^PA-\d{2}-\d{6}$/);
  const one = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json` });
  const request = one.json()[0];
  assert.equal(request.service_request_id, id);
  assert.equal(request.status, 'open');
  assert.equal(request.agency_responsible, 'Sở Xây dựng');
  assert.ok(request.expected_datetime.endsWith('+07:00'));
  const xml = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.xml` });
  assert.equal(readServiceRequests(xml.body)[0]!.id, id);
  for (const body of [one.body, xml.body]) for (const secret of ['nguoi.bao@example.vn', '0905000111', 'Trần']) assert.ok(!body.includes(secret), secret);
});

test('POST errors follow the spec: no key 403, wrong key 403, unknown service 404, foreign jurisdiction 404, outside the province 400', async () => {
  const { api_key: _key, ...noKey } = pothole();
  assert.equal((await post(noKey)).statusCode, 403);
  assert.equal((await post({ ...pothole(), api_key: 'tsk_aaaaaaaaaaaa_' + 'A'.repeat(43) })).statusCode, 403);
  assert.equal((await post({ ...pothole(), service_code: 'khong-co' })).statusCode, 404);
  assert.equal((await post({ ...pothole(), jurisdiction_id: 'hanoi.gov.vn' })).statusCode, 404);
  const outside = await post({ ...pothole(), lat: '21.0285', long: '105.8542' }, 'xml');
  assert.equal(outside.statusCode, 400);
  assert.match(outside.body, /<errors>\s*<error>/);
  const badAttribute = await post({ ...pothole(), 'attribute[muc_do]': 'rat-nang' });
  assert.equal(badAttribute.statusCode, 400);
});

test('GET requests filters by service and status and lists only the province\'s requests', async () => {
  await post(pothole());
  const res = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?service_code=hu-hong-duong&status=open' });
  assert.equal(res.statusCode, 200);
  const items = res.json() as Array<{ service_code: string; status: string }>;
  assert.ok(items.length > 0);
  assert.ok(items.every((i) => i.service_code === 'hu-hong-duong' && i.status === 'open'));
  assert.equal((await t.app.inject({ method: 'GET', url: '/open311/v2/requests.csv' })).statusCode, 404);
  assert.equal((await t.app.inject({ method: 'GET', url: '/open311/v2/tokens/nothing.json' })).statusCode, 404);
});

test('servicerequestupdates lists officer actions and takes a client\'s "not fixed" back into the queue', async () => {
  const id = (await post(pothole())).json()[0].service_request_id;
  const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${id}` })).json();
  const officer = await signInAs(t.app, 'officer');
  for (const body of [{ action: 'accept' }, { action: 'resolve', resultText: 'Đã vá xong.' }]) {
    await t.app.inject({ method: 'POST', url: `/api/v1/feedback/reports/${detail.id}/actions`, headers: officer.writeHeaders, payload: body });
  }
  const updates = await t.app.inject({ method: 'GET', url: '/open311/v2/servicerequestupdates.json' });
  const mine = (updates.json() as Array<{ service_request_id: string; status: string }>).filter((u) => u.service_request_id === id);
  assert.deepEqual(mine.map((u) => u.status), ['investigating', 'action_scheduled']);
  const update = { api_key: key, service_request_id: id, update_id: 'fms-991', status: 'REOPEN', description: 'Người dân báo vẫn còn ổ gà', updated_datetime: new Date().toISOString() };
  const res = await t.app.inject({ method: 'POST', url: '/open311/v2/servicerequestupdates.json', payload: form(update), headers: formHeaders });
  assert.equal(res.statusCode, 200, res.body);
  const again = await t.app.inject({ method: 'POST', url: '/open311/v2/servicerequestupdates.json', payload: form(update), headers: formHeaders });
  assert.equal(again.statusCode, 400, 'the same update id twice is refused');
  const queue = (await t.app.inject({ method: 'GET', url: '/api/v1/feedback/queue', headers: officer.headers })).json();
  assert.equal(queue.items.find((i: { id: string }) => i.id === detail.id).status, 'in_progress');
});
