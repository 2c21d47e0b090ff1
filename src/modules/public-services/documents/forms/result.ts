import { dossierLine, startForm, type FormRenderer } from './common.js';

/** A result written from a template when no signed file is uploaded: title, number, text, issuer, date. */
export const renderResult: FormRenderer = async (input) => {
  const { dossier, version } = input.data;
  const title = input.extras.resultTitle ?? version.result_name;
  const pdf = startForm('result', input, [title]);
  pdf.title(title);
  pdf.field('Người được cấp', dossier.applicant.organisation ?? dossier.applicant.name);
  dossierLine(pdf, input);
  for (const para of (input.extras.resultText ?? '').split(/\n{2,}/).filter((p) => p.trim())) pdf.paragraph(para.trim());
  pdf.field('Cơ quan ban hành', input.issuer?.name ?? '—');
  pdf.signature('Thủ trưởng cơ quan', input.signerName);
  return pdf.finish();
};
