import { addressee, dossierLine, startForm, when, type FormRenderer } from './common.js';

/** Mẫu 02 before receipt: every missing or incomplete item listed at once, so one round is enough. */
export const renderCompletionRequest: FormRenderer = async (input) => {
  const missing = input.extras.missing ?? [];
  const pdf = startForm('completion_request', input, missing);
  addressee(pdf, input);
  dossierLine(pdf, input);
  if (input.data.dossier.submitted_at) pdf.field('Ngày nộp', when(input.data.dossier.submitted_at));
  pdf.paragraph('Sau khi xem xét, hồ sơ chưa đầy đủ, hợp lệ. Đề nghị ông/bà bổ sung, hoàn thiện các nội dung sau:', { bold: true });
  pdf.numbered(missing);
  pdf.paragraph('Lý do: theo quy định của thủ tục hành chính, hồ sơ phải có đủ các giấy tờ và nội dung nêu trên. Mọi yêu cầu bổ sung được nêu đầy đủ một lần trong phiếu này.', { italic: true, size: 9.5 });
  pdf.paragraph('Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ Bộ phận tiếp nhận và trả kết quả để được hướng dẫn.', { size: 10 });
  pdf.signature('Người hướng dẫn', input.signerName);
  return pdf.finish();
};
