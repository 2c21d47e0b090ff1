import type { Bilingual } from '../tables.js';
import { vietnamDateTime } from './clock.js';

export interface WatchedDossier {
  code: string | null;
  procedureName: string;
  agencyName: string;
  /** The due time watched: the dossier's, or for a step warning the step's. */
  dueAt: Date;
  /** Step warnings: the step number (current_step) and the dossier's own due date. */
  step?: number | null;
  dossierDueAt?: Date | null;
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

export function stepReminderText(d: WatchedDossier): { title: Bilingual; body: Bilingual } {
  const at = vietnamDateTime(d.dueAt);
  return {
    title: { vi: `Hồ sơ ${label(d)}: bước xử lý ${d.step ?? ''} sắp đến hạn`.replace('  ', ' '), en: `Dossier ${label(d)}: step ${d.step ?? ''} is nearly due`.replace('  ', ' ') },
    body: {
      vi: `Bước xử lý tại ${d.agencyName} của hồ sơ ${label(d)} (${d.procedureName}) đến hạn lúc ${at}${dossierDue(d, 'vi')}. Quá hạn bước, lãnh đạo đơn vị sẽ được báo.`,
      en: `The step at ${d.agencyName} of dossier ${label(d)} (${d.procedureName}) is due at ${at}, Vietnam time${dossierDue(d, 'en')}. Once the step is overdue the head of the unit is told.`,
    },
  };
}

export function stepOverdueText(d: WatchedDossier): { title: Bilingual; body: Bilingual } {
  const at = vietnamDateTime(d.dueAt);
  return {
    title: { vi: `Hồ sơ ${label(d)}: bước xử lý ${d.step ?? ''} đã quá hạn`.replace('  ', ' '), en: `Dossier ${label(d)}: step ${d.step ?? ''} is overdue`.replace('  ', ' ') },
    body: {
      vi: `Bước xử lý tại ${d.agencyName} của hồ sơ ${label(d)} (${d.procedureName}) đã quá hạn (${at}); hồ sơ chưa quá hạn trả kết quả${dossierDue(d, 'vi')}. Đề nghị đôn đốc để hồ sơ không bị trễ.`,
      en: `The step at ${d.agencyName} of dossier ${label(d)} (${d.procedureName}) passed its due time (${at}, Vietnam time); the dossier is not late yet${dossierDue(d, 'en')}. Please follow it up before it is.`,
    },
  };
}

function dossierDue(d: WatchedDossier, lang: 'vi' | 'en'): string {
  if (!d.dossierDueAt) return '';
  const at = vietnamDateTime(d.dossierDueAt);
  return lang === 'vi' ? ` (hạn trả kết quả của hồ sơ: ${at})` : ` (the dossier is due at ${at})`;
}
