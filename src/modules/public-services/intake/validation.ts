import { AppError, type FieldError } from '../../../platform/http/errors.js';
import type { Applicant, ApplicantKind, ProcedureComponent, ProcedureFee } from '../tables.js';

const ID_NUMBER = /^(\d{9}|\d{12})$/;
const PHONE = /^(\+84|0)\d{9,10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TAX_CODE = /^\d{10}(-\d{3})?$/;

const required = (field: string): FieldError => ({ field, message: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' } });
const malformed = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });

/**
 * The applicant (chủ hồ sơ) must be identifiable: a citizen by the ID number (CCCD 12 digits or the
 * old CMND 9 digits), a business by its name and tax code. A representative filing for someone else
 * (ủy quyền) must leave the applicant's phone, because that person may have no account to be told by.
 */
export function applicantErrors(kind: ApplicantKind, a: Partial<Applicant>, onBehalf: boolean): FieldError[] {
  const out: FieldError[] = [];
  if (!a.name?.trim()) out.push(required('applicant.name'));
  if (kind === 'citizen') {
    if (!a.idNumber) out.push(required('applicant.idNumber'));
    else if (!ID_NUMBER.test(a.idNumber)) out.push(malformed('applicant.idNumber', 'Số định danh gồm 12 chữ số (hoặc CMND 9 chữ số).', 'The ID number has 12 digits (or 9 for an old ID card).'));
  } else {
    if (!a.organisation?.trim()) out.push(required('applicant.organisation'));
    if (kind === 'business' && !a.taxCode) out.push(required('applicant.taxCode'));
  }
  if (a.taxCode && !TAX_CODE.test(a.taxCode)) out.push(malformed('applicant.taxCode', 'Mã số thuế gồm 10 chữ số (chi nhánh thêm -3 chữ số).', 'A tax code has 10 digits (branches add -3 digits).'));
  if (onBehalf && !a.phone) out.push(required('applicant.phone'));
  if (a.phone && !PHONE.test(a.phone)) out.push(malformed('applicant.phone', 'Số điện thoại không hợp lệ (ví dụ 0912345678).', 'Not a valid phone number (e.g. 0912345678).'));
  if (a.email && !EMAIL.test(a.email)) out.push(malformed('applicant.email', 'Địa chỉ e-mail không hợp lệ.', 'Not a valid e-mail address.'));
  return out;
}

/** The components that need a file (or paper) of their own: not the declaration the online form stands for. */
function componentsNeedingFiles(components: ProcedureComponent[]): ProcedureComponent[] {
  return components.filter((c) => !c.filledByForm);
}

/**
 * A required component counts as present when it has a file, was reused from earlier data, or was
 * digitised at the counter. The declaration answered in the online form (`filledByForm`) is checked
 * as `formData` against the version's schema instead, so it is never asked for as a file.
 */
export function componentErrors(components: ProcedureComponent[], present: Array<{ component_code: string; file_id: string | null; reused_from: string | null; digitised: boolean }>, acceptPaper = false): FieldError[] {
  const have = new Set(present.filter((c) => c.file_id || c.reused_from || c.digitised || acceptPaper).map((c) => c.component_code));
  return componentsNeedingFiles(components)
    .filter((c) => c.required && !have.has(c.code))
    .map((c) => ({ field: `components.${c.code}`, message: { vi: `Thiếu thành phần hồ sơ: ${c.name}.`, en: `Missing dossier component: ${c.name}.` } }));
}

export function exemptionErrors(fees: ProcedureFee[], codes: string[]): FieldError[] {
  const known = new Set(fees.flatMap((f) => f.exemptions.map((e) => e.code)));
  return codes
    .filter((c) => !known.has(c))
    .map((c) => ({ field: 'exemptionCodes', message: { vi: `Đối tượng miễn, giảm "${c}" không có trong thủ tục này.`, en: `Exemption "${c}" does not apply to this procedure.` } }));
}

export function applicantKindErrors(subjects: ApplicantKind[], kind: ApplicantKind): FieldError[] {
  if (subjects.length === 0 || subjects.includes(kind)) return [];
  return [{ field: 'applicantKind', message: { vi: 'Thủ tục này không dành cho đối tượng đã chọn.', en: 'This procedure is not for the chosen kind of applicant.' } }];
}

/** Everything wrong at once, in one bilingual 400 (the applicant fixes all of it in one pass). */
export function assertComplete(errors: FieldError[]): void {
  if (errors.length === 0) return;
  throw new AppError(400, 'dossier_incomplete', { vi: 'Hồ sơ chưa đầy đủ hoặc có thông tin không hợp lệ.', en: 'The dossier is incomplete or has invalid data.' }, errors);
}
