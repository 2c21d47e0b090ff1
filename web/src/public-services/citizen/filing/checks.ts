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

export type ApplicantProblem = 'required' | 'phone' | 'email' | 'idNumber';

const PHONE = /^\+?[0-9 .-]{8,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** CCCD (12 digits), the old CMND (9), or a passport number. */
const ID_NUMBER = /^[A-Za-z0-9]{8,12}$/;

export const isOrganisation = (kind: LocalDraft['applicantKind']) => kind === 'business' || kind === 'household_business';

/** The applicant block's problems, by field. */
export function applicantProblems(d: LocalDraft): Map<string, ApplicantProblem> {
  const out = new Map<string, ApplicantProblem>();
  const a = d.applicant;
  if (!a.name.trim()) out.set('name', 'required');
  if (!a.phone.trim()) out.set('phone', 'required');
  else if (!PHONE.test(a.phone.trim())) out.set('phone', 'phone');
  if (a.email.trim() && !EMAIL.test(a.email.trim())) out.set('email', 'email');
  if (!isOrganisation(d.applicantKind)) {
    if (!a.idNumber.trim()) out.set('idNumber', 'required');
    else if (!ID_NUMBER.test(a.idNumber.trim())) out.set('idNumber', 'idNumber');
  } else {
    if (!a.organisation.trim()) out.set('organisation', 'required');
  }
  return out;
}

export interface Problems {
  applicant: Map<string, ApplicantProblem>;
  form: Map<string, FieldProblem>;
  commune: boolean;
  /** Required components without a file. */
  components: string[];
}

export function problemsOf(d: LocalDraft, p: ProcedureDetail, fields: FieldSpec[]): Problems {
  return {
    applicant: applicantProblems(d),
    form: validate(fields, d.form),
    commune: p.level === 'commune' && !d.communeCode,
    // A component the authorities can take from a national database need not be uploaded.
    components: p.components.filter((c) => c.required && !c.reusable && !d.uploads[c.code]).map((c) => c.code),
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
