import type { MailMessage } from '../../../platform/notifications/mail.js';
import { confirmLink, oneClickUnsubscribeUrl, reportPath, unsubscribeLink } from './links.js';
import type { Target } from './target.js';

/** Mails about subscriptions: Vietnamese first, then English; never anyone's name or contact. */

const SIGNATURE = '—\nTỉnh Số · Phản ánh hiện trường / Citizen field reports';

function targetLink(publicUrl: string, target: Target): string {
  return target.trackingCode ? `\n${publicUrl}${reportPath(target.trackingCode)}` : '';
}

export function confirmationMail(publicUrl: string, to: string, target: Target, token: string): MailMessage {
  const confirm = confirmLink(publicUrl, token);
  const stop = unsubscribeLink(publicUrl, token);
  return {
    to,
    subject: `Xác nhận theo dõi ${target.label.vi} / Confirm your subscription`,
    text: [
      `Có người (có thể là bạn) đã đăng ký nhận thư về ${target.label.vi}.${targetLink(publicUrl, target)}`,
      `Để bắt đầu nhận thư, hãy mở liên kết xác nhận:\n${confirm}`,
      'Nếu không phải bạn, hãy bỏ qua thư này: bạn sẽ không nhận thêm thư nào.',
      `Somebody (probably you) asked for e-mail about ${target.label.en}. To start receiving it, open the confirmation link above. If it was not you, ignore this message: nothing more will be sent.`,
      `Hủy / Unsubscribe: ${stop}`,
      SIGNATURE,
    ].join('\n\n'),
  };
}

/** Sent when an address subscribes again to what it already follows: the same answer on the web, a reminder here. */
export function alreadyFollowingMail(publicUrl: string, to: string, target: Target, token: string): MailMessage {
  const stop = unsubscribeLink(publicUrl, token);
  return {
    to,
    subject: `Bạn đang theo dõi ${target.label.vi} / You already follow this`,
    text: [
      `Địa chỉ này đã đăng ký nhận thư về ${target.label.vi}; không cần đăng ký lại.${targetLink(publicUrl, target)}`,
      `This address already receives e-mail about ${target.label.en}; nothing else to do.`,
      `Hủy / Unsubscribe: ${stop}`,
      SIGNATURE,
    ].join('\n\n'),
  };
}

export interface DigestLine {
  at: Date;
  trackingCode: string;
  kindLabel: { vi: string; en: string };
  category: { vi: string; en: string };
  communeName: string;
}

/** dd/mm/yyyy hh:mm in Vietnam time (UTC+7, no daylight saving). */
export function vietnamDateTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** One mail listing what happened since the last one; only public facts (code, category, commune, step). */
export function digestMail(publicUrl: string, to: string, target: Target, lines: DigestLine[], token: string, more: boolean): MailMessage {
  const row = (l: DigestLine, lang: 'vi' | 'en') => `• ${vietnamDateTime(l.at)} — ${l.trackingCode} — ${l.category[lang]} — ${l.communeName}: ${l.kindLabel[lang]}\n  ${publicUrl}${reportPath(l.trackingCode)}`;
  const subject = target.scope === 'report' ? `Cập nhật ${target.label.vi} / Update on ${target.label.en}` : `${lines.length} cập nhật: ${target.label.vi} / ${lines.length} updates: ${target.label.en}`;
  const moreNote = more ? ['Còn cập nhật khác; chúng sẽ đến trong thư sau. / More updates follow in the next mail.'] : [];
  return {
    to,
    subject,
    unsubscribeUrl: oneClickUnsubscribeUrl(publicUrl, token),
    text: [
      `Cập nhật mới về ${target.label.vi}:`,
      lines.map((l) => row(l, 'vi')).join('\n'),
      ...moreNote,
      `New updates about ${target.label.en}:`,
      lines.map((l) => row(l, 'en')).join('\n'),
      `Hủy nhận thư / Unsubscribe: ${unsubscribeLink(publicUrl, token)}`,
      SIGNATURE,
    ].join('\n\n'),
  };
}

const KIND_LABELS: Record<string, { vi: string; en: string }> = {
  received: { vi: 'phản ánh mới', en: 'new report' },
  accept: { vi: 'đã tiếp nhận', en: 'accepted' },
  refuse: { vi: 'bị từ chối', en: 'refused' },
  start: { vi: 'đang xử lý', en: 'in progress' },
  resolve: { vi: 'đã có kết quả xử lý', en: 'result given' },
  close: { vi: 'đã đóng', en: 'closed' },
  transfer: { vi: 'chuyển cho cơ quan khác', en: 'sent to another agency' },
  rated: { vi: 'người phản ánh đã đánh giá', en: 'rated by the reporter' },
  reopened: { vi: 'được mở lại', en: 'reopened' },
  escalated: { vi: 'quá hạn, đã báo cơ quan cấp trên', en: 'overdue, raised to the supervising agency' },
  merged_in: { vi: 'gộp thêm một phản ánh trùng', en: 'a duplicate report merged in' },
};

export function kindLabel(kind: string): { vi: string; en: string } {
  return KIND_LABELS[kind] ?? { vi: 'có cập nhật', en: 'updated' };
}
