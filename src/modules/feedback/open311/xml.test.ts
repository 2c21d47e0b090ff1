import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeXml, formatNumber, singularOf, stripIllegalXmlChars, toOpen311Xml, xmlElement, XML_DECLARATION } from './xml.js';
import { parseXml } from './xml-read.js';

test('the declaration is exactly <?xml version="1.0" encoding="utf-8"?> and a list payload is root > item', () => {
  const xml = toOpen311Xml('services', 'service', [{ service_code: 'A' }, { service_code: 'B' }]);
  assert.equal(XML_DECLARATION, '<?xml version="1.0" encoding="utf-8"?>');
  assert.equal(
    xml,
    `${XML_DECLARATION}\n<services><service><service_code>A</service_code></service><service><service_code>B</service_code></service></services>\n`,
  );
});

test('an empty list is an empty root element, still well-formed', () => {
  assert.equal(toOpen311Xml('service_requests', 'request', []), `${XML_DECLARATION}\n<service_requests></service_requests>\n`);
});

test('&, <, >, " and \' are escaped in text', () => {
  assert.equal(escapeXml(`a & b < c > d "e" 'f'`), 'a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
  assert.equal(xmlElement('description', '<script>alert(1)</script>'), '<description>&lt;script&gt;alert(1)&lt;/script&gt;</description>');
});

test('a carriage return survives as a character reference (a parser would turn a raw CR into LF)', () => {
  assert.equal(escapeXml('a\r\nb'), 'a&#13;\nb');
});

test('characters illegal in XML 1.0 are dropped: NUL, C0 controls, U+FFFE/U+FFFF, lone surrogates', () => {
  assert.equal(stripIllegalXmlChars('a\u0000b\u0001c\u001Fd\uFFFEe\uFFFFf\uD800g\uDC00h'), 'abcdefgh');
  assert.equal(stripIllegalXmlChars('tab\tnl\ncr\r'), 'tab\tnl\ncr\r');
});

test('Vietnamese text and characters beyond the BMP pass through unchanged', () => {
  const text = 'Đường Hùng Vương — ổ gà 🚧 𠀀';
  assert.equal(escapeXml(text), text);
});

test('null is an empty element, undefined is left out, booleans are true/false', () => {
  assert.equal(xmlElement('request', { a: null, b: undefined, c: true, d: false }), '<request><a/><c>true</c><d>false</d></request>');
});

test('numbers are written in plain decimal notation, never with an exponent', () => {
  assert.equal(formatNumber(16.8163), '16.8163');
  assert.equal(formatNumber(1e-7), '0.0000001');
  assert.equal(formatNumber(-0.5), '-0.5');
  assert.throws(() => formatNumber(Number.NaN));
});

test('arrays inside objects are wrapped in the singular element name (Spark convention)', () => {
  assert.equal(singularOf('attributes'), 'attribute');
  assert.equal(singularOf('service_requests'), 'request');
  assert.equal(singularOf('service_request_updates'), 'request_update');
  assert.equal(
    xmlElement('attribute', { values: [{ key: '1', name: 'Có' }] }),
    '<attribute><values><value><key>1</key><name>Có</name></value></values></attribute>',
  );
  assert.equal(xmlElement('endpoint', { formats: ['text/xml', 'application/json'] }), '<endpoint><formats><format>text/xml</format><format>application/json</format></formats></endpoint>');
});

test('an object payload (discovery, service definition) is the root element itself', () => {
  assert.equal(toOpen311Xml('service_definition', null, { service_code: 'X', attributes: [] }), `${XML_DECLARATION}\n<service_definition><service_code>X</service_code><attributes></attributes></service_definition>\n`);
});

test('element names that are not XML names are refused (they can only come from a programming error)', () => {
  assert.throws(() => xmlElement('bad name', 'x'));
  assert.throws(() => xmlElement('1abc', 'x'));
  assert.throws(() => xmlElement('xmlthing', 'x'));
});

test('whatever text goes in, the output parses and gives the same text back', () => {
  const nasty = 'a]]>b<!--c--> &amp; <![CDATA[d]]> \u0000 "q" \'s\' đ';
  const root = parseXml(toOpen311Xml('errors', 'error', [{ code: 'x', description: nasty }]));
  assert.equal(root.children[0]!.children[1]!.text, stripIllegalXmlChars(nasty));
});
