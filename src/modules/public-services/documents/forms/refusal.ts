import { addressee, dossierLine, startForm, type FormRenderer } from './common.js';

/** Mẫu 03: the dossier is not accepted for handling, with every reason. */
export const renderRefusal: FormRenderer = async (input) => {
  const reasons = input.extras.reasons ?? [];
  const pdf = startForm('refusal', input, reasons);
  addressee(pdf, input);
  dossierLine(pdf, input);
  pdf.paragraph('Sau khi xem xét, đối chiếu với quy định, cơ quan không tiếp nhận giải quyết hồ sơ vì các lý do sau:', { bold: true });
  pdf.numbered(reasons);
  pdf.paragraph('Xin thông báo để ông/bà được biết và thực hiện.', { size: 10 });
  pdf.signature('Người tiếp nhận hồ sơ', input.signerName);
  return pdf.finish();
};
