import { addressee, dossierLine, startForm, type FormRenderer } from './common.js';

/** Mẫu 05 (2025 set): handling of the dossier stops, with the reason. */
export const renderStopNotice: FormRenderer = async (input) => {
  const pdf = startForm('stop_notice', input);
  addressee(pdf, input);
  dossierLine(pdf, input);
  pdf.paragraph(`${input.issuer?.name ?? 'Cơ quan giải quyết'} thông báo dừng giải quyết hồ sơ nêu trên.`);
  pdf.field('Lý do', input.extras.reason ?? '—');
  pdf.paragraph('Ông/bà có thể liên hệ Bộ phận tiếp nhận và trả kết quả để nhận lại hồ sơ hoặc được hướng dẫn.', { size: 10 });
  pdf.signature('Thủ trưởng cơ quan', input.signerName);
  return pdf.finish();
};
