/**
 * Documents the one-stop unit issues, as PDF with a QR code to the tracking page (CONTRACT —
 * implemented by the documents folder). `issueDocument` renders from the dossier's own data (procedure
 * version, agencies, trail), stores the file, records a `dossier_documents` row with its SHA-256 and
 * returns it — inside the caller's transaction.
 */
import type { AppContext } from '../../../platform/http/module.js';
import { defineUploadPurpose } from '../../../platform/files/upload-policy.js';
import { storeUpload } from '../../../platform/files/file-service.js';
import { dossierNotFound, type Actor, type DossierRow } from '../dossiers/transition.js';
import { platformTrx, psDb, type DocumentKind, type PsDb, type PsTrx } from '../tables.js';
import { loadDocumentData, userName, type DocumentData } from './data.js';
import { FORMS } from './forms.js';
import { nextDocumentNumber } from './numbering.js';
import type { FormRenderer, RenderInput } from './forms/common.js';
import { renderReceipt } from './forms/receipt.js';
import { renderCompletionRequest } from './forms/completion-request.js';
import { renderRefusal } from './forms/refusal.js';
import { renderApology } from './forms/apology.js';
import { renderStopNotice } from './forms/stop-notice.js';
import { renderSupplementRequest } from './forms/supplement-request.js';
import { renderResult } from './forms/result.js';
import { controlSheetRenderer, handoverRows, type HandoverRow } from './forms/control-sheet.js';

export { registerDocumentRoutes } from './routes.js';
export { trackingUrl } from './format.js';

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

/** Generated PDFs go through the platform's file service (local disk or S3) under their own purpose. */
export const DOCUMENT_PURPOSE = 'dossier-document';
defineUploadPurpose(DOCUMENT_PURPOSE, { accept: ['application/pdf'] });

type FixedKind = Exclude<DocumentKind, 'control_sheet'>;
const RENDERERS: Record<FixedKind, FormRenderer> = {
  receipt: renderReceipt,
  completion_request: renderCompletionRequest,
  refusal: renderRefusal,
  apology: renderApology,
  stop_notice: renderStopNotice,
  supplement_request: renderSupplementRequest,
  result: renderResult,
};

/**
 * Renders, numbers and stores one document. Pass the dossier as it is after the command (with its
 * code and due date): the form prints what the row says.
 */
export async function issueDocument(trx: PsTrx, ctx: AppContext, dossier: DossierRow, kind: DocumentKind, extras: DocumentExtras, actor: Actor): Promise<IssuedDocument> {
  const issuedAt = new Date();
  const data = await loadDocumentData(trx, dossier);
  const spec = FORMS[kind];
  const issuer = spec.byReceiving ? data.receiving : data.handling;
  let number: string | null = null;
  if (kind === 'result' && extras.resultNumber) number = extras.resultNumber;
  else if (spec.symbol && issuer) number = await nextDocumentNumber(trx, spec.symbol, issuer.code, issuedAt);
  const render = kind === 'control_sheet' ? controlSheetRenderer(await controlSheetRows(trx, data)) : RENDERERS[kind];
  const input: RenderInput = { data, extras, number, issuedAt, issuer, signerName: await userName(trx, actor.userId), publicUrl: ctx.config.publicUrl };
  const pdf = await render(input);
  const stored = await storeUpload(ctx, platformTrx(trx), {
    buffer: pdf,
    filename: `${kind}-${dossier.code ?? dossier.id}.pdf`,
    ownerUserId: null,
    purpose: DOCUMENT_PURPOSE,
    actor,
  });
  const row = await trx
    .insertInto('dossier_documents')
    .values({ dossier_id: dossier.id, kind, number, file_id: stored.id, sha256: stored.sha256, created_at: issuedAt, created_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit.record(platformTrx(trx), {
    actor,
    action: 'dossier.document_issued',
    targetType: 'dossier',
    targetId: dossier.id,
    subjectUserId: dossier.applicant_user_id,
    details: { documentId: row.id, kind, number, sha256: stored.sha256 },
  });
  return { id: row.id, kind, fileId: stored.id, sha256: stored.sha256, number };
}

/** The handover rows of a dossier's control sheet, from its trail. */
export async function controlSheetRows(db: PsDb | PsTrx, data: DocumentData): Promise<HandoverRow[]> {
  const events = await db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', data.dossier.id).orderBy('id').execute();
  const userIds = new Set<string>();
  const agencyIds = new Set<string>();
  for (const e of events) {
    if (e.actor_user_id) userIds.add(e.actor_user_id);
    if (typeof e.data.assigneeId === 'string') userIds.add(e.data.assigneeId);
    if (e.agency_id) agencyIds.add(e.agency_id);
    if (e.to_agency_id) agencyIds.add(e.to_agency_id);
  }
  const users = userIds.size ? await db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', [...userIds]).execute() : [];
  const agencies = agencyIds.size ? await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', [...agencyIds]).execute() : [];
  return handoverRows(events, {
    users: new Map(users.map((u) => [u.id, u.full_name])),
    agencies: new Map(agencies.map((a) => [a.id, a.name])),
    steps: new Map(data.version.process.map((p) => [p.step, p.name])),
    receivingName: data.receiving?.name ?? '',
  });
}

/** The control sheet (phiếu kiểm soát) rendered from the trail on demand, not stored. */
export async function renderControlSheet(ctx: AppContext, dossierId: string): Promise<Buffer> {
  const db = psDb(ctx.db);
  const dossier = await db.selectFrom('dossiers').selectAll().where('id', '=', dossierId).executeTakeFirst();
  if (!dossier) throw dossierNotFound();
  const data = await loadDocumentData(db, dossier);
  const render = controlSheetRenderer(await controlSheetRows(db, data));
  return render({ data, extras: {}, number: null, issuedAt: new Date(), issuer: data.receiving, signerName: null, publicUrl: ctx.config.publicUrl });
}
