import { errors, type FieldError } from '../../platform/http/errors.js';
import type { FeedbackDb } from './tables.js';

/**
 * Checks a report's extra answers against its category's attributes (Open311 datatypes): required
 * ones present, list answers among the listed keys, numbers numeric, datetimes parseable; unknown
 * codes refused. Returns the answers to store.
 */
export async function checkAttributes(db: FeedbackDb, categoryCode: string, answers: Record<string, string | string[]>): Promise<Record<string, string | string[]>> {
  const defs = await db.selectFrom('feedback_category_attributes').selectAll().where('category_code', '=', categoryCode).execute();
  const problems: FieldError[] = [];
  const field = (code: string) => `body.attributes.${code}`;
  for (const code of Object.keys(answers)) {
    if (!defs.some((d) => d.code === code)) problems.push({ field: field(code), message: { vi: 'Thông tin này không thuộc lĩnh vực đã chọn.', en: 'Not an attribute of this category.' } });
  }
  const out: Record<string, string | string[]> = {};
  for (const def of defs) {
    const raw = answers[def.code];
    const empty = raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (def.required) problems.push({ field: field(def.code), message: { vi: `Cần trả lời: ${def.description_vi}.`, en: `Required: ${def.description_en}.` } });
      continue;
    }
    const keys = def.values.map((v) => v.key);
    const values = Array.isArray(raw) ? raw : [raw];
    const bad =
      (def.datatype === 'singlevaluelist' && (values.length !== 1 || !keys.includes(values[0]!))) ||
      (def.datatype === 'multivaluelist' && values.some((v) => !keys.includes(v))) ||
      (def.datatype === 'number' && (values.length !== 1 || !Number.isFinite(Number(values[0])))) ||
      (def.datatype === 'datetime' && (values.length !== 1 || Number.isNaN(Date.parse(values[0]!))));
    if (bad) {
      problems.push({ field: field(def.code), message: { vi: 'Giá trị không hợp lệ cho câu hỏi này.', en: 'Not a valid answer for this question.' } });
      continue;
    }
    out[def.code] = def.datatype === 'multivaluelist' ? values : values[0]!;
  }
  if (problems.length > 0) throw errors.badRequest('invalid_attributes', 'Thông tin bổ sung chưa hợp lệ.', 'Some answers are not valid.', problems);
  return out;
}
