import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParseResult } from './errors.js';
import { validateAttributes, type AttributeSpec, type CheckedAttributes } from './parse-attributes.js';

const SPECS: AttributeSpec[] = [
  { code: 'muc_do', datatype: 'singlevaluelist', required: true, description: { vi: 'Mức độ', en: 'Severity' }, values: [{ key: 'cao' }, { key: 'thap' }] },
  { code: 'loai', datatype: 'multivaluelist', required: false, description: 'Loại', values: [{ key: 'a' }, { key: 'b' }, { key: 'c' }] },
  { code: 'so_luong', datatype: 'number', required: false, description: 'Số lượng' },
  { code: 'thoi_diem', datatype: 'datetime', required: false, description: 'Thời điểm' },
  { code: 'bien_so', datatype: 'string', required: false, description: 'Biển số' },
  { code: 'ghi_chu', datatype: 'text', required: false, description: 'Ghi chú' },
  { code: 'sla', datatype: 'text', required: true, variable: false, description: 'Xử lý trong 3 ngày' },
];

function codes(result: ParseResult<CheckedAttributes>): string[] {
  if (result.ok) assert.fail('expected a failure');
  assert.equal(result.error.status, 400);
  return result.error.errors.map((e) => e.code);
}

function checked(result: ParseResult<CheckedAttributes>): CheckedAttributes {
  if (!result.ok) assert.fail(result.error.message);
  return result.value;
}

test('valid answers come back typed: one string, or a list for multivaluelist (duplicates dropped)', () => {
  const result = checked(
    validateAttributes(
      { muc_do: ['cao'], loai: ['a', 'c', 'a'], so_luong: ['3.5'], thoi_diem: ['2026-11-23T02:30:00Z'], bien_so: ['74A\n123'], ghi_chu: ['dòng 1\ndòng 2'] },
      SPECS,
    ),
  );
  assert.deepEqual(result.values, {
    muc_do: 'cao',
    loai: ['a', 'c'],
    so_luong: '3.5',
    thoi_diem: '2026-11-23T09:30:00+07:00',
    bien_so: '74A 123',
    ghi_chu: 'dòng 1\ndòng 2',
  });
});

test('a missing required attribute is 400 attribute_required, naming the attribute and its question', () => {
  const result = validateAttributes({}, SPECS);
  assert.deepEqual(codes(result), ['attribute_required']);
  if (!result.ok) assert.match(result.error.errors[0]!.description.en, /attribute\[muc_do\]: Severity/);
});

test('a non-variable attribute only informs: never required, an answer to it is ignored', () => {
  assert.deepEqual(checked(validateAttributes({ muc_do: ['cao'], sla: ['x'] }, SPECS)).values, { muc_do: 'cao' });
});

const bad: Array<[string, Record<string, string[]>, string]> = [
  ['a singlevaluelist value not in the list', { muc_do: ['rat_cao'] }, 'attribute_not_in_list'],
  ['two values for a singlevaluelist', { muc_do: ['cao', 'thap'] }, 'attribute_single_value'],
  ['a multivaluelist value not in the list', { muc_do: ['cao'], loai: ['a', 'z'] }, 'attribute_not_in_list'],
  ['a number that is not one', { muc_do: ['cao'], so_luong: ['ba'] }, 'attribute_not_a_number'],
  ['a datetime that is not one', { muc_do: ['cao'], thoi_diem: ['hôm qua'] }, 'attribute_not_a_datetime'],
  ['a datetime without a zone', { muc_do: ['cao'], thoi_diem: ['2026-11-23T09:30:00'] }, 'attribute_not_a_datetime'],
  ['a string over 1000 characters', { muc_do: ['cao'], bien_so: ['x'.repeat(1001)] }, 'attribute_too_long'],
];

for (const [what, given, code] of bad) {
  test(`400 ${code}: ${what}`, () => {
    assert.deepEqual(codes(validateAttributes(given, SPECS)), [code]);
  });
}

test('attributes the service does not define are allowed and handed back apart (FixMyStreet sends fixmystreet_id)', () => {
  const result = checked(validateAttributes({ muc_do: ['thap'], fixmystreet_id: ['1234'] }, SPECS));
  assert.deepEqual(result.values, { muc_do: 'thap' });
  assert.deepEqual(result.unknown, { fixmystreet_id: ['1234'] });
});
