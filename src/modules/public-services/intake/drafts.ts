import type { FastifyRequest } from 'fastify';
import { requireUser, type UserPrincipal } from '../../../platform/http/access.js';
import { AppError, errors } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { versionInForce, type ProcedureVersionRow } from '../catalog/index.js';
import { actorFor, ownsDossier } from '../dossiers/access.js';
import { COMPLETION_REQUESTED, editableByApplicant } from '../dossiers/actions.js';
import { presentDossier } from '../dossiers/detail.js';
import type { DossierDetailT } from '../dossiers/schemas.js';
import { dossierNotFound, lockDossier, wrongStatus, type DossierRow } from '../dossiers/transition.js';
import { DRAFT, SUBMITTED } from '../statuses.js';
import { platformTrx, psDb, type ApplicantKind, type PsDb, type PsTrx } from '../tables.js';
import { communeCommitteeCode } from './routing.js';
import type { NewDraft, SaveDraft } from './schemas.js';
import { exemptionErrors, assertComplete } from './validation.js';

export function procedureNotFound(): AppError {
  return new AppError(404, 'procedure_not_found', { vi: 'Không tìm thấy thủ tục đang có hiệu lực.', en: 'No procedure in force with this code.' });
}

/** The version in force now, offered online (toàn trình or một phần). */
export async function onlineVersion(db: PsDb | PsTrx, code: string, at: Date): Promise<ProcedureVersionRow> {
  const version = await versionInForce(db, code, at);
  if (!version) throw procedureNotFound();
  if (version.online_level === 'none') {
    throw errors.conflict('procedure_not_online', 'Thủ tục này chưa cung cấp dịch vụ công trực tuyến; hãy nộp tại Bộ phận Một cửa.', 'This procedure is not offered online; apply at a one-stop counter.');
  }
  return version;
}

export async function assertCommuneExists(db: PsDb | PsTrx, communeCode: string | null | undefined): Promise<void> {
  if (!communeCode) return;
  const found = await db.selectFrom('agencies').select('id').where('code', '=', communeCommitteeCode(communeCode)).executeTakeFirst();
  if (!found) {
    throw errors.badRequest('unknown_commune', 'Xã, phường đã chọn không thuộc tỉnh.', 'The chosen commune is not in the province.', [
      { field: 'communeCode', message: { vi: 'Chọn một xã, phường trong tỉnh.', en: 'Choose a commune of the province.' } },
    ]);
  }
}

function defaultKind(user: UserPrincipal, subjects: ApplicantKind[]): ApplicantKind {
  const preferred: ApplicantKind = user.role === 'business' ? 'business' : 'citizen';
  return subjects.length === 0 || subjects.includes(preferred) ? preferred : subjects[0]!;
}

/** A new draft on the version in force, filled in with what the account already knows. */
export async function createDraft(ctx: AppContext, request: FastifyRequest, input: NewDraft): Promise<DossierDetailT> {
  const user = requireUser(request);
  const db = psDb(ctx.db);
  const now = new Date();
  const version = await onlineVersion(db, input.procedureCode, now);
  await assertCommuneExists(db, input.communeCode);
  const kind = defaultKind(user, version.subjects);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('dossiers')
      .values({
        procedure_id: version.procedure_id,
        procedure_version_id: version.id,
        procedure_code: version.code,
        channel: 'online',
        status: DRAFT,
        sub_state: null,
        applicant_kind: kind,
        applicant: JSON.stringify(kind === 'citizen' ? { name: user.fullName, email: user.email } : { name: user.fullName, email: user.email, organisation: '' }),
        applicant_user_id: user.id,
        submitter_user_id: user.id,
        form_data: '{}',
        commune_code: input.communeCode ?? null,
        draft_saved_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await ctx.audit.record(platformTrx(trx), { actor: actorFor(request), action: 'dossier.draft_create', targetType: 'dossier', targetId: row.id, subjectUserId: user.id, ip: request.ip, requestId: String(request.id), details: { procedureCode: version.code } });
    return presentDossier(trx, row, user, false);
  });
}

/** Locks a dossier the caller files or owns and may still change; others get 404 or 409. */
export async function lockEditable(trx: PsTrx, request: FastifyRequest, id: string): Promise<DossierRow> {
  const row = await lockDossier(trx, id);
  if (!ownsDossier(request.principal, row)) throw dossierNotFound();
  if (!editableByApplicant(row)) throw wrongStatus(row, 'edit');
  return row;
}

export function staleVersion(): AppError {
  return errors.conflict('stale_version', 'Hồ sơ đã được thay đổi ở nơi khác; hãy tải lại rồi sửa tiếp.', 'The dossier was changed elsewhere; reload it and edit again.');
}

/**
 * Saves the draft as typed (completeness is checked at submission). Optimistic: the body carries the
 * version it was read at. Filing for someone else (ủy quyền) detaches the applicant from the filer's
 * account: the filer stays the submitter, the applicant may have no account at all.
 */
export async function saveDraft(ctx: AppContext, request: FastifyRequest, id: string, input: SaveDraft): Promise<DossierDetailT> {
  const user = requireUser(request);
  return psDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const row = await lockEditable(trx, request, id);
      if (row.version !== input.version) throw staleVersion();
      const version = await trx.selectFrom('procedure_versions').select('fees').where('id', '=', row.procedure_version_id).executeTakeFirstOrThrow();
      assertComplete(exemptionErrors(version.fees, input.exemptionCodes ?? []));
      const communeCode = input.communeCode === undefined ? row.commune_code : input.communeCode;
      await assertCommuneExists(trx, communeCode);
      const now = new Date();
      const saved = await trx
        .updateTable('dossiers')
        .set({
          applicant_kind: input.applicantKind,
          applicant: JSON.stringify(input.applicant),
          on_behalf: input.onBehalf,
          applicant_user_id: input.onBehalf ? null : (row.submitter_user_id ?? user.id),
          form_data: JSON.stringify(input.formData),
          commune_code: communeCode,
          exemption_codes: JSON.stringify(input.exemptionCodes ?? row.exemption_codes),
          draft_saved_at: now,
          version: row.version + 1,
          updated_at: now,
        })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await ctx.audit.record(platformTrx(trx), { actor: actorFor(request), action: 'dossier.draft_save', targetType: 'dossier', targetId: row.id, subjectUserId: saved.applicant_user_id, ip: request.ip, requestId: String(request.id), details: { onBehalf: input.onBehalf } });
      return presentDossier(trx, saved, user, false);
    });
}

/** The caller's dossiers that wait for them: drafts, and submissions sent back for completion. */
export async function listDrafts(ctx: AppContext, request: FastifyRequest) {
  const user = requireUser(request);
  const rows = await psDb(ctx.db)
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
    .select(['d.id', 'd.status', 'd.sub_state', 'd.procedure_code', 'v.name', 'd.applicant', 'd.version', 'd.created_at', 'd.updated_at'])
    .where((eb) => eb.or([eb('d.submitter_user_id', '=', user.id), eb('d.applicant_user_id', '=', user.id)]))
    .where((eb) => eb.or([eb('d.status', '=', DRAFT), eb.and([eb('d.status', '=', SUBMITTED), eb('d.sub_state', '=', COMPLETION_REQUESTED)])]))
    .orderBy('d.updated_at', 'desc')
    .limit(200)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      status: r.status,
      subState: r.sub_state,
      procedure: { code: r.procedure_code, name: r.name },
      applicantName: r.applicant.name || null,
      version: r.version,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
  };
}
