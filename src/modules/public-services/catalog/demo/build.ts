/** Small builders that keep the demo catalog readable. Demo data only. */
import type { ComponentKind, ProcedureComponent, ProcedureFee, ProcessStep, TimeUnit } from '../../tables.js';
import type { Parts } from '../parts.js';

export type DemoProcedure = Parts & {
  code: string;
  /** Why the code or figures are as they are; "demo" where not taken from the national database. */
  note?: string;
};

export const VN_DEMO_EFFECTIVE_FROM = '2025-07-01T00:00:00+07:00';

export const field = {
  text: (title: string, maxLength = 200) => ({ type: 'string', title, minLength: 1, maxLength }),
  longText: (title: string) => ({ type: 'string', title, minLength: 1, maxLength: 2000, 'x-widget': 'textarea' }),
  date: (title: string) => ({ type: 'string', format: 'date', title }),
  choice: (title: string, values: string[]) => ({ type: 'string', title, enum: values }),
  idNumber: (title = 'Số định danh cá nhân') => ({ type: 'string', title, pattern: '^[0-9]{12}$' }),
  integer: (title: string, minimum = 0, maximum = 1_000_000) => ({ type: 'integer', title, minimum, maximum }),
  number: (title: string, minimum = 0) => ({ type: 'number', title, minimum }),
  yesNo: (title: string) => ({ type: 'boolean', title }),
  phone: (title = 'Số điện thoại') => ({ type: 'string', title, pattern: '^(0|\\+84)[0-9]{9,10}$' }),
};

export const SEX = ['Nam', 'Nữ'];
export const NATIONALITY = field.text('Quốc tịch', 60);
export const ETHNICITY = field.text('Dân tộc', 60);

/** The online form (tờ khai điện tử) as JSON Schema 2020-12; the field order is the order written here. */
export function form(title: string, properties: Record<string, object>, required: string[]): Record<string, unknown> {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', title, properties, required, additionalProperties: false };
}

export function doc(code: string, name: string, kind: ComponentKind, opts: { count?: number; required?: boolean; reusable?: boolean; templateUrl?: string; filledByForm?: boolean } = {}): ProcedureComponent {
  return { code, name, kind, count: opts.count ?? 1, required: opts.required ?? true, ...(opts.templateUrl ? { templateUrl: opts.templateUrl } : {}), ...(opts.reusable ? { reusable: true } : {}), ...(opts.filledByForm ? { filledByForm: true } : {}) };
}

export const EXEMPT = {
  poor: { code: 'ho-ngheo', name: 'Người thuộc hộ nghèo' },
  merit: { code: 'nguoi-co-cong', name: 'Người có công với cách mạng và thân nhân' },
  disabled: { code: 'nguoi-khuyet-tat', name: 'Người khuyết tật' },
  child: { code: 'tre-em', name: 'Trẻ em dưới 16 tuổi' },
  elderly: { code: 'nguoi-cao-tuoi', name: 'Người cao tuổi' },
  minority: { code: 'dan-toc-thieu-so', name: 'Người dân tộc thiểu số ở xã có điều kiện kinh tế - xã hội đặc biệt khó khăn' },
  online: { code: 'nop-truc-tuyen', name: 'Nộp hồ sơ trực tuyến' },
};

export function fee(code: string, name: string, amount: number, exemptions: ProcedureFee['exemptions'] = [], collectedAt: ProcedureFee['collectedAt'] = 'receipt'): ProcedureFee {
  return { code, name, amount, exemptions, collectedAt };
}

/** Working hours the internal process may use for a time limit (a calendar week has five working days). */
export function processHours(amount: number, unit: TimeUnit): number {
  if (unit === 'working_hours') return amount;
  if (unit === 'working_days') return Math.max(amount, 1) * 8;
  if (unit === 'calendar_days') return Math.max(1, Math.floor((amount * 5) / 7)) * 8;
  return amount * 22 * 8;
}

/**
 * The usual internal process: receipt → appraisal → (inter-agency step) → submission → signature →
 * return of the result, its hours adding up to the whole time limit.
 */
export function standardProcess(totalHours: number, interAgency?: { agencyCode: string; name: string }): ProcessStep[] {
  const small = totalHours <= 8;
  const receipt = small ? 1 : 2;
  const ret = small ? 1 : 2;
  const sign = Math.max(2, Math.round(totalHours * 0.15));
  const submit = Math.max(1, Math.round(totalHours * 0.1));
  const consult = interAgency ? Math.max(2, Math.round(totalHours * 0.25)) : 0;
  const appraisal = totalHours - receipt - ret - sign - submit - consult;
  const steps: Array<Omit<ProcessStep, 'step'>> = [
    { name: 'Tiếp nhận, kiểm tra và chuyển hồ sơ', actor: 'receiving', role: 'officer', hours: receipt, status: 2 },
    { name: 'Thẩm định hồ sơ', actor: 'handling', role: 'officer', hours: appraisal, status: 4 },
    ...(interAgency ? [{ name: interAgency.name, actor: { agencyCode: interAgency.agencyCode }, role: 'officer' as const, hours: consult, status: 4 as const }] : []),
    { name: 'Trình ký kết quả', actor: 'handling', role: 'officer', hours: submit, status: 4 },
    { name: 'Ký duyệt kết quả', actor: 'handling', role: 'agency_admin', hours: sign, status: 4 },
    { name: 'Trả kết quả', actor: 'receiving', role: 'officer', hours: ret, status: 9 },
  ];
  return steps.map((s, i) => ({ ...s, step: i + 1 }));
}

export const DEMO_PUBLICATION = { publicAt: '2025-07-01', legalBasisEffectiveFrom: '2025-07-01' };
export const ONE_STOP_BASIS = 'Nghị định số 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông';

/** Defaults shared by most demo procedures; each entry overrides what differs. */
export function procedure(p: Omit<DemoProcedure, 'process' | 'publication' | 'nameEn' | 'sameDayCutoff' | 'resultType' | 'fullOnlineEligible' | 'onlinePayment' | 'agencyCode'> & Partial<DemoProcedure> & { interAgency?: { agencyCode: string; name: string } }): DemoProcedure {
  const { interAgency, ...rest } = p;
  const onlineLevel = rest.onlineLevel;
  return {
    nameEn: null,
    agencyCode: null,
    sameDayCutoff: rest.timeAmount === 0 ? '15:00' : null,
    resultType: 'both',
    fullOnlineEligible: onlineLevel === 'full',
    onlinePayment: onlineLevel !== 'none' && rest.fees.some((f) => f.amount > 0),
    publication: DEMO_PUBLICATION,
    process: standardProcess(processHours(rest.timeAmount, rest.timeUnit), interAgency),
    ...rest,
    legalBasis: [...rest.legalBasis, ONE_STOP_BASIS],
  };
}
