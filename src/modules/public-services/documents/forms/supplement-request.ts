import { addressee, dossierLine, startForm, when, type FormRenderer } from './common.js';

/** Mẫu 02 during handling: what to add; the clock stops until the applicant supplies it. */
export const renderSupplementRequest: FormRenderer = async (input) => {
  const { dossier } = input.data;
  const missing = input.extras.missing ?? [];
  const pdf = startForm('supplement_request', input, missing);
  addressee(pdf, input);
  dossierLine(pdf, input);
  pdf.field('Ngày hẹn trả kết quả hiện tại', when(dossier.due_at));
  pdf.paragraph('Trong quá trình giải quyết, cơ quan đề nghị ông/bà bổ sung, hoàn thiện các nội dung sau:', { bold: true });
  pdf.numbered(missing);
  if (input.extras.reason) pdf.field('Lý do', input.extras.reason);
  pdf.paragraph('Thời gian chờ ông/bà bổ sung không tính vào thời hạn giải quyết; ngày hẹn trả được lùi tương ứng khi hồ sơ được bổ sung đầy đủ.', { italic: true, size: 9.5 });
  pdf.signature('Cán bộ giải quyết', input.signerName);
  return pdf.finish();
};
