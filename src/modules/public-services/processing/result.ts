import type { AppContext } from '../../../platform/http/module.js';
import { storeUpload } from '../../../platform/files/file-service.js';
import { issueDocument } from '../documents/index.js';
import { applyTransition, type DossierRow } from '../dossiers/transition.js';
import { FINISHED, RETURNED } from '../statuses.js';
import { platformTrx, type Bilingual, type Channel, type PsTrx } from '../tables.js';
import { runCommand, type Caller } from './command.js';
import type { ResultJson } from './schemas.js';

export type ResultInput =
  | ({ kind: 'template' } & ResultJson)
  | { kind: 'file'; outcome: 'approved' | 'rejected'; resultNumber: string; buffer: Buffer; filename: string };

/** An uploaded (signed, scanned) result: stored through the files service, recorded with the hash of the stored bytes. */
async function recordUploadedResult(ctx: AppContext, trx: PsTrx, dossier: DossierRow, input: Extract<ResultInput, { kind: 'file' }>, caller: Caller, at: Date) {
  const stored = await storeUpload(ctx, platformTrx(trx), { buffer: input.buffer, filename: input.filename, ownerUserId: dossier.applicant_user_id, purpose: 'attachment', actor: caller.actor });
  const row = await trx
    .insertInto('dossier_documents')
    .values({ dossier_id: dossier.id, kind: 'result', number: input.resultNumber, file_id: stored.id, sha256: stored.sha256, created_by: caller.actor.userId, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, fileId: stored.id, sha256: stored.sha256 };
}

/**
 * The decision (kết quả giải quyết): status 9 "finished", with its number, file and SHA-256. The result
 * is an uploaded file, or drawn from a template by the documents service.
 */
export async function issueResult(ctx: AppContext, caller: Caller, id: string, input: ResultInput, at = new Date()): Promise<{ dossier: DossierRow; documentId: string }> {
  return runCommand(ctx, caller, id, 'issue_result', at, async ({ trx, dossier }) => {
    const document =
      input.kind === 'file'
        ? await recordUploadedResult(ctx, trx, dossier, input, caller, at)
        : await issueDocument(trx, ctx, dossier, 'result', { resultTitle: input.title, resultText: input.text, resultNumber: input.resultNumber }, caller.actor);
    const after = await applyTransition(trx, ctx, dossier, caller.actor, {
      action: 'issue_result',
      to: FINISHED,
      subState: null,
      changes: { finished_at: at, outcome: input.outcome, result_number: input.resultNumber, result_file_id: document.fileId, result_sha256: document.sha256 },
      publicNote: { vi: 'Hồ sơ đã giải quyết xong, có kết quả.', en: 'The dossier is decided; the result is ready.' },
      data: { documentId: document.id, outcome: input.outcome, source: input.kind },
      at,
    });
    return { dossier: after, documentId: document.id };
  });
}

const RETURN_NOTES: Record<Channel, Bilingual> = {
  counter: { vi: 'Kết quả đã được trả tại Bộ phận Một cửa.', en: 'The result was handed over at the one-stop counter.' },
  post: { vi: 'Kết quả đã được gửi qua dịch vụ bưu chính công ích.', en: 'The result was sent by post.' },
  online: { vi: 'Kết quả điện tử đã được trả vào tài khoản của người nộp.', en: 'The electronic result was delivered to the applicant’s account.' },
};

/** Delivery of the result (trả kết quả): status 10, distinct from "finished", with the method and a note (e.g. postal tracking number). */
export async function returnResult(ctx: AppContext, caller: Caller, id: string, input: { method: Channel; note?: string | undefined }, at = new Date()): Promise<DossierRow> {
  return runCommand(ctx, caller, id, 'return', at, async ({ trx, dossier }) =>
    applyTransition(trx, ctx, dossier, caller.actor, {
      action: 'return',
      to: RETURNED,
      changes: { returned_at: at, delivery_method: input.method, delivery_note: input.note ?? null },
      comment: input.note ?? null,
      publicNote: RETURN_NOTES[input.method],
      data: { method: input.method },
      at,
    }),
  );
}
