import type { Principal } from '../../../platform/http/access.js';
import { AppError } from '../../../platform/http/errors.js';
import type { DossierRow } from '../dossiers/transition.js';
import { FINISHED, IN_PROGRESS, PAYMENT_REQUESTED, RECEIVED, SUBMITTED, SUPPLEMENT_REQUESTED } from '../statuses.js';

/** The commands of the processing desk and of the applicant during processing. */
export const PROCESSING_ACTIONS = [
  'assign',
  'advance',
  'accept_transfer',
  'transfer',
  'consult',
  'answer_consultation',
  'request_supplement',
  'supplement',
  'request_payment',
  'withdraw',
  'stop',
  'apology',
  'issue_result',
  'return',
] as const;
export type ProcessingAction = (typeof PROCESSING_ACTIONS)[number];

/** What a rule may know besides the principal and the row (facts that need a query). */
export interface PolicyFacts {
  /** The caller's agency has an unanswered consultation on this dossier. */
  consultedOpen?: boolean;
}

type Who = (p: Principal, d: DossierRow, facts: PolicyFacts) => boolean;

interface Rule {
  /** National statuses the command may start from (anything else: 409 dossier_wrong_status). */
  from: readonly number[];
  /** Who may give it (anyone else who can see the dossier: 403). */
  who: Who;
  /** A further condition on the dossier; the error (409) when it does not hold. */
  check?: (d: DossierRow, now: Date) => AppError | null;
}

const HANDLING = [RECEIVED, IN_PROGRESS] as const;
const OPEN = [RECEIVED, IN_PROGRESS, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED] as const;

function isAgencyStaff(p: Principal, agencyId: string | null): boolean {
  return p.kind === 'user' && !!agencyId && p.agencyId === agencyId && (p.role === 'officer' || p.role === 'agency_admin');
}

/** Staff of the agency handling the dossier now. */
export function isHandler(p: Principal, d: DossierRow): boolean {
  return isAgencyStaff(p, d.handling_agency_id ?? d.receiving_agency_id);
}

export function isReceiver(p: Principal, d: DossierRow): boolean {
  return isAgencyStaff(p, d.receiving_agency_id);
}

/**
 * Within the handling agency an agency admin (head of unit) may act on any dossier; an officer on
 * those assigned to them or to nobody yet, so two officers never work one dossier unknowingly.
 */
export function isResponsibleHandler(p: Principal, d: DossierRow): boolean {
  if (!isHandler(p, d) || p.kind !== 'user') return false;
  return p.role === 'agency_admin' || d.assignee_id === null || d.assignee_id === p.id;
}

/** The head of unit (lãnh đạo đơn vị): an agency admin of the handling agency. Only they reassign. */
export function isHeadOfUnit(p: Principal, d: DossierRow): boolean {
  return isHandler(p, d) && p.kind === 'user' && p.role === 'agency_admin';
}

export function isOwner(p: Principal, d: DossierRow): boolean {
  return p.kind === 'user' && (d.applicant_user_id === p.id || d.submitter_user_id === p.id);
}

export const RULES: Record<ProcessingAction, Rule> = {
  // Whom an officer may assign (only themselves), and reassignment (head of unit, with a reason),
  // depend on the body: see assignment.ts.
  assign: { from: OPEN, who: isResponsibleHandler },
  advance: { from: HANDLING, who: isResponsibleHandler },
  accept_transfer: { from: [IN_PROGRESS], who: isHandler, check: (d) => (d.sub_state === 'transferred' ? null : notTransferred()) },
  // The one-stop unit passes a dossier it received on; the handling agency passes it on (liên thông).
  transfer: { from: HANDLING, who: (p, d) => isResponsibleHandler(p, d) || (d.status === RECEIVED && isReceiver(p, d)) },
  consult: { from: HANDLING, who: isResponsibleHandler },
  answer_consultation: { from: OPEN, who: (_p, _d, f) => f.consultedOpen === true },
  request_supplement: { from: HANDLING, who: isResponsibleHandler },
  supplement: { from: [SUPPLEMENT_REQUESTED], who: isOwner },
  request_payment: { from: HANDLING, who: isResponsibleHandler, check: (d) => (d.fee_status === 'unpaid' && Number(d.fee_total) > 0 ? null : noFeeDue()) },
  withdraw: { from: [SUBMITTED, ...OPEN], who: isOwner },
  stop: { from: OPEN, who: isResponsibleHandler },
  apology: { from: OPEN, who: isResponsibleHandler, check: apologyCheck },
  issue_result: { from: HANDLING, who: isResponsibleHandler },
  // Results are handed back by whoever holds them: the handling agency or the one-stop counter.
  return: { from: [FINISHED], who: (p, d) => isHandler(p, d) || isReceiver(p, d) },
};

export type Verdict = { ok: true } | { ok: false; kind: 'forbidden' | 'wrong_status' | 'condition'; error?: AppError };

/** Whether the caller may give the command now: who first (403), then the status and conditions (409). */
export function judge(action: ProcessingAction, p: Principal, d: DossierRow, facts: PolicyFacts = {}, now = new Date()): Verdict {
  const rule = RULES[action];
  if (!rule.who(p, d, facts)) return { ok: false, kind: 'forbidden' };
  if (!rule.from.includes(d.status)) return { ok: false, kind: 'wrong_status' };
  const error = rule.check?.(d, now) ?? null;
  return error ? { ok: false, kind: 'condition', error } : { ok: true };
}

/**
 * The apology letter (Mẫu 04) is sent before the due date passes — at the latest at that moment —
 * and only once: the new date it promises can be set a single time.
 */
function apologyCheck(d: DossierRow, now: Date): AppError | null {
  if (d.extended_due_at) return new AppError(409, 'apology_already_sent', { vi: 'Hồ sơ đã có văn bản xin lỗi và hẹn lại ngày trả; chỉ được hẹn lại một lần.', en: 'An apology with a new date was already sent; the date can be set only once.' });
  if (!d.due_at) return new AppError(409, 'no_due_date', { vi: 'Hồ sơ chưa có ngày hẹn trả.', en: 'The dossier has no due date.' });
  if (now.getTime() > new Date(d.due_at).getTime()) {
    return new AppError(409, 'apology_too_late', { vi: 'Văn bản xin lỗi phải gửi trước khi hồ sơ quá hạn.', en: 'The apology must be sent before the dossier becomes late.' });
  }
  return null;
}

function notTransferred(): AppError {
  return new AppError(409, 'not_transferred', { vi: 'Hồ sơ không ở bước chờ nhận liên thông.', en: 'The dossier is not waiting to be accepted from a transfer.' });
}

function noFeeDue(): AppError {
  return new AppError(409, 'no_fee_due', { vi: 'Hồ sơ không có khoản phí, lệ phí nào chưa nộp.', en: 'The dossier has no unpaid fee.' });
}
