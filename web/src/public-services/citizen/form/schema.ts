/**
 * The subset of JSON Schema the catalog's online forms use, read into a tree of fields the form
 * renders: an object of properties, each a string (format date or email, an enum, short or long by
 * maxLength), an integer or number, a boolean, a nested object (a fieldset) or an array of simple
 * items. The server validates the submitted data against the full schema (ajv); this only guides.
 */
export type FieldKind = 'text' | 'textarea' | 'date' | 'email' | 'select' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

export interface FieldSpec {
  kind: FieldKind;
  name: string;
  /** JSON pointer-like path, e.g. "father/fullName": stable ids and error keys. */
  path: string;
  title: string;
  description?: string;
  required: boolean;
  options?: Array<{ value: string; label: string }>;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  children?: FieldSpec[];
  /** For arrays: the item's spec (its `name` is unused). */
  item?: FieldSpec;
  minItems?: number;
  maxItems?: number;
}

type Schema = Record<string, unknown>;
/** Raw values as the inputs hold them: strings for text and numbers, booleans, nested records, lists. */
export type RawValue = string | boolean | RawRecord | RawValue[];
export interface RawRecord {
  [key: string]: RawValue;
}

/** Above this many characters a text field is a textarea. */
export const LONG_TEXT = 200;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function typeOf(schema: Schema): string {
  const t = schema.type;
  if (Array.isArray(t)) return String(t.find((x) => x !== 'null') ?? 'string');
  if (typeof t === 'string') return t;
  if (isObject(schema.properties)) return 'object';
  if (Array.isArray(schema.enum) || Array.isArray(schema.oneOf)) return 'string';
  return 'string';
}

function optionsOf(schema: Schema): FieldSpec['options'] {
  if (Array.isArray(schema.enum)) {
    const names = Array.isArray(schema.enumNames) ? schema.enumNames : [];
    return schema.enum.map((v, i) => ({ value: String(v), label: String(names[i] ?? v) }));
  }
  if (Array.isArray(schema.oneOf) && schema.oneOf.every((o) => isObject(o) && 'const' in o)) {
    return (schema.oneOf as Schema[]).map((o) => ({ value: String(o.const), label: str(o.title) ?? String(o.const) }));
  }
  return undefined;
}

function stringKind(schema: Schema): FieldKind {
  if (optionsOf(schema)) return 'select';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'email') return 'email';
  const max = num(schema.maxLength);
  return max !== undefined && max > LONG_TEXT ? 'textarea' : 'text';
}

function kindOf(schema: Schema): FieldKind {
  switch (typeOf(schema)) {
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    case 'array':
      return 'array';
    default:
      return stringKind(schema);
  }
}

export function fieldOf(name: string, schema: Schema, path: string, required: boolean): FieldSpec {
  const kind = kindOf(schema);
  const spec: FieldSpec = { kind, name, path, title: str(schema.title) ?? name, required };
  const description = str(schema.description);
  if (description) spec.description = description;
  const options = optionsOf(schema);
  if (options) spec.options = options;
  for (const key of ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const) {
    const v = num(schema[key]);
    if (v !== undefined) spec[key] = v;
  }
  const pattern = str(schema.pattern);
  if (pattern) spec.pattern = pattern;
  if (kind === 'object') spec.children = fieldsOf(schema, path);
  if (kind === 'array') spec.item = fieldOf('', isObject(schema.items) ? schema.items : { type: 'string' }, `${path}/*`, true);
  return spec;
}

const ORDER_KEYWORDS = ['propertyOrder', 'x-order', 'ui:order'] as const;

/**
 * The order to show properties in. A schema stored as PostgreSQL `jsonb` loses the order its
 * author wrote the properties in (jsonb sorts object keys), so an explicit list wins
 * (`propertyOrder`, `x-order` or `ui:order`, or a numeric `x-order` on each property); without
 * one, the required properties come first in the order of `required` (arrays keep their order),
 * then the others as received.
 */
export function propertyOrder(schema: Schema): string[] {
  const props = isObject(schema.properties) ? schema.properties : {};
  const names = Object.keys(props);
  for (const key of ORDER_KEYWORDS) {
    const list = schema[key];
    if (Array.isArray(list)) {
      const listed = list.map(String).filter((n) => n in props);
      return [...new Set([...listed, ...names])];
    }
  }
  const rank = (n: string) => num((props[n] as Schema | undefined)?.['x-order']);
  if (names.some((n) => rank(n) !== undefined)) {
    return names.map((n, i) => ({ n, r: rank(n) ?? Number.MAX_SAFE_INTEGER, i })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.n);
  }
  const required = Array.isArray(schema.required) ? schema.required.map(String).filter((n) => n in props) : [];
  return [...new Set([...required, ...names])];
}

/** The fields of an object schema, in the order of propertyOrder(). */
export function fieldsOf(schema: Schema | null | undefined, base = ''): FieldSpec[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const props = schema.properties;
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return propertyOrder(schema)
    .filter((name) => isObject(props[name]))
    .map((name) => fieldOf(name, props[name] as Schema, base ? `${base}/${name}` : name, required.has(name)));
}

function blank(spec: FieldSpec): RawValue {
  if (spec.kind === 'boolean') return false;
  if (spec.kind === 'object') return Object.fromEntries((spec.children ?? []).map((c) => [c.name, blank(c)]));
  if (spec.kind === 'array') return [];
  return '';
}

/** Stored data (from the server or an older draft) into the inputs' raw values. */
export function toRaw(fields: FieldSpec[], data: unknown): RawRecord {
  const source = isObject(data) ? data : {};
  const out: RawRecord = {};
  for (const f of fields) out[f.name] = rawValue(f, source[f.name]);
  return out;
}

function rawValue(spec: FieldSpec, value: unknown): RawValue {
  if (value === undefined || value === null) return blank(spec);
  if (spec.kind === 'boolean') return value === true;
  if (spec.kind === 'object') return toRaw(spec.children ?? [], value);
  if (spec.kind === 'array') return Array.isArray(value) ? value.map((v) => rawValue(spec.item!, v)) : [];
  return String(value);
}

const isEmpty = (v: RawValue | undefined) => v === undefined || (typeof v === 'string' && v.trim() === '');

/** Raw values into the JSON the server takes: empty text left out, numbers as numbers. */
export function toData(fields: FieldSpec[], raw: RawRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = dataValue(f, raw[f.name]);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

function dataValue(spec: FieldSpec, v: RawValue | undefined): unknown {
  if (spec.kind === 'boolean') return v === true;
  if (spec.kind === 'object') {
    const data = toData(spec.children ?? [], isObject(v) ? (v as RawRecord) : {});
    return Object.keys(data).length > 0 || spec.required ? data : undefined;
  }
  if (spec.kind === 'array') {
    const items = (Array.isArray(v) ? v : []).map((x) => dataValue(spec.item!, x)).filter((x) => x !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (isEmpty(v) || typeof v !== 'string') return undefined;
  const text = v.trim();
  if (spec.kind === 'integer' || spec.kind === 'number') {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

export type FieldProblem = { key: 'required' | 'integer' | 'number' | 'min' | 'max' | 'minLength' | 'maxLength' | 'email' | 'date' | 'pattern' | 'option' | 'minItems' | 'maxItems'; limit?: number };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkText(spec: FieldSpec, text: string): FieldProblem | null {
  if (spec.kind === 'integer' || spec.kind === 'number') {
    const n = Number(text.replace(',', '.'));
    if (!Number.isFinite(n)) return { key: 'number' };
    if (spec.kind === 'integer' && !Number.isInteger(n)) return { key: 'integer' };
    if (spec.minimum !== undefined && n < spec.minimum) return { key: 'min', limit: spec.minimum };
    if (spec.maximum !== undefined && n > spec.maximum) return { key: 'max', limit: spec.maximum };
    return null;
  }
  if (spec.minLength !== undefined && text.length < spec.minLength) return { key: 'minLength', limit: spec.minLength };
  if (spec.maxLength !== undefined && text.length > spec.maxLength) return { key: 'maxLength', limit: spec.maxLength };
  if (spec.kind === 'email' && !EMAIL.test(text)) return { key: 'email' };
  if (spec.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) return { key: 'date' };
  if (spec.kind === 'select' && !spec.options?.some((o) => o.value === text)) return { key: 'option' };
  if (spec.pattern && !safeTest(spec.pattern, text)) return { key: 'pattern' };
  return null;
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true; // a pattern this browser cannot read is left to the server
  }
}

/** Problems by path, for the fields to show beside themselves before anything is sent. */
export function validate(fields: FieldSpec[], raw: RawRecord, out: Map<string, FieldProblem> = new Map()): Map<string, FieldProblem> {
  for (const f of fields) check(f, raw[f.name], out);
  return out;
}

function check(spec: FieldSpec, v: RawValue | undefined, out: Map<string, FieldProblem>): void {
  if (spec.kind === 'object') {
    validate(spec.children ?? [], isObject(v) ? (v as RawRecord) : {}, out);
    return;
  }
  if (spec.kind === 'boolean') {
    // A required boolean is a declaration the person must tick ("Tôi cam đoan…").
    if (spec.required && v !== true) out.set(spec.path, { key: 'required' });
    return;
  }
  if (spec.kind === 'array') {
    const items = (Array.isArray(v) ? v : []).filter((x) => !isEmpty(x));
    if (spec.required && items.length === 0) out.set(spec.path, { key: 'required' });
    else if (spec.minItems !== undefined && items.length > 0 && items.length < spec.minItems) out.set(spec.path, { key: 'minItems', limit: spec.minItems });
    else if (spec.maxItems !== undefined && items.length > spec.maxItems) out.set(spec.path, { key: 'maxItems', limit: spec.maxItems });
    (Array.isArray(v) ? v : []).forEach((x, i) => {
      const problem = typeof x === 'string' && x.trim() ? checkText(spec.item!, x.trim()) : null;
      if (problem) out.set(`${spec.path}/${i}`, problem);
    });
    return;
  }
  if (isEmpty(v)) {
    if (spec.required) out.set(spec.path, { key: 'required' });
    return;
  }
  const problem = checkText(spec, String(v).trim());
  if (problem) out.set(spec.path, problem);
}

/** Reads the value at a path of a raw record; sets one immutably. */
export function setIn(raw: RawRecord, path: string[], value: RawValue): RawRecord {
  const [head, ...rest] = path;
  if (head === undefined) return raw;
  if (rest.length === 0) return { ...raw, [head]: value };
  const child = raw[head];
  return { ...raw, [head]: setIn(isObject(child) ? (child as RawRecord) : {}, rest, value) };
}
