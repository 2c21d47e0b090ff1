import type { FastifyRequest } from 'fastify';
import { errors } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { storeUpload } from '../../../platform/files/file-service.js';
import { ACCEPTED_TYPES, defineUploadPurpose } from '../../../platform/files/upload-policy.js';
import { actorFor, assertCanRead, actsFor } from '../dossiers/access.js';
import { lockDossier, wrongStatus, type DossierRow } from '../dossiers/transition.js';
import { IN_PROGRESS, PAYMENT_REQUESTED, RECEIVED, SUPPLEMENT_REQUESTED } from '../statuses.js';
import { platformTrx, psDb, type PsTrx } from '../tables.js';
import { lockEditable } from './drafts.js';
import { isDigitised } from './receipt.js';
import type { UploadedComponentT } from './schemas.js';

/** Scans and uploads of dossier components: PDFs and photos of paper, checked by their bytes. */
export const COMPONENT_PURPOSE = 'dossier-component';
defineUploadPurpose(COMPONENT_PURPOSE, { accept: ACCEPTED_TYPES });

/** Enough for any real dossier, small enough that one dossier cannot fill the storage. */
export const MAX_FILES_PER_DOSSIER = 60;

export interface ComponentUpload {
  componentCode: string;
  buffer: Buffer;
  filename: string;
}

/** Applicant: while the dossier is theirs to change. Officer: scans of a received dossier (digitisation at receipt). */
export type UploadMode = 'applicant' | 'officer';

const OPEN: readonly number[] = [RECEIVED, IN_PROGRESS, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED];

/** Locks the dossier for an upload: 404 for those who may not see it, 403 for staff of other agencies, 409 out of turn. */
async function lockFor(trx: PsTrx, request: FastifyRequest, id: string, mode: UploadMode): Promise<DossierRow> {
  if (mode === 'applicant') return lockEditable(trx, request, id);
  const row = await lockDossier(trx, id);
  const p = request.principal;
  await assertCanRead(trx, p, row);
  if (!actsFor(p, row.receiving_agency_id) && !actsFor(p, row.handling_agency_id)) throw errors.forbidden();
  if (!OPEN.includes(row.status)) throw wrongStatus(row, 'add_scan');
  return row;
}

async function assertKnownComponent(trx: PsTrx, row: DossierRow, code: string): Promise<void> {
  const version = await trx.selectFrom('procedure_versions').select('components').where('id', '=', row.procedure_version_id).executeTakeFirstOrThrow();
  if (!version.components.some((c) => c.code === code)) {
    throw errors.badRequest('unknown_component', 'Thành phần hồ sơ không có trong thủ tục này.', 'This component is not part of the procedure.', [
      { field: 'componentCode', message: { vi: 'Chọn một thành phần trong danh sách của thủ tục.', en: 'Choose a component listed by the procedure.' } },
    ]);
  }
  const count = await trx.selectFrom('dossier_components').select((eb) => eb.fn.countAll<string>().as('n')).where('dossier_id', '=', row.id).where('file_id', 'is not', null).executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_FILES_PER_DOSSIER) throw errors.conflict('too_many_files', `Mỗi hồ sơ tối đa ${MAX_FILES_PER_DOSSIER} tệp.`, `At most ${MAX_FILES_PER_DOSSIER} files per dossier.`);
}

/**
 * Stores one file for a component. Access and the component are checked before the bytes are
 * cleaned and stored (outside any transaction: images are re-encoded), then again under the row lock
 * while the component row is written. An officer's scan fills the paper placeholder recorded at the
 * counter when there is one, is marked digitised, and may make the whole dossier count as digitised.
 */
export async function addComponent(ctx: AppContext, request: FastifyRequest, id: string, upload: ComponentUpload, mode: UploadMode): Promise<UploadedComponentT> {
  const db = psDb(ctx.db);
  const preview = await db.transaction().execute(async (trx) => {
    const row = await lockFor(trx, request, id, mode);
    await assertKnownComponent(trx, row, upload.componentCode);
    return row;
  });
  const owner = mode === 'applicant' ? preview.submitter_user_id : (preview.applicant_user_id ?? preview.submitter_user_id);
  const stored = await storeUpload(ctx, undefined, { buffer: upload.buffer, filename: upload.filename, ownerUserId: owner, purpose: COMPONENT_PURPOSE, actor: actorFor(request), ip: request.ip, requestId: String(request.id) });
  return db.transaction().execute(async (trx) => {
    const row = await lockFor(trx, request, id, mode);
    await assertKnownComponent(trx, row, upload.componentCode);
    const digitised = mode === 'officer';
    const placeholder = digitised
      ? await trx.selectFrom('dossier_components').select('id').where('dossier_id', '=', row.id).where('component_code', '=', upload.componentCode).where('file_id', 'is', null).orderBy('added_at').executeTakeFirst()
      : undefined;
    const component = placeholder
      ? await trx.updateTable('dossier_components').set({ file_id: stored.id, sha256: stored.sha256, digitised: true }).where('id', '=', placeholder.id).returningAll().executeTakeFirstOrThrow()
      : await trx
          .insertInto('dossier_components')
          .values({ dossier_id: row.id, component_code: upload.componentCode, kind: 'electronic', file_id: stored.id, sha256: stored.sha256, digitised, added_in: mode === 'officer' ? 'receipt' : 'submission' })
          .returningAll()
          .executeTakeFirstOrThrow();
    if (mode === 'officer') {
      // A scan after receipt is a command on the dossier: its version moves; a draft's upload leaves the form's version alone.
      await trx.updateTable('dossiers').set({ digitised: await isDigitised(trx, row.id), version: row.version + 1, updated_at: new Date() }).where('id', '=', row.id).execute();
    }
    await ctx.audit.record(platformTrx(trx), { actor: actorFor(request), action: 'dossier.component_add', targetType: 'dossier', targetId: row.id, subjectUserId: row.applicant_user_id, ip: request.ip, requestId: String(request.id), details: { componentCode: upload.componentCode, fileId: stored.id, digitised } });
    return { id: component.id, componentCode: component.component_code, fileId: stored.id, sha256: stored.sha256, fileName: stored.name, size: stored.size, digitised: component.digitised };
  });
}

/** Removes a file from a draft (the stored bytes stay, as every file of the platform does). */
export async function removeComponent(ctx: AppContext, request: FastifyRequest, id: string, componentId: string): Promise<void> {
  await psDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const row = await lockEditable(trx, request, id);
      const deleted = await trx.deleteFrom('dossier_components').where('id', '=', componentId).where('dossier_id', '=', row.id).returning(['component_code', 'file_id']).executeTakeFirst();
      if (!deleted) throw errors.notFound('Không tìm thấy thành phần hồ sơ.', 'No such component.');
      await ctx.audit.record(platformTrx(trx), { actor: actorFor(request), action: 'dossier.component_remove', targetType: 'dossier', targetId: row.id, subjectUserId: row.applicant_user_id, ip: request.ip, requestId: String(request.id), details: { componentCode: deleted.component_code, fileId: deleted.file_id } });
    });
}
