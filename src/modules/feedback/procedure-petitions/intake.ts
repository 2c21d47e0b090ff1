import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import { errors } from '../../../platform/http/errors.js';
import { dossierByCode, procedureByCode } from '../../public-services/catalog/lookup.js';
import { petitionDb, petitionTrx, type PetitionClass } from './tables.js';

/** The category attributes that carry the links (Open311 attributes, so Open311 clients send them too). */
export const PROCEDURE_ATTRIBUTE = 'ma_thu_tuc';
export const DOSSIER_ATTRIBUTE = 'ma_ho_so';
/** Filing again about the same procedure or dossier within this many days of an answer is a re-raise. */
export const DEFAULT_RERAISE_DAYS = 30;

export interface PetitionLinks {
  petitionClass: PetitionClass | null;
  procedureCode: string | null;
  dossierCode: string | null;
  dossierId: string | null;
}

export interface Petitioner {
  userId: string | null;
  email: string | null;
  phone: string | null;
}

const field = (code: string) => `body.attributes.${code}`;
const text = (value: string | string[] | undefined) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * For a report in a petition category: the class it gets and the procedure and dossier it names,
 * checked against the catalog (400 `unknown_procedure`, `unknown_dossier`, `dossier_procedure_mismatch`).
 * Null for any other category. Read before the report's transaction opens.
 */
export async function checkPetition(db: Kysely<Database>, categoryCode: string, attributes: Record<string, string | string[]>): Promise<PetitionLinks | null> {
  const category = await petitionDb(db).selectFrom('feedback_petition_categories').selectAll().where('category_code', '=', categoryCode).executeTakeFirst();
  if (!category) return null;
  const procedureCode = text(attributes[PROCEDURE_ATTRIBUTE]);
  const dossierCode = text(attributes[DOSSIER_ATTRIBUTE]);
  if (procedureCode && !(await procedureByCode(db, procedureCode))) {
    throw errors.badRequest('unknown_procedure', 'Không tìm thấy thủ tục hành chính có mã này.', 'No administrative procedure has this code.', [
      { field: field(PROCEDURE_ATTRIBUTE), message: { vi: 'Nhập mã thủ tục như trong danh mục công khai.', en: 'Enter the code as in the published catalog.' } },
    ]);
  }
  const dossier = dossierCode ? await dossierByCode(db, dossierCode) : null;
  if (dossierCode && !dossier) {
    throw errors.badRequest('unknown_dossier', 'Không tìm thấy hồ sơ có mã này.', 'No dossier has this code.', [
      { field: field(DOSSIER_ATTRIBUTE), message: { vi: 'Nhập mã hồ sơ in trên giấy tiếp nhận.', en: 'Enter the code printed on the receipt.' } },
    ]);
  }
  if (dossier && procedureCode && dossier.procedureCode !== procedureCode) {
    throw errors.badRequest('dossier_procedure_mismatch', 'Hồ sơ này thuộc một thủ tục khác.', 'This dossier belongs to another procedure.', [
      { field: field(DOSSIER_ATTRIBUTE), message: { vi: 'Mã hồ sơ không khớp với mã thủ tục.', en: 'The dossier code does not match the procedure code.' } },
    ]);
  }
  return { petitionClass: category.default_class, procedureCode: procedureCode ?? dossier?.procedureCode ?? null, dossierCode, dossierId: dossier?.id ?? null };
}

/** Writes the petition row in the report's transaction, with the earlier petition it re-raises if any. */
export async function recordPetition(trx: Transaction<Database>, reportId: string, links: PetitionLinks, who: Petitioner, now: Date, reraiseDays = DEFAULT_RERAISE_DAYS): Promise<void> {
  const reraiseOf = await findReraised(trx, reportId, links, who, now, reraiseDays);
  await petitionTrx(trx)
    .insertInto('feedback_procedure_petitions')
    .values({ report_id: reportId, petition_class: links.petitionClass, procedure_code: links.procedureCode, dossier_code: links.dossierCode, dossier_id: links.dossierId, reraise_of: reraiseOf, classified_at: links.petitionClass ? now : null, classified_by: null })
    .execute();
}

/**
 * Re-raise (phản ánh lại): the same person (same account; without one, the same e-mail or phone)
 * filed about the same dossier (or, without a dossier, the same procedure) and got an answer (a
 * `resolve` event) within `days` days before now. The most recent such petition.
 */
export async function findReraised(trx: Kysely<Database>, reportId: string, links: PetitionLinks, who: Petitioner, now: Date, days: number): Promise<string | null> {
  if (!links.dossierCode && !links.procedureCode) return null;
  if (!who.userId && !who.email && !who.phone) return null;
  const since = new Date(now.getTime() - days * 86_400_000);
  const samePerson = who.userId
    ? sql`r.reporter_user_id = ${who.userId}`
    : sql`(lower(r.reporter_email) = lower(${who.email ?? ''}) or r.reporter_phone = ${who.phone ?? ''})`;
  const sameSubject = links.dossierCode ? sql`p.dossier_code = ${links.dossierCode}` : sql`p.procedure_code = ${links.procedureCode}`;
  const { rows } = await sql<{ id: string }>`
    select r.id from feedback_procedure_petitions p
    join feedback_reports r on r.id = p.report_id
    join lateral (select max(e.at) as at from feedback_report_events e where e.report_id = r.id and e.kind = 'resolve') answer on true
    where r.id <> ${reportId} and ${samePerson} and ${sameSubject}
      and answer.at is not null and answer.at >= ${since} and answer.at <= ${now}
    order by answer.at desc limit 1`.execute(trx);
  return rows[0]?.id ?? null;
}
