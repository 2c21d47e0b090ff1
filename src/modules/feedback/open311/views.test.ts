import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open311Error } from './errors.js';
import { renderOpen311 } from './format.js';
import { discoveryView, errorsView, serviceDefinitionView, serviceView, type AttributeInput } from './views.js';
import { XML_DECLARATION } from './xml.js';

const xmlBody = (xml: string) => xml.slice(XML_DECLARATION.length + 1, -1);

const pothole = {
  code: 'GT-OGA',
  name: { vi: 'Ổ gà, hư hỏng mặt đường', en: 'Pothole or damaged road surface' },
  description: { vi: 'Mặt đường bị hư hỏng', en: 'The road surface is damaged' },
  hasAttributes: true,
  keywords: ['ổ gà', 'mặt đường'],
  group: { vi: 'Giao thông', en: 'Transport' },
};

test('service list XML: services > service with the seven fields in the spec order', () => {
  const xml = renderOpen311('xml', 'services', 'service', [serviceView(pothole, 'vi')]);
  assert.equal(
    xmlBody(xml),
    '<services><service><service_code>GT-OGA</service_code><service_name>Ổ gà, hư hỏng mặt đường</service_name>' +
      '<description>Mặt đường bị hư hỏng</description><metadata>true</metadata><type>realtime</type>' +
      '<keywords>ổ gà, mặt đường</keywords><group>Giao thông</group></service></services>',
  );
});

test('service list JSON: a bare array, metadata a real boolean, codes strings even when numeric', () => {
  const json = JSON.parse(renderOpen311('json', 'services', 'service', [serviceView({ ...pothole, code: '001' }, 'en')]));
  assert.ok(Array.isArray(json));
  assert.deepEqual(json[0], {
    service_code: '001',
    service_name: 'Pothole or damaged road surface',
    description: 'The road surface is damaged',
    metadata: true,
    type: 'realtime',
    keywords: 'ổ gà, mặt đường',
    group: 'Transport',
  });
});

test('a private service carries the `private` keyword FixMyStreet reads; no keywords and no group are null', () => {
  const view = serviceView({ code: 'CB-01', name: 'Cán bộ', hasAttributes: false, private: true }, 'vi');
  assert.equal(view.keywords, 'private');
  assert.equal(view.group, null);
  assert.equal(view.description, '', 'a required field is an empty string, never null');
  assert.equal(serviceView({ code: 'X', name: 'X', hasAttributes: false }, 'vi').keywords, null);
});

const attributes: AttributeInput[] = [
  {
    code: 'muc_do',
    datatype: 'singlevaluelist',
    required: true,
    description: { vi: 'Mức độ nguy hiểm?', en: 'How dangerous is it?' },
    order: 2,
    values: [
      { key: 'cao', name: { vi: 'Cao', en: 'High' } },
      { key: 'thap', name: { vi: 'Thấp', en: 'Low' } },
    ],
  },
  { code: 'sla', datatype: 'text', required: false, variable: false, description: 'Xử lý trong 3 ngày làm việc.', order: 1 },
];

test('service definition XML: service_definition > attributes > attribute (spec field order) > values > value > key, name', () => {
  const xml = renderOpen311('xml', 'service_definition', null, serviceDefinitionView('GT-OGA', attributes, 'en'));
  assert.equal(
    xmlBody(xml),
    '<service_definition><service_code>GT-OGA</service_code><attributes>' +
      '<attribute><variable>false</variable><code>sla</code><datatype>text</datatype><required>false</required>' +
      '<datatype_description></datatype_description><order>1</order><description>Xử lý trong 3 ngày làm việc.</description></attribute>' +
      '<attribute><variable>true</variable><code>muc_do</code><datatype>singlevaluelist</datatype><required>true</required>' +
      '<datatype_description></datatype_description><order>2</order><description>How dangerous is it?</description>' +
      '<values><value><key>cao</key><name>High</name></value><value><key>thap</key><name>Low</name></value></values></attribute>' +
      '</attributes></service_definition>',
  );
});

test('service definition JSON: an object (not an array) with attributes[] and values[]; orders are numbers', () => {
  const json = JSON.parse(renderOpen311('json', 'service_definition', null, serviceDefinitionView('GT-OGA', attributes, 'vi')));
  assert.equal(json.service_code, 'GT-OGA');
  assert.deepEqual(json.attributes.map((a: { order: number }) => a.order), [1, 2]);
  assert.deepEqual(json.attributes[1].values, [
    { key: 'cao', name: 'Cao' },
    { key: 'thap', name: 'Thấp' },
  ]);
  assert.equal('values' in json.attributes[0], false, 'only list datatypes carry values');
});

test('attribute orders are renumbered 1…n when the given ones are missing or repeated', () => {
  const same = attributes.map((a) => ({ ...a, order: 5 }));
  assert.deepEqual(serviceDefinitionView('X', same, 'vi').attributes.map((a) => a.order), [1, 2]);
  const none = attributes.map((a) => ({ ...a, order: undefined }));
  assert.deepEqual(serviceDefinitionView('X', none, 'vi').attributes.map((a) => a.code), ['muc_do', 'sla']);
});

test('every one of the six datatypes is accepted and an unknown one is refused', () => {
  for (const datatype of ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const) {
    assert.equal(serviceDefinitionView('X', [{ code: 'a', datatype, required: false, description: 'd' }], 'vi').attributes[0]!.datatype, datatype);
  }
  assert.throws(() => serviceDefinitionView('X', [{ code: 'a', datatype: 'boolean' as never, required: false, description: 'd' }], 'vi'));
});

test('discovery XML: discovery > changeset, contact, key_service, endpoints > endpoint > … formats > format', () => {
  const view = discoveryView(
    {
      changeset: new Date('2026-11-23T02:30:00Z'),
      contact: 'open311@quangtri.gov.vn',
      keyService: 'https://quangtri.gov.vn/api-key',
      endpoints: [{ url: 'https://quangtri.gov.vn/open311/v2', changeset: new Date('2026-11-23T02:30:00Z'), type: 'production' }],
    },
    'vi',
  );
  assert.equal(
    xmlBody(renderOpen311('xml', 'discovery', null, view)),
    '<discovery><changeset>2026-11-23T09:30:00+07:00</changeset><contact>open311@quangtri.gov.vn</contact>' +
      '<key_service>https://quangtri.gov.vn/api-key</key_service><endpoints><endpoint>' +
      '<specification>http://wiki.open311.org/GeoReport_v2</specification><url>https://quangtri.gov.vn/open311/v2</url>' +
      '<changeset>2026-11-23T09:30:00+07:00</changeset><type>production</type>' +
      '<formats><format>text/xml</format><format>application/json</format></formats></endpoint></endpoints></discovery>',
  );
  const json = JSON.parse(renderOpen311('json', 'discovery', null, view));
  assert.deepEqual(json.endpoints[0].formats, ['text/xml', 'application/json']);
});

test('errors XML: errors > error > code, description; JSON: an array of {code, description}', () => {
  const error = open311Error(404, 'service_code_not_found', { vi: 'Không có lĩnh vực.', en: 'No such service.' });
  assert.equal(
    xmlBody(renderOpen311('xml', 'errors', 'error', errorsView(error, 'en'))),
    '<errors><error><code>service_code_not_found</code><description>No such service.</description></error></errors>',
  );
  assert.deepEqual(JSON.parse(renderOpen311('json', 'errors', 'error', errorsView(error, 'vi'))), [
    { code: 'service_code_not_found', description: 'Không có lĩnh vực.' },
  ]);
});
