import type { Bilingual } from './tables.js';

/**
 * The national dossier statuses (TrangThaiHoSo) every provincial system syncs to the National Public
 * Service Portal; 0 is our own "draft, not yet submitted".
 */
export const NATIONAL_STATUSES = {
  0: { vi: 'Bản nháp', en: 'Draft' },
  1: { vi: 'Mới đăng ký', en: 'Submitted' },
  2: { vi: 'Được tiếp nhận', en: 'Received' },
  3: { vi: 'Không được tiếp nhận', en: 'Refused at receipt' },
  4: { vi: 'Đang xử lý', en: 'In progress' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the applicant' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Finished' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
} as const satisfies Record<number, Bilingual>;

export type NationalStatus = keyof typeof NATIONAL_STATUSES;

export const DRAFT = 0 as const;
export const SUBMITTED = 1 as const;
export const RECEIVED = 2 as const;
export const REFUSED = 3 as const;
export const IN_PROGRESS = 4 as const;
export const SUPPLEMENT_REQUESTED = 5 as const;
export const PAYMENT_REQUESTED = 6 as const;
export const WITHDRAWN = 7 as const;
export const STOPPED = 8 as const;
export const FINISHED = 9 as const;
export const RETURNED = 10 as const;

/** Received and not finished: the clock is (or may be) running. */
export const OPEN_STATUSES: readonly number[] = [RECEIVED, IN_PROGRESS, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED];
/** Where a received dossier's handling ends, for on-time judgement (766 indicator 2.1). */
export const END_STATUSES: readonly number[] = [WITHDRAWN, STOPPED, FINISHED, RETURNED];

/**
 * Internal sub-states within "in progress" (Đang xử lý), in the usual order of an internal process.
 * They are ours; the national sync sees only status 4.
 */
export const SUB_STATES = {
  assigned: { vi: 'Đã phân công', en: 'Assigned' },
  appraisal: { vi: 'Đang thẩm định', en: 'Under appraisal' },
  consultation: { vi: 'Đang xin ý kiến', en: 'Consulting other agencies' },
  awaiting_signature: { vi: 'Chờ ký duyệt', en: 'Awaiting signature' },
  signed: { vi: 'Đã ký', en: 'Signed' },
  transferred: { vi: 'Đã chuyển liên thông', en: 'Transferred to another agency' },
  completion_requested: { vi: 'Yêu cầu hoàn thiện hồ sơ', en: 'Completion requested before receipt' },
} as const satisfies Record<string, Bilingual>;

export type SubState = keyof typeof SUB_STATES;

export function statusLabel(status: number): Bilingual {
  return NATIONAL_STATUSES[status as NationalStatus] ?? { vi: String(status), en: String(status) };
}
