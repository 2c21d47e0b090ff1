import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseForm } from 'node:querystring';
import type { ParseResult } from './errors.js';
import { MAX_DESCRIPTION, parsePostRequest, stripHtml, type ServiceRequestSubmission } from './parse.js';

const ONE = { jurisdictions: ['quangtri.gov.vn'] };

// Forms reach us as Fastify's form parser leaves them: flat keys, an array when a key repeats.
const form = (body: string) => ({ ...parseForm(body) });

function value(result: ParseResult<ServiceRequestSubmission>): ServiceRequestSubmission {
  if (!result.ok) assert.fail(`expected success, got ${result.error.message}`);
  return result.value;
}

function failure(result: ParseResult<ServiceRequestSubmission>): { status: number; codes: string[] } {
  if (result.ok) assert.fail('expected a failure');
  return { status: result.error.status, codes: result.error.errors.map((e) => e.code) };
}

const base = 'api_key=k&service_code=GT-OGA&lat=16.8163&long=107.1003';

test('the spec example body parses: every field, attributes, numbers kept as text where ids are expected', () => {
  const body = form(
    'api_key=xyz&jurisdiction_id=quangtri.gov.vn&service_code=001&lat=16.76524078&long=107.4212043&address_string=1234+5th+street' +
      '&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111' +
      '&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg' +
      '&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001',
  );
  assert.deepEqual(value(parsePostRequest(body, ONE)), {
    jurisdictionId: 'quangtri.gov.vn',
    apiKey: 'xyz',
    serviceCode: '001',
    lat: 16.76524078,
    long: 107.4212043,
    addressString: '1234 5th street',
    addressId: null,
    email: 'smit333@sfgov.edu',
    deviceId: 'tt222111',
    accountId: '123456',
    firstName: 'john',
    lastName: 'smith',
    phone: '111111111',
    description: 'A large sinkhole is destroying the street',
    mediaUrls: ['http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg'],
    attributes: { WHISPAWN: ['123456'], WHISDORN: ['COISL001'] },
  });
});

test('a JSON body gives the same submission as the form; numeric ids become strings', () => {
  const json = { api_key: 'k', service_code: 7, lat: 16.8163, long: 107.1003, account_id: 99, attribute: { muc_do: 'cao', loai: ['a', 'b'] } };
  const fromJson = value(parsePostRequest(json, ONE));
  const fromForm = value(parsePostRequest(form(`${base.replace('GT-OGA', '7')}&account_id=99&attribute[muc_do]=cao&attribute[loai][]=a&attribute[loai][]=b`), ONE));
  assert.deepEqual(fromJson, fromForm);
  assert.equal(fromJson.serviceCode, '7');
  assert.equal(fromJson.accountId, '99');
});

test('multivaluelist answers: attribute[c][]=a&attribute[c][]=b, a repeated attribute[c], and the JSON `attributes` map', () => {
  assert.deepEqual(value(parsePostRequest(form(`${base}&attribute[c][]=a&attribute[c][]=b`), ONE)).attributes, { c: ['a', 'b'] });
  assert.deepEqual(value(parsePostRequest(form(`${base}&attribute[c]=a&attribute[c]=b`), ONE)).attributes, { c: ['a', 'b'] });
  assert.deepEqual(value(parsePostRequest({ ...form(base), attributes: { c: ['a'], d: 5 } }, ONE)).attributes, { c: ['a'], d: ['5'] });
  assert.deepEqual(value(parsePostRequest(form(`${base}&attribute[c]=`), ONE)).attributes, {}, 'an empty answer is no answer');
});

test('the api_key may come in the query string; without it anywhere the answer is 403 api_key_missing', () => {
  assert.equal(value(parsePostRequest(form('service_code=X&lat=16&long=107'), { ...ONE, query: { api_key: 'q' } })).apiKey, 'q');
  assert.deepEqual(failure(parsePostRequest(form('service_code=X&lat=16&long=107'), ONE)), { status: 403, codes: ['api_key_missing'] });
  assert.deepEqual(failure(parsePostRequest(undefined, ONE)), { status: 403, codes: ['api_key_missing'] });
});

test('jurisdiction_id: optional with one jurisdiction, 400 when missing with several, 404 when unknown, case-blind', () => {
  assert.equal(value(parsePostRequest(form(base), ONE)).jurisdictionId, 'quangtri.gov.vn');
  const two = { jurisdictions: ['quangtri.gov.vn', 'hue.gov.vn'] };
  assert.deepEqual(failure(parsePostRequest(form(base), two)), { status: 400, codes: ['jurisdiction_id_missing'] });
  assert.deepEqual(failure(parsePostRequest(form(`${base}&jurisdiction_id=hanoi.gov.vn`), two)), { status: 404, codes: ['jurisdiction_id_not_found'] });
  assert.equal(value(parsePostRequest(form(`${base}&jurisdiction_id=Hue.Gov.VN`), two)).jurisdictionId, 'hue.gov.vn');
});

const cases: Array<[string, string, string[]]> = [
  ['no service_code', 'api_key=k&lat=16&long=107', ['service_code_missing']],
  ['no location at all', 'api_key=k&service_code=X', ['location_missing']],
  ['lat without long', 'api_key=k&service_code=X&lat=16', ['lat_long_incomplete']],
  ['lat out of range', 'api_key=k&service_code=X&lat=91&long=107', ['lat_invalid']],
  ['long not a number', 'api_key=k&service_code=X&lat=16&long=abc', ['long_invalid']],
  ['lat as hexadecimal', 'api_key=k&service_code=X&lat=0x10&long=107', ['lat_invalid']],
  ['a bad e-mail', `${base}&email=not-an-email`, ['email_invalid']],
  ['a bad phone', `${base}&phone=call+me`, ['phone_invalid']],
  ['a javascript: media_url', `${base}&media_url=javascript%3Aalert(1)`, ['media_url_invalid']],
  ['an ftp media_url', `${base}&media_url=ftp%3A%2F%2Fx.vn%2Fa.jpg`, ['media_url_invalid']],
  ['a media_url with credentials', `${base}&media_url=https%3A%2F%2Fu%3Ap%40x.vn%2Fa.jpg`, ['media_url_invalid']],
  ['six media_urls', base + Array.from({ length: 6 }, (_, i) => `&media_url=https%3A%2F%2Fx.vn%2F${i}.jpg`).join(''), ['media_url_too_many']],
  ['service_code twice', 'api_key=k&service_code=A&service_code=B&lat=16&long=107', ['parameter_repeated']],
  ['a first_name of 101 characters', `${base}&first_name=${'a'.repeat(101)}`, ['first_name_too_long']],
  ['an attribute code with a space', `${base}&attribute[a+b]=1`, ['attribute_code_invalid']],
];

for (const [what, body, codes] of cases) {
  test(`400 ${codes.join(', ')}: ${what}`, () => {
    assert.deepEqual(failure(parsePostRequest(form(body), ONE)), { status: 400, codes });
  });
}

test('several problems are reported together in one 400', () => {
  const result = failure(parsePostRequest(form('api_key=k&lat=16&email=x'), ONE));
  assert.deepEqual(result, { status: 400, codes: ['service_code_missing', 'lat_long_incomplete', 'email_invalid'] });
});

test('an attribute value that is an object (JSON) is refused', () => {
  assert.deepEqual(failure(parsePostRequest({ ...form(base), attribute: { c: { nested: 1 } } }, ONE)), { status: 400, codes: ['attribute_value_invalid'] });
});

test('address_string alone or address_id alone is a location; empty lat/long count as absent', () => {
  assert.equal(value(parsePostRequest(form('api_key=k&service_code=X&address_string=Hùng+Vương'), ONE)).addressString, 'Hùng Vương');
  assert.equal(value(parsePostRequest({ api_key: 'k', service_code: 'X', address_id: 12345 }, ONE)).addressId, '12345');
  const empty = value(parsePostRequest(form('api_key=k&service_code=X&lat=&long=&address_id=9'), ONE));
  assert.equal(empty.lat, null);
});

test(`description: ${MAX_DESCRIPTION} characters pass, one more is 400 description_too_long; counted in characters, not bytes`, () => {
  const ok = 'ệ'.repeat(MAX_DESCRIPTION);
  assert.equal(value(parsePostRequest({ ...form(base), description: ok }, ONE)).description, ok);
  assert.deepEqual(failure(parsePostRequest({ ...form(base), description: `${ok}a` }, ONE)), { status: 400, codes: ['description_too_long'] });
  const decomposed = 'ệ'.normalize('NFD').repeat(MAX_DESCRIPTION);
  assert.equal(value(parsePostRequest({ ...form(base), description: decomposed }, ONE)).description, ok, 'NFC first');
});

test('description: HTML is removed, line breaks kept (CRLF → LF), control characters dropped, "a < b" stays', () => {
  const raw = '<p>Ổ gà <b>to</b></p>\r\n<script>alert(1)</script>sâu\u0007 hơn 1 < 2';
  assert.equal(value(parsePostRequest({ ...form(base), description: raw }, ONE)).description, 'Ổ gà to\nsâu hơn 1 < 2');
  assert.equal(stripHtml('<!-- x --><img src=x onerror=alert(1)>ok'), 'ok');
});

test('media_url may be given several times (FixMyStreet sends a list) and as media_url[]', () => {
  const urls = value(parsePostRequest(form(`${base}&media_url=https%3A%2F%2Fa.vn%2F1.jpg&media_url[]=http%3A%2F%2Fb.vn%2F2.jpg`), ONE)).mediaUrls;
  assert.deepEqual(urls, ['https://a.vn/1.jpg', 'http://b.vn/2.jpg']);
});
