import { sql } from 'kysely';
import type { AppContext } from '../../../platform/http/module.js';
import { DOSSIER_ATTRIBUTE, PROCEDURE_ATTRIBUTE } from './intake.js';
import { asPlatform, petitionDb, type PetitionClass } from './tables.js';

/** The demo catalogue's two categories about procedures and officials become petition categories. */
export const DEMO_PETITION_CATEGORIES: Array<{ code: string; defaultClass: PetitionClass }> = [
  { code: 'thu-tuc-hanh-chinh', defaultClass: 'procedure' },
  { code: 'thai-do-can-bo', defaultClass: 'officer_conduct' },
];
/** One demo report in ten of those categories is a linked petition: about 4 per 1,000 reports. */
const DEMO_PETITION_EVERY = 10;

const ATTRIBUTES = [
  { code: PROCEDURE_ATTRIBUTE, description_vi: 'Mã thủ tục hành chính (nếu biết)', description_en: 'Procedure code (if known)' },
  { code: DOSSIER_ATTRIBUTE, description_vi: 'Mã hồ sơ trên giấy tiếp nhận (nếu có)', description_en: 'Dossier code on the receipt (if any)' },
];

/**
 * Once: marks the demo petition categories (handling class `pakn`, the two optional code questions)
 * and turns a small share of their demo reports into petitions (`is_demo`). The demo catalogue of
 * procedures is seeded after the feedback module, so demo petitions name no procedure.
 */
export async function seedDemoPetitions(ctx: AppContext): Promise<void> {
  const db = petitionDb(ctx.db);
  if (await db.selectFrom('feedback_petition_categories').select('category_code').limit(1).executeTakeFirst()) return;
  const codes = DEMO_PETITION_CATEGORIES.map((c) => c.code);
  const present = (await db.selectFrom('feedback_categories').select('code').where('code', 'in', codes).execute()).map((c) => c.code);
  if (present.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const c of DEMO_PETITION_CATEGORIES.filter((d) => present.includes(d.code))) {
      await trx.insertInto('feedback_petition_categories').values({ category_code: c.code, default_class: c.defaultClass }).execute();
      await trx.updateTable('feedback_categories').set({ handling_class: 'pakn' }).where('code', '=', c.code).execute();
      for (const [i, a] of ATTRIBUTES.entries()) {
        await trx
          .insertInto('feedback_category_attributes')
          .values({ category_code: c.code, code: a.code, datatype: 'string', required: false, description_vi: a.description_vi, description_en: a.description_en, sort_order: 100 + i, values: JSON.stringify([]) })
          .onConflict((oc) => oc.columns(['category_code', 'code']).doNothing())
          .execute();
      }
    }
    const { rows } = await sql<{ n: number }>`
      insert into feedback_procedure_petitions (report_id, petition_class, classified_at, is_demo)
      select r.id, pc.default_class, r.created_at, true
      from (select id, category_code, created_at, row_number() over (order by tracking_code) as k
            from feedback_reports where is_demo and category_code in (${sql.join(present)})) r
      join feedback_petition_categories pc on pc.category_code = r.category_code
      where r.k % ${DEMO_PETITION_EVERY} = 0
      on conflict do nothing
      returning 1 as n`.execute(trx);
    await ctx.audit.record(asPlatform(trx), { actor: { userId: null, label: 'system:demo-seed' }, action: 'feedback.petition.seed', targetType: 'feedback_category', details: { categories: present, petitions: rows.length } });
  });
}
