import type { DocumentKind } from '../../tables.js';
import type { DocumentExtras } from '../index.js';
import type { AgencyRow, DocumentData } from '../data.js';
import { FORMS } from '../forms.js';
import { vnDate, vnDateTime } from '../format.js';
import { FormPdf } from '../pdf.js';

export interface RenderInput {
  data: DocumentData;
  extras: DocumentExtras;
  number: string | null;
  issuedAt: Date;
  /** The agency in whose name the form is issued, and the officer who issues it. */
  issuer: AgencyRow | null;
  signerName: string | null;
  publicUrl: string;
}

export type FormRenderer = (input: RenderInput) => Promise<Buffer>;

/** Opens a form: metadata with its key facts, the form label, the national header and the title. */
export function startForm(kind: DocumentKind, input: RenderInput, facts: string[] = []): FormPdf {
  const spec = FORMS[kind];
  const { dossier } = input.data;
  const agency = input.issuer?.name ?? '';
  const keywords = [dossier.code ?? 'chưa cấp mã', agency, vnDate(input.issuedAt), ...(input.number ? [input.number] : []), ...facts];
  const pdf = new FormPdf({ title: spec.title, subject: `${spec.title} - ${dossier.code ?? ''}`.trim(), keywords, author: agency, createdAt: input.issuedAt });
  return pdf.formLabel(spec.label).nationalHeader(agency, input.number, input.issuedAt).title(spec.title);
}

/** Who the form is addressed to. The applicant's own copy: name and contacts are theirs to read. */
export function addressee(pdf: FormPdf, input: RenderInput): FormPdf {
  const a = input.data.dossier.applicant;
  pdf.field('Kính gửi', a.organisation ? `${a.organisation} (${a.name})` : a.name);
  if (a.address) pdf.field('Địa chỉ', a.address);
  if (a.phone) pdf.field('Số điện thoại', a.phone);
  if (a.email) pdf.field('Thư điện tử', a.email);
  return pdf;
}

export function dossierLine(pdf: FormPdf, input: RenderInput): FormPdf {
  const { dossier, version } = input.data;
  if (dossier.code) pdf.field('Mã hồ sơ', dossier.code);
  pdf.field('Thủ tục hành chính', `${version.name} (${dossier.procedure_code})`);
  if (dossier.received_at) pdf.field('Ngày tiếp nhận', vnDateTime(dossier.received_at));
  return pdf;
}

export const when = (at: Date | null | undefined): string => (at ? vnDateTime(at) : '—');
