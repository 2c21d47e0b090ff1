import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml, readOpen311Xml, XmlReadError } from './xml-read.js';

test('entities, character references, CDATA and comments are read as text', () => {
  const doc = readOpen311Xml('<?xml version="1.0"?><!-- c --><r><a>x &amp; &lt;y&gt; &quot;&apos; &#273; &#x1F6A7;</a><b><![CDATA[<raw> & ]]></b></r>');
  assert.deepEqual(doc, { a: 'x & <y> "\' đ 🚧', b: '<raw> &' });
});

test('a DOCTYPE is skipped and its entities are never expanded (no entity-expansion attacks)', () => {
  const doc = readOpen311Xml('<!DOCTYPE r [<!ENTITY x "boom">]><r><a>&x;</a></r>');
  assert.deepEqual(doc, { a: '&x;' });
});

test('attributes are ignored except is_array="true"; a BOM and whitespace between elements are fine', () => {
  assert.deepEqual(readOpen311Xml('\uFEFF<r>\n  <a lang="vi" x=\'1\'>v</a>\n</r>'), { a: 'v' });
  assert.deepEqual(readOpen311Xml('<things is_array="true"><thing>1</thing></things>'), ['1']);
});

test('a known container with one child is still a list; an unknown one with one child is an object', () => {
  assert.deepEqual(readOpen311Xml('<service_requests><request><status>open</status></request></service_requests>'), [{ status: 'open' }]);
  assert.deepEqual(readOpen311Xml('<r><x><y>1</y></x></r>'), { x: { y: '1' } });
  assert.deepEqual(readOpen311Xml('<r><y>1</y><y>2</y><y>3</y></r>'), ['1', '2', '3']);
  assert.deepEqual(readOpen311Xml('<r><z>0</z><y>1</y><y>2</y><y>3</y></r>'), { z: '0', y: ['1', '2', '3'] });
  assert.deepEqual(readOpen311Xml('<errors/>'), []);
});

test('a hostile <__proto__> element does not reach the prototype', () => {
  const doc = readOpen311Xml('<r><__proto__><polluted>yes</polluted></__proto__><constructor>c</constructor></r>') as Record<string, unknown>;
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(doc), Object.prototype);
  assert.equal(doc.constructor, 'c');
});

for (const [what, xml] of [
  ['mismatched tags', '<r><a></b></r>'],
  ['an unclosed element', '<r><a>'],
  ['two roots', '<r/><s/>'],
  ['text outside the root', 'oops<r/>'],
  ['no root', '<?xml version="1.0"?>'],
  ['an unterminated comment', '<r><!-- </r>'],
] as const) {
  test(`malformed XML is refused with XmlReadError: ${what}`, () => {
    assert.throws(() => parseXml(xml), XmlReadError);
  });
}
