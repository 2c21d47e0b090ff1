/**
 * Our report states mapped onto Open311 honestly (feedback README table, research §1.14). Core
 * Open311 has only `open`/`closed`, and FixMyStreet reads a plain `closed` as "fixed"; the extended
 * status is what tells "fixed" from "closed without a fix", "not ours" and "duplicate".
 */
import type { Open311Status } from './types.js';

export type FeedbackState = 'new' | 'accepted' | 'in_progress' | 'resolved' | 'closed' | 'refused';
export type FeedbackOutcome = 'fixed' | 'not_fixed' | 'not_ours' | 'duplicate' | 'refused';

/** mySociety extended statuses, UPPER CASE as POSTed (GET responses use the lower-case form). */
export type ExtendedStatus =
  | 'OPEN'
  | 'INVESTIGATING'
  | 'IN_PROGRESS'
  | 'ACTION_SCHEDULED'
  | 'FIXED'
  | 'NO_FURTHER_ACTION'
  | 'NOT_COUNCILS_RESPONSIBILITY'
  | 'INTERNAL_REFERRAL'
  | 'DUPLICATE'
  | 'CLOSED'
  | 'REOPEN';

export interface StatusInput {
  state: FeedbackState;
  outcome?: FeedbackOutcome | null;
  /** The report came back to the agency because the reporter reopened it. */
  reopened?: boolean;
  /** A not-ours report sent on to a body inside the province (FMS: INTERNAL_REFERRAL). */
  referredWithinProvince?: boolean;
}

export interface StatusMapping {
  status: Open311Status;
  extended: ExtendedStatus;
  /** Our own fine-grained code (`in_progress`, `fixed`, `reopened`, …): Open311 `external_status_code`. */
  code: string;
  notes: { vi: string; en: string };
}

const NOTES: Record<string, { vi: string; en: string }> = {
  new: { vi: 'Đã tiếp nhận phản ánh, đang phân loại.', en: 'Report received; being triaged.' },
  accepted: { vi: 'Đã chuyển đơn vị có trách nhiệm xử lý.', en: 'Assigned to the responsible agency.' },
  in_progress: { vi: 'Đơn vị đang xử lý.', en: 'The agency is handling the report.' },
  reopened: {
    vi: 'Người phản ánh đã mở lại phản ánh; đơn vị đang xử lý lại.',
    en: 'Reopened by the reporter; the agency is handling it again.',
  },
  resolved: {
    vi: 'Đơn vị đã xử lý, đang chờ người phản ánh xác nhận.',
    en: "Handled by the agency; awaiting the reporter's confirmation.",
  },
  fixed: { vi: 'Đã xử lý xong.', en: 'Fixed.' },
  not_fixed: { vi: 'Đã đóng, không xử lý được.', en: 'Closed without a fix.' },
  not_ours: {
    vi: 'Không thuộc thẩm quyền; đã chuyển đến cơ quan có thẩm quyền.',
    en: 'Not our responsibility; passed on to the responsible body.',
  },
  duplicate: { vi: 'Trùng với một phản ánh khác.', en: 'Duplicate of another report.' },
  refused: { vi: 'Phản ánh không được tiếp nhận.', en: 'The report was not accepted.' },
  closed: { vi: 'Đã đóng.', en: 'Closed.' },
};

const CLOSED_BY_OUTCOME: Record<FeedbackOutcome, ExtendedStatus> = {
  fixed: 'FIXED',
  not_fixed: 'NO_FURTHER_ACTION',
  not_ours: 'NOT_COUNCILS_RESPONSIBILITY',
  duplicate: 'DUPLICATE',
  refused: 'CLOSED',
};

function mapping(status: Open311Status, extended: ExtendedStatus, code: string): StatusMapping {
  return { status, extended, code, notes: NOTES[code]! };
}

/** The Open311 status, the extended status and default notes of a report. */
export function describeStatus(input: StatusInput): StatusMapping {
  switch (input.state) {
    case 'new':
      return mapping('open', 'OPEN', 'new');
    case 'accepted':
      return mapping('open', 'INVESTIGATING', 'accepted');
    case 'in_progress':
      return input.reopened ? mapping('open', 'REOPEN', 'reopened') : mapping('open', 'IN_PROGRESS', 'in_progress');
    case 'resolved':
      // Handled but not yet confirmed by the reporter: still open for Open311, so a client does not
      // announce "fixed" before the citizen agrees. It becomes FIXED when the report closes.
      return mapping('open', 'ACTION_SCHEDULED', 'resolved');
    case 'refused':
      return mapping('closed', 'CLOSED', 'refused');
    case 'closed': {
      const outcome = input.outcome;
      if (!outcome) return mapping('closed', 'CLOSED', 'closed');
      if (outcome === 'not_ours' && input.referredWithinProvince) return mapping('closed', 'INTERNAL_REFERRAL', 'not_ours');
      return mapping('closed', CLOSED_BY_OUTCOME[outcome], outcome);
    }
  }
}

/** The lower-case form GET servicerequestupdates uses (`in_progress`, `not_councils_responsibility`). */
export function lowerExtended(status: ExtendedStatus): string {
  return status.toLowerCase();
}

const KNOWN_EXTENDED = new Set<string>([
  'OPEN', 'INVESTIGATING', 'IN_PROGRESS', 'ACTION_SCHEDULED', 'FIXED', 'NO_FURTHER_ACTION',
  'NOT_COUNCILS_RESPONSIBILITY', 'INTERNAL_REFERRAL', 'DUPLICATE', 'CLOSED', 'REOPEN',
  // Accepted from clients though we never emit them:
  'UNCHANGED', 'PLANNED', 'CANCELLED', 'FOR_TRIAGE',
]);

/**
 * Reads an extended status as clients send it: `REOPEN`, `reopen`, `in progress`, `Not Councils
 * Responsibility`. Returns the UPPER_SNAKE form, or null when it is not one we know.
 */
export function parseExtendedStatus(text: string): string | null {
  const normal = text.trim().toUpperCase().replace(/[\s-]+/g, '_');
  return KNOWN_EXTENDED.has(normal) ? normal : null;
}

/** Default notes, followed by the case's own detail (a reason, the body it went to) when there is one. */
export function statusNotes(mapping: StatusMapping, lang: 'vi' | 'en', detail?: string | null): string {
  const base = mapping.notes[lang];
  const extra = detail?.trim();
  return extra ? `${base} ${extra}` : base;
}
