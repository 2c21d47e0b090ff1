import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import { requireUser } from '../../../platform/http/access.js';
import { AppError, type FieldError } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { versionById, versionInForce, type ProcedureVersionRow } from '../catalog/index.js';
import { actorFor } from '../dossiers/access.js';
import { presentDossier } from '../dossiers/detail.js';
import type { DossierDetailT } from '../dossiers/schemas.js';
import { applyTransition, wrongStatus, type DossierRow } from '../dossiers/transition.js';
import { SUBMITTED } from '../statuses.js';
import { platformTrx, psDb, type PsTrx } from '../tables.js';
import { lockEditable, procedureNotFound } from './drafts.js';
import { formErrors } from './form-validation.js';
import { onlineRouting, type Routing } from './routing.js';
import { applicantErrors, applicantKindErrors, assertComplete, componentErrors, exemptionErrors } from './validation.js';

/**
 * Everything the one-stop unit needs before it can decide: the applicant identified, the form valid
 * against the version's schema, each required component on file, exemptions from the fee list, and
 * a receiving agency. All problems are reported at once.
 */
export async function checkSubmission(trx: PsTrx, row: DossierRow, version: ProcedureVersionRow): Promise<Routing> {
  const problems: FieldError[] = [
    ...applicantKindErrors(version.subjects, row.applicant_kind),
    ...applicantErrors(row.applicant_kind, row.applicant, row.on_behalf),
    ...formErrors(version.id, version.form_schema, row.form_data),
    ...exemptionErrors(version.fees, row.exemption_codes),
  ];
  const components = await trx.selectFrom('dossier_components').select(['component_code', 'file_id', 'reused_from', 'digitised']).where('dossier_id', '=', row.id).execute();
  problems.push(...componentErrors(version.components, components));
  let routing: Routing | undefined;
  try {
    routing = await onlineRouting(trx, version, row.commune_code);
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 400) throw error;
    problems.push(...error.fieldErrors);
  }
  assertComplete(problems);
  return routing!;
}

/**
 * Submission (nộp hồ sơ): status 1 "Mới đăng ký", waiting for the receiving agency's decision. A draft
 * is checked against the version in force now (a newer version published since the draft was begun
 * replaces it); a dossier sent back for completion keeps its version. The submission time is kept as
 * given: the clock starts only at valid receipt.
 */
export async function submitDossier(ctx: AppContext, request: FastifyRequest, id: string, mode: 'submit' | 'resubmit', remember?: (trx: Transaction<Database>, body: DossierDetailT) => Promise<void>): Promise<DossierDetailT> {
  const user = requireUser(request);
  return psDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const row = await lockEditable(trx, request, id);
      const resubmission = mode === 'resubmit';
      if ((row.status === SUBMITTED) !== resubmission) throw wrongStatus(row, mode);
      const now = new Date();
      const version = resubmission ? await versionById(trx, row.procedure_version_id) : await versionInForce(trx, row.procedure_code, now);
      if (!version) throw procedureNotFound();
      const routing = await checkSubmission(trx, row, version);
      const after = await applyTransition(trx, ctx, row, actorFor(request), {
        action: resubmission ? 'resubmit' : 'submit',
        to: SUBMITTED,
        subState: null,
        at: now,
        changes: {
          submitted_at: now,
          procedure_version_id: version.id,
          receiving_agency_id: routing.receivingAgencyId,
          handling_agency_id: routing.handlingAgencyId,
          commune_code: routing.communeCode,
        },
        publicNote: resubmission
          ? { vi: 'Hồ sơ đã được bổ sung, hoàn thiện và nộp lại.', en: 'The dossier was completed and submitted again.' }
          : { vi: 'Hồ sơ đã được nộp trực tuyến, chờ tiếp nhận.', en: 'The dossier was submitted online and awaits receipt.' },
      });
      const body = await presentDossier(trx, after, user, false);
      await remember?.(platformTrx(trx), body);
      return body;
    });
}
