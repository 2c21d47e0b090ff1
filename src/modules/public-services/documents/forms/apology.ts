import { vnDateTime } from '../format.js';
import { addressee, dossierLine, startForm, when, type FormRenderer } from './common.js';

/**
 * Mẫu 04: the apology with a new date. The original due date is printed as it was promised: the
 * letter never moves it, and the dossier still counts as late.
 */
export const renderApology: FormRenderer = async (input) => {
  const { dossier } = input.data;
  const newDue = input.extras.newDueAt ?? dossier.extended_due_at;
  const pdf = startForm('apology', input, [`hẹn trả ban đầu ${when(dossier.due_at)}`, `hẹn lại ${when(newDue)}`]);
  addressee(pdf, input);
  dossierLine(pdf, input);
  pdf.field('Ngày hẹn trả kết quả ban đầu', when(dossier.due_at));
  pdf.paragraph(`Hồ sơ của ông/bà không giải quyết được đúng thời hạn đã hẹn vì lý do: ${input.extras.reason ?? '—'}.`);
  pdf.paragraph(`${input.issuer?.name ?? 'Cơ quan giải quyết'} xin lỗi ông/bà vì sự chậm trễ này và xin hẹn lại thời gian trả kết quả:`);
  pdf.field('Ngày hẹn trả kết quả mới', newDue ? vnDateTime(newDue) : '—');
  pdf.paragraph('Mong ông/bà thông cảm.', { size: 10 });
  pdf.signature('Thủ trưởng cơ quan', input.signerName);
  return pdf.finish();
};
