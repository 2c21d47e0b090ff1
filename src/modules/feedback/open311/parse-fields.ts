/**
 * Reading single parameters from a form body, a query string or a JSON body, which differ in what
 * they hand us: forms and queries give strings (an array when a key repeats), JSON gives numbers,
 * booleans and nested objects. Every reader applies the spec's rule that an empty optional
 * parameter is the same as an absent one.
 */
import { item, open311Error, Open311Error, type Open311ErrorItem } from './errors.js';

export type Input = Record<string, unknown>;

/** Collects errors while reading, so one response can list every problem. */
export class Problems {
  readonly items: Open311ErrorItem[] = [];
  add(code: string, vi: string, en: string): void {
    this.items.push(item(code, vi, en));
  }
  get empty(): boolean {
    return this.items.length === 0;
  }
}

/** NFC, no control characters but line breaks and tabs, CR LF → LF, trimmed. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .trim();
}

/** Length in characters as people count them (code points after NFC), not UTF-16 units. */
export function charLength(text: string): number {
  return [...text].length;
}

function scalarOf(value: unknown): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  return null;
}

/**
 * One optional text parameter: undefined when absent or empty. A repeated key or a structured value
 * where text is expected is an error (we would otherwise have to guess which value was meant).
 */
export function text(input: Input, name: string, problems: Problems, maxLength = 200): string | undefined {
  let raw = input[name];
  if (Array.isArray(raw)) {
    const present = raw.filter((v) => v !== '' && v !== null && v !== undefined);
    if (present.length > 1) {
      problems.add('parameter_repeated', `Tham số ${name} chỉ được gửi một lần.`, `${name} must be given only once.`);
      return undefined;
    }
    raw = present[0];
  }
  const value = scalarOf(raw);
  if (value === null) {
    problems.add(`${name}_invalid`, `Giá trị của ${name} không hợp lệ.`, `${name} is not a valid value.`);
    return undefined;
  }
  if (value === undefined || value === '') return undefined;
  if (charLength(value) > maxLength) {
    problems.add(`${name}_too_long`, `${name} dài quá ${maxLength} ký tự.`, `${name} is longer than ${maxLength} characters.`);
    return undefined;
  }
  return value;
}

/** A decimal number within a range (lat, long, radius…): strings from forms, numbers from JSON. */
export function decimal(input: Input, name: string, problems: Problems, min: number, max: number): number | undefined {
  const raw = text(input, name, problems, 40);
  if (raw === undefined) return undefined;
  const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(n) || n < min || n > max) {
    problems.add(`${name}_invalid`, `${name} phải là số từ ${min} đến ${max}.`, `${name} must be a number from ${min} to ${max}.`);
    return undefined;
  }
  return n;
}

/** A positive whole number (page, page_size, radius…). */
export function wholeNumber(input: Input, name: string, problems: Problems, min: number, max: number): number | undefined {
  const raw = text(input, name, problems, 20);
  if (raw === undefined) return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    problems.add(`${name}_invalid`, `${name} phải là số nguyên từ ${min} đến ${max}.`, `${name} must be a whole number from ${min} to ${max}.`);
    return undefined;
  }
  return n;
}

/** A comma-separated list (`service_request_id=a,b`), trimmed, empties and repeats dropped. */
export function commaList(input: Input, name: string, problems: Problems, separators = /,/): string[] | undefined {
  const raw = input[name];
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => {
    const value = scalarOf(v);
    if (value === null) problems.add(`${name}_invalid`, `Giá trị của ${name} không hợp lệ.`, `${name} is not a valid value.`);
    return value ? value.split(separators) : [];
  });
  const list = [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))];
  return list.length > 0 ? list : undefined;
}

/**
 * `jurisdiction_id` against the jurisdictions this deployment serves (decision A17): optional when
 * there is one, required when there are several; an unknown one is 404. Domains compare case-blind.
 */
export function checkJurisdiction(input: Input, jurisdictions: readonly string[]): { id: string | null } | Open311Error {
  const problems = new Problems();
  const given = text(input, 'jurisdiction_id', problems, 253);
  if (!problems.empty) return new Open311Error(400, problems.items);
  if (given === undefined) {
    if (jurisdictions.length > 1) {
      return open311Error(400, 'jurisdiction_id_missing', {
        vi: 'Cần có jurisdiction_id: hệ thống phục vụ nhiều địa phương.',
        en: 'jurisdiction_id is required: this endpoint serves several jurisdictions.',
      });
    }
    return { id: jurisdictions[0] ?? null };
  }
  const match = jurisdictions.find((j) => j.toLowerCase() === given.toLowerCase());
  if (match === undefined) {
    return open311Error(404, 'jurisdiction_id_not_found', {
      vi: `Không phục vụ jurisdiction_id "${given}".`,
      en: `jurisdiction_id "${given}" is not served here.`,
    });
  }
  return { id: match };
}
