import { errors } from '../../../platform/http/errors.js';

/** What the desk fills in a template's text: `{trackingCode}` becomes the report's code, and so on. */
export const PLACEHOLDERS = ['trackingCode', 'categoryName', 'communeName', 'agencyName', 'address'] as const;

/** A misspelt placeholder would reach citizens as `{comuneName}`: refuse it when the template is saved. */
export function checkPlaceholders(body: string): void {
  const unknown = [...body.matchAll(/\{([^{}\s]*)\}/g)].map((m) => m[1]!).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown.length === 0) return;
  const list = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
  throw errors.badRequest('unknown_placeholder', `Mẫu có chỗ điền không hợp lệ: {${unknown[0]}}.`, `The template has an unknown placeholder: {${unknown[0]}}.`, [
    { field: 'body.body', message: { vi: `Chỉ dùng: ${list}.`, en: `Use only: ${list}.` } },
  ]);
}
