import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import { requireUser } from '../../../platform/http/access.js';
import { errors, type FieldError } from '../../../platform/http/errors.js';
import type { AppContext } from '../../../platform/http/module.js';
import { versionInForce } from '../catalog/index.js';
import { actorFor } from '../dossiers/access.js';
import { presentDossier } from '../dossiers/detail.js';
import type { DossierDetailT } from '../dossiers/schemas.js';
import { applyTransition } from '../dossiers/transition.js';
import { DRAFT, SUBMITTED } from '../statuses.js';
import { platformTrx, psDb } from '../tables.js';
import { procedureNotFound } from './drafts.js';
import { formErrors } from './form-validation.js';
import { acceptDossier } from './receipt.js';
import { counterRouting } from './routing.js';
import type { CounterIntake } from './schemas.js';
import { applicantErrors, applicantKindErrors, assertComplete, componentErrors, exemptionErrors } from './validation.js';

/**
 * Counter and postal intake (channels 1 and 3): the officer checks the paper dossier with the
 * applicant, records each component handed in (and whether it was scanned), and receives it — the
 * dossier is created, submitted and received in one transaction, so it gets its code, due date and
 * receipt (Mẫu 01) or nothing at all. Scans can follow with `POST /api/v1/dossiers/:id/components`.
 */
export async function counterIntake(ctx: AppContext, request: FastifyRequest, input: CounterIntake, remember?: (trx: Transaction<Database>, body: DossierDetailT) => Promise<void>): Promise<DossierDetailT> {
  const officer = requireUser(request);
  const db = psDb(ctx.db);
  const now = new Date();
  const version = await versionInForce(db, input.procedureCode, now);
  if (!version) throw procedureNotFound();
  if (version.channels.length > 0 && !version.channels.includes(input.channel)) {
    throw errors.conflict('channel_not_offered', 'Thủ tục này không nhận hồ sơ qua kênh đã chọn.', 'This procedure does not accept dossiers through this channel.');
  }
  const routing = await counterRouting(db, version, officer.agencyId, input.communeCode);
  const known = new Set(version.components.map((c) => c.code));
  const unknown: FieldError[] = input.components
    .filter((c) => !known.has(c.componentCode))
    .map((c) => ({ field: 'components', message: { vi: `Thành phần "${c.componentCode}" không có trong thủ tục.`, en: `Component "${c.componentCode}" is not part of the procedure.` } }));
  const handedIn = input.components.map((c) => ({ component_code: c.componentCode, file_id: null, reused_from: null, digitised: c.digitised }));
  assertComplete([
    ...applicantKindErrors(version.subjects, input.applicantKind),
    ...applicantErrors(input.applicantKind, input.applicant, false),
    ...formErrors(version.id, version.form_schema, input.formData),
    ...exemptionErrors(version.fees, input.exemptionCodes ?? []),
    ...unknown,
    // On paper, a component handed in is present whether or not it has been scanned yet.
    ...componentErrors(version.components, handedIn, true),
  ]);
  const actor = actorFor(request);
  return db.transaction().execute(async (trx) => {
    const draft = await trx
      .insertInto('dossiers')
      .values({
        procedure_id: version.procedure_id,
        procedure_version_id: version.id,
        procedure_code: version.code,
        channel: input.channel,
        status: DRAFT,
        sub_state: null,
        applicant_kind: input.applicantKind,
        applicant: JSON.stringify(input.applicant),
        applicant_user_id: null,
        submitter_user_id: null,
        form_data: JSON.stringify(input.formData),
        receiving_agency_id: routing.receivingAgencyId,
        handling_agency_id: routing.handlingAgencyId,
        commune_code: routing.communeCode,
        exemption_codes: JSON.stringify(input.exemptionCodes ?? []),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.components.length > 0) {
      await trx
        .insertInto('dossier_components')
        .values(input.components.map((c) => ({ dossier_id: draft.id, component_code: c.componentCode, kind: c.kind, file_id: null, sha256: null, digitised: c.digitised, added_in: 'receipt' as const })))
        .execute();
    }
    const submitted = await applyTransition(trx, ctx, draft, actor, {
      action: 'submit',
      to: SUBMITTED,
      at: now,
      changes: { submitted_at: now },
      notify: false,
      data: { channel: input.channel },
    });
    const received = await acceptDossier(trx, ctx, submitted, actor, { note: input.note, at: now });
    const body = await presentDossier(trx, received, officer, true);
    await remember?.(platformTrx(trx), body);
    return body;
  });
}
