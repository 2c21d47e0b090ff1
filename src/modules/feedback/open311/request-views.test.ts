import { test } from 'node:test';
import assert from 'node:assert/strict';
import { W3C_DATETIME, w3cDatetime } from './datetime.js';
import { renderOpen311 } from './format.js';
import { postResponseView, requestUpdateView, serviceRequestView, tokenView, type ServiceRequestInput } from './request-views.js';
import { XML_DECLARATION } from './xml.js';

const xmlBody = (xml: string) => xml.slice(XML_DECLARATION.length + 1, -1);

const report: ServiceRequestInput = {
  id: 'QT-2026-000123',
  trackingCode: 'QT-2026-000123',
  state: 'closed',
  outcome: 'fixed',
  serviceCode: 'GT-OGA',
  serviceName: { vi: 'Ổ gà', en: 'Pothole' },
  description: 'Ổ gà sâu <30cm> & nguy hiểm',
  agencyResponsible: { vi: 'UBND phường Đông Hà', en: "Dong Ha Ward People's Committee" },
  serviceNotice: null,
  requestedAt: new Date('2026-11-23T02:30:00Z'),
  updatedAt: new Date('2026-11-26T01:00:00Z'),
  closedAt: new Date('2026-11-25T08:15:42.900Z'),
  expectedAt: '2026-11-30T10:00:00Z',
  address: 'Hùng Vương, Đông Hà',
  lat: 16.8163,
  long: 107.1003,
  mediaUrls: ['https://quangtri.gov.vn/files/a.jpg', 'https://quangtri.gov.vn/files/b.jpg'],
};

const FIELDS = [
  'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible',
  'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode',
  'lat', 'long', 'media_url',
];

test('a service request has every standard field, in the order of the spec, and nothing else', () => {
  assert.deepEqual(Object.keys(serviceRequestView(report, { lang: 'vi' })), FIELDS);
});

test('service request XML: service_requests > request with the elements in spec order; empty fields are empty elements', () => {
  const xml = renderOpen311('xml', 'service_requests', 'request', [serviceRequestView(report, { lang: 'vi' })]);
  assert.equal(
    xmlBody(xml),
    '<service_requests><request><service_request_id>QT-2026-000123</service_request_id><status>closed</status>' +
      '<status_notes>Đã xử lý xong.</status_notes><service_name>Ổ gà</service_name><service_code>GT-OGA</service_code>' +
      '<description>Ổ gà sâu &lt;30cm&gt; &amp; nguy hiểm</description><agency_responsible>UBND phường Đông Hà</agency_responsible>' +
      '<service_notice/><requested_datetime>2026-11-23T09:30:00+07:00</requested_datetime>' +
      '<updated_datetime>2026-11-25T15:15:42+07:00</updated_datetime><expected_datetime>2026-11-30T17:00:00+07:00</expected_datetime>' +
      '<address>Hùng Vương, Đông Hà</address><address_id/><zipcode/><lat>16.8163</lat><long>107.1003</long>' +
      '<media_url>https://quangtri.gov.vn/files/a.jpg</media_url></request></service_requests>',
  );
});

test('service request JSON: an array; empty optional fields are null; lat/long numbers; the id a string even from a number', () => {
  const [json] = JSON.parse(renderOpen311('json', 'service_requests', 'request', [serviceRequestView({ ...report, id: 42 }, { lang: 'en' })]));
  assert.equal(json.service_request_id, '42');
  assert.equal(json.service_notice, null);
  assert.equal(json.address_id, null);
  assert.equal(json.lat, 16.8163);
  assert.equal(json.status_notes, 'Fixed.');
  assert.equal(json.agency_responsible, "Dong Ha Ward People's Committee");
});

test('datetimes are W3C with the +07:00 offset, whole seconds, and a closed request is updated at its close time', () => {
  const view = serviceRequestView(report, { lang: 'vi' });
  for (const value of [view.requested_datetime, view.updated_datetime, view.expected_datetime]) assert.match(value!, W3C_DATETIME);
  assert.equal(view.updated_datetime, '2026-11-25T15:15:42+07:00');
  assert.equal(w3cDatetime(new Date('2026-11-23T16:59:59.999Z')), '2026-11-23T23:59:59+07:00');
  assert.equal(w3cDatetime('2026-11-23T17:00:00Z'), '2026-11-24T00:00:00+07:00');
  const open = serviceRequestView({ ...report, state: 'in_progress', outcome: null }, { lang: 'vi' });
  assert.equal(open.updated_datetime, '2026-11-26T08:00:00+07:00', 'an open request shows its last change');
});

test('status_notes: the default of the state plus the detail, or an explicit text instead', () => {
  const duplicate = serviceRequestView({ ...report, outcome: 'duplicate', statusDetail: 'QT-2026-000120' }, { lang: 'vi' });
  assert.equal(duplicate.status_notes, 'Trùng với một phản ánh khác. QT-2026-000120');
  const own = serviceRequestView({ ...report, statusNotes: { vi: 'Đã vá', en: 'Patched' } }, { lang: 'en' });
  assert.equal(own.status_notes, 'Patched');
});

test('with extensions=true: detailed status, our status code, tracking code, all photos and public notes', () => {
  const view = serviceRequestView(
    { ...report, notes: [{ at: report.requestedAt, description: { vi: 'Đã tiếp nhận', en: 'Received' }, type: 'opened' }] },
    { lang: 'en', extensions: true },
  );
  assert.deepEqual(view.extended_attributes, {
    detailed_status: 'fixed',
    external_status_code: 'fixed',
    tracking_code: 'QT-2026-000123',
    photos: [{ media_url: 'https://quangtri.gov.vn/files/a.jpg' }, { media_url: 'https://quangtri.gov.vn/files/b.jpg' }],
  });
  assert.deepEqual(view.notes, [{ datetime: '2026-11-23T09:30:00+07:00', description: 'Received', type: 'opened' }]);
  const xml = renderOpen311('xml', 'service_requests', 'request', [view]);
  assert.match(xml, /<photos><photo><media_url>https:\/\/quangtri.gov.vn\/files\/a.jpg<\/media_url><\/photo>/);
  assert.match(xml, /<notes><note><datetime>2026-11-23T09:30:00\+07:00<\/datetime>/);
});

test('no personal data can appear: the view has no field for names, phones, e-mails, account or device ids', () => {
  const input = { ...report, email: 'a@b.vn', phone: '0912345678', firstName: 'An', accountId: '7' } as ServiceRequestInput;
  const json = JSON.stringify(serviceRequestView(input, { lang: 'vi', extensions: true }));
  for (const secret of ['a@b.vn', '0912345678', '"An"', 'account_id', 'email', 'phone']) assert.equal(json.includes(secret), false, secret);
});

test('POST response: [{service_request_id, service_notice, account_id}] with an empty account_id element; no token for realtime', () => {
  const view = postResponseView({ id: 123, serviceNotice: { vi: 'Hạn xử lý 30/11/2026', en: 'Due 30/11/2026' } }, 'vi');
  assert.deepEqual(view, { service_request_id: '123', service_notice: 'Hạn xử lý 30/11/2026', account_id: null });
  assert.equal(
    xmlBody(renderOpen311('xml', 'service_requests', 'request', [view])),
    '<service_requests><request><service_request_id>123</service_request_id><service_notice>Hạn xử lý 30/11/2026</service_notice><account_id/></request></service_requests>',
  );
  assert.deepEqual(postResponseView({ token: 't-1', accountId: 9 }, 'vi'), { token: 't-1', service_notice: null, account_id: '9' });
  assert.throws(() => postResponseView({}, 'vi'));
});

test('token response: service_requests > request > service_request_id, token (id null while pending)', () => {
  assert.equal(
    xmlBody(renderOpen311('xml', 'service_requests', 'request', [tokenView('t-1', 'QT-1')])),
    '<service_requests><request><service_request_id>QT-1</service_request_id><token>t-1</token></request></service_requests>',
  );
  assert.deepEqual(tokenView('t-2', null), { service_request_id: null, token: 't-2' });
});

test('request updates: service_request_updates > request_update with lower-case extended status', () => {
  const view = requestUpdateView(
    { updateId: 77, requestId: 'QT-1', trackingCode: 'QT-1', state: 'closed', outcome: 'not_ours', at: new Date('2026-11-25T01:00:00Z'), description: 'Chuyển Sở Xây dựng' },
    'vi',
  );
  assert.equal(
    xmlBody(renderOpen311('xml', 'service_request_updates', 'request_update', [view])),
    '<service_request_updates><request_update><update_id>77</update_id><service_request_id>QT-1</service_request_id>' +
      '<status>not_councils_responsibility</status><updated_datetime>2026-11-25T08:00:00+07:00</updated_datetime>' +
      '<description>Chuyển Sở Xây dựng</description><media_url/><external_status_code>not_ours</external_status_code>' +
      '<customer_reference>QT-1</customer_reference></request_update></service_request_updates>',
  );
  const reopened = requestUpdateView({ updateId: '78', requestId: 'QT-1', state: 'in_progress', reopened: true, at: new Date() }, 'vi');
  assert.equal(reopened.status, 'reopen');
});
