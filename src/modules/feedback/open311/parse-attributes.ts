/**
 * Service attributes in a POST: `attribute[code]=v`, `attribute[code][]=v1&attribute[code][]=v2`
 * (multivaluelist), a repeated `attribute[code]`, or in JSON `{"attribute": {"code": ["v1", "v2"]}}`
 * (also `attributes`, as the Node client builds it). Then the check against the definition.
 */
import { fail, item, ok, Open311Error, type Open311ErrorItem, type ParseResult } from './errors.js';
import { parseW3cDatetime, w3cDatetime } from './datetime.js';
import { cleanText, charLength, type Input, type Problems } from './parse-fields.js';
import type { Datatype, Text } from './types.js';

const FLAT_KEY = /^attributes?\[([^\]]*)\](\[\])?$/;
const CODE = /^[A-Za-z0-9_.-]{1,100}$/;

function valuesOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Every attribute in the body as code → values (empty answers dropped). */
export function collectAttributes(input: Input, problems: Problems): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (code: string, raw: unknown) => {
    if (!CODE.test(code)) {
      problems.add('attribute_code_invalid', `Mã thông tin bổ sung "${code}" không hợp lệ.`, `Attribute code "${code}" is not valid.`);
      return;
    }
    for (const v of valuesOf(raw)) {
      if (v === undefined || v === null || v === '') continue;
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        problems.add('attribute_value_invalid', `Giá trị của attribute[${code}] không hợp lệ.`, `attribute[${code}] has a value that is not text.`);
        continue;
      }
      const text = cleanText(String(v));
      if (text !== '') (out[code] ??= []).push(text);
    }
  };
  for (const [key, value] of Object.entries(input)) {
    const flat = FLAT_KEY.exec(key);
    if (flat) add(flat[1]!, value);
    else if ((key === 'attribute' || key === 'attributes') && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [code, v] of Object.entries(value as Input)) add(code, v);
    }
  }
  return out;
}

/** What the check needs of an attribute (the views' AttributeInput satisfies it). */
export interface AttributeSpec {
  code: string;
  datatype: Datatype;
  required: boolean;
  description: Text;
  variable?: boolean;
  values?: Array<{ key: string | number }>;
}

export interface CheckedAttributes {
  /** Answers to the service's own questions: one string, or a list for multivaluelist. */
  values: Record<string, string | string[]>;
  /** Attributes the service does not define (FixMyStreet sends `fixmystreet_id`, `title`, …): allowed, not stored as answers. */
  unknown: Record<string, string[]>;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const both = (t: Text) => (typeof t === 'string' ? { vi: t, en: t } : t);

function problem(code: string, spec: AttributeSpec, vi: string, en: string): Open311ErrorItem {
  const d = both(spec.description);
  return item(code, `${vi} (attribute[${spec.code}]: ${d.vi})`, `${en} (attribute[${spec.code}]: ${d.en})`);
}

/** Checks submitted attributes against the definition: 400 with one error per bad attribute. */
export function validateAttributes(given: Record<string, string[]>, specs: readonly AttributeSpec[]): ParseResult<CheckedAttributes> {
  const errors: Open311ErrorItem[] = [];
  const values: Record<string, string | string[]> = {};
  const known = new Set(specs.map((s) => s.code));
  for (const spec of specs) {
    // A non-variable attribute only informs the citizen; an answer to it is ignored (spec §1.4).
    if (spec.variable === false) continue;
    const answers = given[spec.code] ?? [];
    if (answers.length === 0) {
      if (spec.required) errors.push(problem('attribute_required', spec, 'Cần trả lời câu hỏi này', 'This attribute is required'));
      continue;
    }
    const keys = new Set((spec.values ?? []).map((v) => String(v.key)));
    if (spec.datatype === 'multivaluelist') {
      const list = [...new Set(answers)];
      if (list.some((a) => !keys.has(a))) errors.push(problem('attribute_not_in_list', spec, 'Có lựa chọn không nằm trong danh sách', 'A value is not one of the listed keys'));
      else values[spec.code] = list;
      continue;
    }
    if (answers.length > 1) {
      errors.push(problem('attribute_single_value', spec, 'Chỉ được chọn một giá trị', 'Only one value is allowed'));
      continue;
    }
    const answer = answers[0]!;
    if (spec.datatype === 'singlevaluelist') {
      if (keys.has(answer)) values[spec.code] = answer;
      else errors.push(problem('attribute_not_in_list', spec, 'Giá trị không nằm trong danh sách', 'The value is not one of the listed keys'));
    } else if (spec.datatype === 'number') {
      if (NUMBER.test(answer)) values[spec.code] = answer;
      else errors.push(problem('attribute_not_a_number', spec, 'Giá trị phải là một số', 'The value must be a number'));
    } else if (spec.datatype === 'datetime') {
      const parsed = parseW3cDatetime(answer);
      // Stored in our own W3C form, so every later reader sees one format.
      if (parsed) values[spec.code] = w3cDatetime(parsed.instant);
      else errors.push(problem('attribute_not_a_datetime', spec, 'Giá trị phải là ngày giờ ISO 8601', 'The value must be an ISO 8601 datetime'));
    } else {
      const max = spec.datatype === 'text' ? 4000 : 1000;
      // `string` has no line breaks by definition: fold them rather than refuse a pasted value.
      const value = spec.datatype === 'string' ? answer.replace(/\s*\n\s*/g, ' ') : answer;
      if (charLength(value) <= max) values[spec.code] = value;
      else errors.push(problem('attribute_too_long', spec, `Dài quá ${max} ký tự`, `Longer than ${max} characters`));
    }
  }
  if (errors.length > 0) return fail(new Open311Error(400, errors));
  const unknown = Object.fromEntries(Object.entries(given).filter(([code]) => !known.has(code)));
  return ok({ values, unknown });
}
