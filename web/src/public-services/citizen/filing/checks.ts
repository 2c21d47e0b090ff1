import type { ProcedureDetail } from '../../types.js';
import { validate, type FieldProblem, type FieldSpec } from '../form/schema.js';
import type { LocalDraft } from './local-draft.js';

/** Element ids of the filing form's fixed parts (the error summary links to them). */
export const IDS = {
  kind: 'ps-applicant-kind',
  applicant: (field: string) => `ps-applicant-${field}`,
  commune: 'ps-commune',
  component: (code: string) => `ps-component-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`,
  formPrefix: 'ps-form',
};

export type ApplicantProblem = 'required' | 'phone' | 'email' | 'idNumber' | 'taxCode';

// The same rules the server applies at submission (intake/validation.ts).
const PHONE = /^(\+84|0)\d{9,10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** CCCD (12 digits) or the old CMND (9). */
const ID_NUMBER = /^(\d{9}|\d{12})$/;
/** 10 digits, branches add -3 digits. */
const TAX_CODE = /^\d{10}(-\d{3})?$/;

/** People write phone numbers with spaces and dots ("0912 345 678"); the server takes digits. */
export const normalisePhone = (phone: string) => phone.replace(/[\s.()-]/g, '');

export const isOrganisation = (kind: LocalDraft['applicantKind']) => kind === 'business' || kind === 'household_business';

/** The applicant block's problems, by field. */
export function applicantProblems(d: LocalDraft): Map<string, ApplicantProblem> {
  const found: Array<[string, ApplicantProblem]> = [];
  const a = d.applicant;
  const org = isOrganisation(d.applicantKind);
  if (org && !a.organisation.trim()) found.push(['organisation', 'required']);
  if (d.applicantKind === 'business' && !a.taxCode.trim()) found.push(['taxCode', 'required']);
  else if (a.taxCode.trim() && !TAX_CODE.test(a.taxCode.trim())) found.push(['taxCode', 'taxCode']);
  if (!a.name.trim()) found.push(['name', 'required']);
  if (!org && !a.idNumber.trim()) found.push(['idNumber', 'required']);
  else if (!org && !ID_NUMBER.test(a.idNumber.trim())) found.push(['idNumber', 'idNumber']);
  // The phone is how the applicant is told and how the public tracking page lets them in.
  if (!a.phone.trim()) found.push(['phone', 'required']);
  else if (!PHONE.test(normalisePhone(a.phone))) found.push(['phone', 'phone']);
  if (a.email.trim() && !EMAIL.test(a.email.trim())) found.push(['email', 'email']);
  // In the order the fields appear, so the error summary reads top to bottom.
  return new Map(found);
}

export interface Problems {
  applicant: Map<string, ApplicantProblem>;
  form: Map<string, FieldProblem>;
  commune: boolean;
  /** Required components without a file (the declaration answered in the form needs none). */
  components: string[];
}

export function problemsOf(d: LocalDraft, p: ProcedureDetail, fields: FieldSpec[]): Problems {
  return {
    applicant: applicantProblems(d),
    form: validate(fields, d.form),
    commune: p.level === 'commune' && !d.communeCode,
    components: p.components.filter((c) => c.required && !c.filledByForm && !d.uploads[c.code]).map((c) => c.code),
  };
}

export function countProblems(x: Problems): number {
  return x.applicant.size + x.form.size + (x.commune ? 1 : 0) + x.components.length;
}

/** The title of the schema field at a path, for the error summary. */
export function titleAt(fields: FieldSpec[], path: string): string {
  const parts = path.split('/');
  let list = fields;
  let title = path;
  for (const part of parts) {
    const f = list.find((x) => x.name === part);
    if (!f) break;
    title = f.title;
    list = f.children ?? [];
  }
  return title;
}
