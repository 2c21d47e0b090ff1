import type { FieldError } from './errors.js';

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string | undefined;
}

/** Turns one JSON-schema validation issue into a field error a person can read, in both languages. */
export function translateValidationError(issue: AjvIssue, context?: string): FieldError {
  const base = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const p = issue.params;
  let field = base;
  let vi: string;
  let en: string;
  switch (issue.keyword) {
    case 'required':
      field = join(base, String(p.missingProperty));
      vi = 'Trường này là bắt buộc.';
      en = 'This field is required.';
      break;
    case 'additionalProperties':
      field = join(base, String(p.additionalProperty));
      vi = 'Trường này không được chấp nhận.';
      en = 'This field is not allowed.';
      break;
    case 'minLength':
      vi = `Cần ít nhất ${p.limit} ký tự.`;
      en = `Must be at least ${p.limit} characters.`;
      break;
    case 'maxLength':
      vi = `Không được quá ${p.limit} ký tự.`;
      en = `Must be at most ${p.limit} characters.`;
      break;
    case 'minimum':
    case 'exclusiveMinimum':
      vi = `Giá trị phải ${issue.keyword === 'minimum' ? '≥' : '>'} ${p.limit}.`;
      en = `Must be ${issue.keyword === 'minimum' ? '>=' : '>'} ${p.limit}.`;
      break;
    case 'maximum':
    case 'exclusiveMaximum':
      vi = `Giá trị phải ${issue.keyword === 'maximum' ? '≤' : '<'} ${p.limit}.`;
      en = `Must be ${issue.keyword === 'maximum' ? '<=' : '<'} ${p.limit}.`;
      break;
    case 'format':
      vi = `Không đúng định dạng ${formatName(String(p.format))}.`;
      en = `Must be a valid ${p.format}.`;
      break;
    case 'pattern':
      vi = 'Không đúng định dạng.';
      en = 'Has the wrong format.';
      break;
    case 'enum':
    case 'const':
    case 'anyOf':
      vi = 'Giá trị không nằm trong danh sách cho phép.';
      en = 'Is not one of the allowed values.';
      break;
    case 'type':
      vi = `Phải là kiểu ${typeName(String(p.type))}.`;
      en = `Must be of type ${p.type}.`;
      break;
    case 'minItems':
      vi = `Cần ít nhất ${p.limit} phần tử.`;
      en = `Must have at least ${p.limit} items.`;
      break;
    case 'maxItems':
      vi = `Không được quá ${p.limit} phần tử.`;
      en = `Must have at most ${p.limit} items.`;
      break;
    default:
      vi = 'Giá trị không hợp lệ.';
      en = issue.message ?? 'Is not valid.';
  }
  return { field: context ? join(context, field) : field || '(body)', message: { vi, en } };
}

function join(a: string, b: string): string {
  return a ? `${a}.${b}` : b;
}

function formatName(format: string): string {
  return ({ email: 'email', date: 'ngày (YYYY-MM-DD)', 'date-time': 'ngày giờ', uuid: 'mã định danh', uri: 'địa chỉ URL' } as Record<string, string>)[format] ?? format;
}

function typeName(type: string): string {
  return ({ string: 'chuỗi', number: 'số', integer: 'số nguyên', boolean: 'đúng/sai', object: 'đối tượng', array: 'danh sách' } as Record<string, string>)[type] ?? type;
}
