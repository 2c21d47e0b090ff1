import { COMPONENT_KIND_LABELS } from '../forms.js';
import { trackingUrl, vnd } from '../format.js';
import { timeLimitLabel } from '../data.js';
import { addressee, dossierLine, startForm, when, type FormRenderer, type RenderInput } from './common.js';

/** Received components grouped by part and kind, with how many of each (tên giấy tờ, hình thức, số lượng). */
export function receivedComponents(input: RenderInput): string[][] {
  const names = new Map(input.data.version.components.map((c) => [c.code, c.name]));
  const groups = new Map<string, { name: string; kind: keyof typeof COMPONENT_KIND_LABELS; count: number }>();
  for (const c of input.data.components) {
    const key = `${c.component_code}\u0000${c.kind}`;
    const group = groups.get(key) ?? { name: names.get(c.component_code) ?? c.component_code, kind: c.kind, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()].map((g, i) => [String(i + 1), g.name, COMPONENT_KIND_LABELS[g.kind], String(g.count)]);
}

const FEE_STATUS = { none: 'Không thu phí, lệ phí', unpaid: 'Chưa nộp', paid: 'Đã nộp', exempt: 'Được miễn' } as const;

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export const renderReceipt: FormRenderer = async (input) => {
  const { dossier, receiving } = input.data;
  const due = dossier.due_at;
  const pdf = startForm('receipt', input, [`tiếp nhận ${when(dossier.received_at)}`, `hẹn trả ${when(due)}`]);
  pdf.paragraph(`${receiving?.name ?? 'Bộ phận tiếp nhận và trả kết quả'} đã tiếp nhận hồ sơ của:`);
  addressee(pdf, input);
  dossierLine(pdf, input);
  pdf.paragraph('Thành phần hồ sơ đã nhận:', { bold: true });
  pdf.table(
    [
      { header: 'STT', width: 6 },
      { header: 'Tên giấy tờ', width: 58 },
      { header: 'Hình thức', width: 20 },
      { header: 'Số lượng', width: 12 },
    ],
    receivedComponents(input),
  );
  pdf.field('Thời hạn giải quyết', timeLimitLabel(input.data.version));
  pdf.field('Thời gian nhận hồ sơ', when(dossier.received_at));
  pdf.field('Thời gian trả kết quả giải quyết hồ sơ', when(due));
  if (dossier.due_explanation) pdf.paragraph(dossier.due_explanation.vi, { italic: true, size: 9.5 });
  const fee = Number(dossier.fee_total);
  pdf.field('Phí, lệ phí', fee > 0 ? `${vnd(fee)} (${FEE_STATUS[dossier.fee_status]})` : FEE_STATUS[dossier.fee_status === 'exempt' ? 'exempt' : 'none']);
  if (fee > 0 && dossier.payment_reference && dossier.fee_status === 'unpaid') {
    pdf.field('Mã thanh toán (ghi vào nội dung chuyển khoản)', dossier.payment_reference);
  }
  pdf.field('Nơi trả kết quả', receiving ? [receiving.name, receiving.address].filter(Boolean).join(', ') : '—');
  if (receiving?.phone) pdf.field('Số điện thoại liên hệ', receiving.phone);
  if (dossier.code) pdf.qr(trackingUrl(input.publicUrl, dossier.code), `Quét mã để tra cứu tình trạng hồ sơ: ${trackingUrl(input.publicUrl, dossier.code)}`);
  pdf.paragraph('Vào thời gian hẹn trả kết quả, đề nghị ông/bà mang theo giấy tiếp nhận này khi đến nhận kết quả tại Bộ phận Một cửa (nếu nhận trực tiếp).', { italic: true, size: 9.5 });
  pdf.signature('Người tiếp nhận hồ sơ', input.signerName);
  return pdf.finish();
};
