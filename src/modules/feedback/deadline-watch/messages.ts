import type { Bilingual } from '../tables.js';
import type { DeadlineKind } from './rule.js';

const VIETNAM_OFFSET_MS = 7 * 3600_000;
const two = (n: number) => String(n).padStart(2, '0');

/** 17:00 02/12/2026: the wall clock in Vietnam, as people there read a deadline. */
export function vietnamDateTime(instant: Date): string {
  const l = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return `${two(l.getUTCHours())}:${two(l.getUTCMinutes())} ${two(l.getUTCDate())}/${two(l.getUTCMonth() + 1)}/${l.getUTCFullYear()}`;
}

const CLOCK: Record<DeadlineKind, Bilingual> = {
  accept: { vi: 'hạn tiếp nhận', en: 'acceptance deadline' },
  resolve: { vi: 'hạn xử lý', en: 'resolution deadline' },
};

export function reminderText(trackingCode: string, kind: DeadlineKind, deadline: Date): { title: Bilingual; body: Bilingual } {
  const at = vietnamDateTime(deadline);
  return {
    title: { vi: `Sắp đến ${CLOCK[kind].vi} phản ánh ${trackingCode}`, en: `Report ${trackingCode}: ${CLOCK[kind].en} approaching` },
    body: {
      vi: `Phản ánh ${trackingCode} đến ${CLOCK[kind].vi} lúc ${at}. Quá hạn, phản ánh sẽ được chuyển lên cơ quan cấp trên.`,
      en: `Report ${trackingCode} reaches its ${CLOCK[kind].en} at ${at} (Vietnam time). Once overdue it is escalated to the supervising agency.`,
    },
  };
}

export function escalationText(trackingCode: string, kind: DeadlineKind, deadline: Date, from: string, to: string): { title: Bilingual; body: Bilingual } {
  const at = vietnamDateTime(deadline);
  return {
    title: { vi: `Phản ánh ${trackingCode} quá hạn, đã chuyển cấp trên`, en: `Report ${trackingCode} is overdue and was escalated` },
    body: {
      vi: `Phản ánh ${trackingCode} do ${from} xử lý đã quá ${CLOCK[kind].vi} (${at}) và được chuyển lên ${to} theo dõi, đôn đốc.`,
      en: `Report ${trackingCode}, handled by ${from}, passed its ${CLOCK[kind].en} (${at}, Vietnam time) and was escalated to ${to} for follow-up.`,
    },
  };
}
