import type { Bilingual } from '../tables.js';
import { vietnamDateTime } from './clock.js';

export interface WatchedDossier {
  code: string | null;
  procedureName: string;
  agencyName: string;
  dueAt: Date;
}

function label(d: WatchedDossier): string {
  return d.code ?? d.procedureName;
}

export function reminderText(d: WatchedDossier): { title: Bilingual; body: Bilingual } {
  const at = vietnamDateTime(d.dueAt);
  return {
    title: { vi: `Hồ sơ ${label(d)} sắp đến hạn trả kết quả`, en: `Dossier ${label(d)} is nearly due` },
    body: {
      vi: `Hồ sơ ${label(d)} (${d.procedureName}) đến hạn trả kết quả lúc ${at}. Nếu không kịp, hãy gửi thư xin lỗi và hẹn lại (Mẫu 04) trước hạn; quá hạn, hồ sơ sẽ được báo cáo lãnh đạo đơn vị.`,
      en: `Dossier ${label(d)} (${d.procedureName}) is due at ${at}, Vietnam time. If it cannot be met, send the apology letter with a new date (form 04) before then; once overdue it is reported to the head of the unit.`,
    },
  };
}

export function escalationText(d: WatchedDossier): { title: Bilingual; body: Bilingual } {
  const at = vietnamDateTime(d.dueAt);
  return {
    title: { vi: `Hồ sơ ${label(d)} đã quá hạn`, en: `Dossier ${label(d)} is overdue` },
    body: {
      vi: `Hồ sơ ${label(d)} (${d.procedureName}) do ${d.agencyName} giải quyết đã quá hạn trả kết quả (${at}). Đề nghị đôn đốc xử lý.`,
      en: `Dossier ${label(d)} (${d.procedureName}), handled by ${d.agencyName}, passed its due date (${at}, Vietnam time). Please follow it up.`,
    },
  };
}
