/**
 * Documents the one-stop unit issues, as PDF with a QR code to the tracking page (CONTRACT —
 * implemented by the documents folder). `issueDocument` renders from the dossier's own data (procedure
 * version, agencies, trail), stores the file, records a `dossier_documents` row with its SHA-256 and
 * returns it — inside the caller's transaction.
 */
import type { AppContext } from '../../../platform/http/module.js';
import type { DocumentKind, PsTrx } from '../tables.js';
import type { Actor, DossierRow } from '../dossiers/transition.js';

export interface DocumentExtras {
  /** Mẫu 02 / supplement request: everything missing, listed at once. */
  missing?: string[];
  /** Mẫu 03 refusal: the reasons. */
  reasons?: string[];
  /** Mẫu 04 apology, Mẫu 05 stop notice: the reason. */
  reason?: string;
  /** Mẫu 04: the new date promised. */
  newDueAt?: Date;
  /** A result drawn from a template: its title and text. */
  resultTitle?: string;
  resultText?: string;
  resultNumber?: string;
}

export interface IssuedDocument {
  id: string;
  kind: DocumentKind;
  fileId: string;
  sha256: string;
  number: string | null;
}

export async function issueDocument(_trx: PsTrx, _ctx: AppContext, _dossier: DossierRow, _kind: DocumentKind, _extras: DocumentExtras, _actor: Actor): Promise<IssuedDocument> {
  throw new Error('not implemented');
}

/** The control sheet (phiếu kiểm soát) rendered from the trail on demand, not stored. */
export async function renderControlSheet(_ctx: AppContext, _dossierId: string): Promise<Buffer> {
  throw new Error('not implemented');
}
