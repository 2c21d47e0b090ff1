import type { AppContext } from '../../../platform/http/module.js';
import { AppError, errors } from '../../../platform/http/errors.js';
import type { Actor } from '../dossiers/transition.js';
import { platformTrx, type PsTrx } from '../tables.js';
import { partsOfRow, type Parts, type VersionRow } from './parts.js';
import { agencyById, catalogDb, contentColumns, procedureByCode, versionsOf, type ProcedureRow } from './store.js';
import { checkParts, type Warning } from './validate.js';

export interface Written {
  procedure: ProcedureRow;
  row: VersionRow;
  warnings: Warning[];
}

export function noDraft(code: string): AppError {
  return new AppError(404, 'no_draft', { vi: `Thủ tục ${code} không có bản dự thảo.`, en: `Procedure ${code} has no draft.` });
}

/** A new procedure with its first version as a draft. */
export async function createProcedure(trx: PsTrx, ctx: AppContext, actor: Actor, code: string, parts: Parts, isDemo = false): Promise<Written> {
  if (await procedureByCode(trx, code)) throw errors.conflict('procedure_exists', `Đã có thủ tục mã ${code}.`, `A procedure with code ${code} already exists.`);
  const { agency, warnings } = await checkParts(trx, parts);
  const procedure = await trx.insertInto('procedures').values({ code, is_demo: isDemo }).returning(['id', 'code', 'is_demo']).executeTakeFirstOrThrow();
  const row = await catalogDb(trx)
    .insertInto('procedure_versions')
    .values({ procedure_id: procedure.id, version: 1, state: 'draft', is_demo: isDemo, ...contentColumns(code, parts, agency) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit.record(platformTrx(trx), { actor, action: 'procedure.create', targetType: 'procedure', targetId: procedure.id, details: { code, version: 1 } });
  return { procedure, row, warnings };
}

/** Writes the one draft of a procedure: replaces it in place, or opens a new version after the latest. */
export async function saveDraft(trx: PsTrx, ctx: AppContext, actor: Actor, procedure: ProcedureRow, parts: Parts): Promise<Written> {
  const { agency, warnings } = await checkParts(trx, parts);
  const versions = await versionsOf(trx, procedure.id);
  const draft = versions.find((v) => v.state === 'draft');
  const content = { ...contentColumns(procedure.code, parts, agency), updated_at: new Date() };
  const db = catalogDb(trx);
  const row = draft
    ? await db.updateTable('procedure_versions').set(content).where('id', '=', draft.id).where('state', '=', 'draft').returningAll().executeTakeFirstOrThrow()
    : await db
        .insertInto('procedure_versions')
        .values({ procedure_id: procedure.id, version: (versions[0]?.version ?? 0) + 1, state: 'draft', is_demo: procedure.is_demo, ...content })
        .returningAll()
        .executeTakeFirstOrThrow();
  await ctx.audit.record(platformTrx(trx), { actor, action: 'procedure.draft', targetType: 'procedure', targetId: procedure.id, details: { code: procedure.code, version: row.version, replaced: !!draft } });
  return { procedure, row, warnings };
}

/**
 * Publishes the draft from `effectiveFrom`; the version in force until then ends at that instant, so
 * the validity windows stay contiguous and never overlap. Publishing must move forward in time.
 */
export async function publishDraft(trx: PsTrx, ctx: AppContext, actor: Actor, procedure: ProcedureRow, effectiveFrom: Date): Promise<Written> {
  const versions = await versionsOf(trx, procedure.id);
  const draft = versions.find((v) => v.state === 'draft');
  if (!draft) throw noDraft(procedure.code);
  const agency = await agencyById(trx, draft.agency_id);
  const { warnings } = await checkParts(trx, partsOfRow(draft, agency?.code ?? null));
  const latestStart = versions.filter((v) => v.state !== 'draft').reduce<Date | null>((max, v) => (v.effective_from && (!max || v.effective_from > max) ? v.effective_from : max), null);
  if (latestStart && effectiveFrom <= latestStart) {
    throw errors.conflict(
      'effective_from_too_early',
      `Ngày hiệu lực phải sau ngày hiệu lực của phiên bản trước (${latestStart.toISOString()}).`,
      `The effective date must be after the previous version's (${latestStart.toISOString()}).`,
    );
  }
  await trx.updateTable('procedure_versions').set({ effective_to: effectiveFrom, updated_at: new Date() }).where('procedure_id', '=', procedure.id).where('state', '<>', 'draft').where('effective_to', 'is', null).execute();
  const row = await trx
    .updateTable('procedure_versions')
    .set({ state: 'published', effective_from: effectiveFrom, published_at: new Date(), published_by: actor.userId, updated_at: new Date() })
    .where('id', '=', draft.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit.record(platformTrx(trx), { actor, action: 'procedure.publish', targetType: 'procedure', targetId: procedure.id, details: { code: procedure.code, version: row.version, effectiveFrom: effectiveFrom.toISOString() } });
  return { procedure, row, warnings };
}
