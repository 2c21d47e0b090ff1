import { Ajv2020 } from 'ajv/dist/2020.js';
import { AppError, type Bilingual, type FieldError } from '../../../platform/http/errors.js';
import type { PsDb, PsTrx } from '../tables.js';
import type { Parts } from './parts.js';

export interface Issue {
  code: string;
  field: string;
  message: Bilingual;
}

export interface Warning {
  code: string;
  message: Bilingual;
}

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

/** Hours in a working day, for comparing an internal process with the legal time limit. */
const HOURS_PER_DAY = 8;

/**
 * The most working hours a time limit can hold. Generous on purpose (a calendar day counts as a full
 * working day, a month as 22), so a process longer than this is certainly too long.
 */
export function limitHours(amount: number, unit: Parts['timeUnit']): number {
  switch (unit) {
    case 'working_hours':
      return amount;
    case 'working_days':
      return Math.max(amount, 1) * HOURS_PER_DAY; // 0 = the same working day
    case 'calendar_days':
      return amount * HOURS_PER_DAY;
    case 'months':
      return amount * 22 * HOURS_PER_DAY;
  }
}

function structuralIssues(p: Parts): Issue[] {
  const issues: Issue[] = [];
  const add = (code: string, field: string, vi: string, en: string) => issues.push({ code, field, message: { vi, en } });
  if (p.level === 'province' && !p.agencyCode) add('agency_required', 'agencyId', 'Thủ tục cấp tỉnh phải có cơ quan thực hiện.', 'A province-level procedure needs its implementing agency.');
  if (p.level === 'commune' && p.agencyCode) add('commune_agency', 'agencyId', 'Thủ tục cấp xã do Ủy ban nhân dân xã nơi nộp hồ sơ thực hiện; không chọn cơ quan cụ thể.', "A commune-level procedure is handled by the commune's People's Committee; leave the agency empty.");
  if (p.timeAmount === 0 && p.timeUnit !== 'working_days') add('time_zero', 'timeAmount', 'Thời hạn 0 chỉ dùng cho thủ tục giải quyết trong ngày làm việc.', 'A zero time limit is only for same-working-day procedures.');
  if (p.resultType !== 'none' && !p.resultName.trim()) add('result_name_required', 'resultName', 'Cần nêu tên kết quả thực hiện thủ tục.', 'Name the result of the procedure.');
  duplicates(p.components.map((c) => c.code)).forEach((c) => add('duplicate_component', 'components', `Mã thành phần hồ sơ "${c}" bị trùng.`, `Component code "${c}" is repeated.`));
  // A declaration answered in the online form needs that form to have questions.
  if (p.components.some((c) => c.filledByForm) && Object.keys((p.formSchema.properties as object | undefined) ?? {}).length === 0) add('form_component_without_form', 'components', 'Thành phần "điền trực tuyến" cần biểu mẫu trực tuyến có ít nhất một trường.', 'A component filled in online needs an online form with at least one field.');
  duplicates(p.fees.map((f) => f.code)).forEach((c) => add('duplicate_fee', 'fees', `Mã phí, lệ phí "${c}" bị trùng.`, `Fee code "${c}" is repeated.`));
  p.fees.forEach((f, i) => duplicates(f.exemptions.map((e) => e.code)).forEach((c) => add('duplicate_exemption', `fees/${i}/exemptions`, `Mã miễn giảm "${c}" bị trùng.`, `Exemption code "${c}" is repeated.`)));
  p.process.forEach((s, i) => {
    if (s.step !== i + 1) add('process_order', `process/${i}/step`, `Các bước của quy trình nội bộ phải đánh số liên tục 1, 2, 3…; bước thứ ${i + 1} đang ghi ${s.step}.`, `Internal process steps must be numbered 1, 2, 3…; step ${i + 1} says ${s.step}.`);
  });
  return issues;
}

/** Decree 42/2022 levels of online service, and when a procedure may be fully online (toàn trình). */
function onlineIssues(p: Parts): Issue[] {
  const issues: Issue[] = [];
  const add = (code: string, field: string, vi: string, en: string) => issues.push({ code, field, message: { vi, en } });
  const online = p.channels.includes('online');
  if (p.onlineLevel !== 'none' && !online) add('online_channel_missing', 'channels', 'Dịch vụ công trực tuyến phải có cách thức thực hiện "trực tuyến".', 'An online public service needs the "online" channel.');
  if (p.onlineLevel === 'none' && online) add('online_level_missing', 'onlineLevel', 'Thủ tục nhận hồ sơ trực tuyến phải là dịch vụ công trực tuyến toàn trình hoặc một phần.', 'A procedure taking online dossiers must be a full or partial online service.');
  if (p.onlinePayment && p.onlineLevel === 'none') add('online_payment_offline', 'onlinePayment', 'Chỉ thanh toán trực tuyến được với dịch vụ công trực tuyến.', 'Online payment needs an online service.');
  if (p.onlineLevel === 'full') {
    const originals = p.components.filter((c) => c.kind === 'original' && !c.reusable);
    if (originals.length > 0) {
      add(
        'full_online_requires_originals',
        'onlineLevel',
        `Thủ tục yêu cầu nộp hoặc xuất trình bản chính (${originals.map((c) => c.name).join('; ')}) nên không thể là dịch vụ công trực tuyến toàn trình.`,
        `The procedure requires originals in person (${originals.map((c) => c.name).join('; ')}), so it cannot be a fully online service.`,
      );
    }
    if (!p.fullOnlineEligible) add('full_online_not_eligible', 'fullOnlineEligible', 'Thủ tục không đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình.', 'The procedure is not eligible for fully online service.');
  }
  return issues;
}

function formSchemaIssues(schema: Record<string, unknown>): Issue[] {
  const bad = (detail: string): Issue[] => [{ code: 'form_schema_invalid', field: 'formSchema', message: { vi: `Biểu mẫu trực tuyến không phải JSON Schema hợp lệ: ${detail}`, en: `The online form is not a valid JSON Schema: ${detail}` } }];
  if (schema.type !== 'object') return bad('type ≠ "object"');
  // A fresh instance each time: compiled schemas are cached by the instance, and these are few and written rarely.
  const ajv = new Ajv2020({ strict: false, validateFormats: false, logger: false });
  if (!ajv.validateSchema(schema)) return bad(ajv.errorsText(ajv.errors, { separator: '; ' }));
  try {
    ajv.compile(schema);
  } catch (error) {
    return bad((error as Error).message);
  }
  return [];
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** Agencies named by the version (its own, and those of inter-agency steps) that do not exist. */
async function agencyIssues(db: PsDb | PsTrx, p: Parts): Promise<{ issues: Issue[]; agency: AgencyRef | null }> {
  const codes = [...new Set([p.agencyCode, ...p.process.map((s) => (typeof s.actor === 'object' ? s.actor.agencyCode : null))].filter((c): c is string => !!c))];
  const rows = codes.length ? await db.selectFrom('agencies').select(['id', 'code', 'name']).where('code', 'in', codes).execute() : [];
  const known = new Map(rows.map((r) => [r.code, r]));
  const issues: Issue[] = codes
    .filter((c) => !known.has(c))
    .map((c) => ({ code: 'unknown_agency', field: c === p.agencyCode ? 'agencyId' : 'process', message: { vi: `Không có cơ quan mã "${c}".`, en: `No agency has the code "${c}".` } }));
  return { issues, agency: p.agencyCode ? (known.get(p.agencyCode) ?? null) : null };
}

/**
 * Checks a version's parts; throws one bilingual 400 naming every problem. The internal process
 * taking longer than the legal limit is a warning, not an error (the unit may still publish it).
 */
export async function checkParts(db: PsDb | PsTrx, p: Parts): Promise<{ agency: AgencyRef | null; warnings: Warning[] }> {
  const { issues: unknown, agency } = await agencyIssues(db, p);
  const issues = [...structuralIssues(p), ...onlineIssues(p), ...formSchemaIssues(p.formSchema), ...unknown];
  if (issues.length > 0) throw invalid(issues);
  return { agency, warnings: processWarnings(p) };
}

export function processWarnings(p: Parts): Warning[] {
  const total = p.process.reduce((s, step) => s + step.hours, 0);
  const limit = limitHours(p.timeAmount, p.timeUnit);
  if (total <= limit) return [];
  return [{
    code: 'process_exceeds_limit',
    message: {
      vi: `Tổng thời gian các bước của quy trình nội bộ (${total} giờ) vượt thời hạn giải quyết (${limit} giờ làm việc).`,
      en: `The internal process steps add up to ${total} hours, more than the time limit (${limit} working hours).`,
    },
  }];
}

export function invalid(issues: Issue[]): AppError {
  const fields: FieldError[] = issues.map((i) => ({ field: i.field, message: i.message }));
  if (issues.length === 1) return new AppError(400, issues[0]!.code, issues[0]!.message, fields);
  return new AppError(400, 'procedure_invalid', { vi: 'Thủ tục hành chính chưa hợp lệ; xem từng lỗi bên dưới.', en: 'The procedure is not valid; see each problem below.' }, fields);
}
