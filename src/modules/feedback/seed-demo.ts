import type { AppContext } from '../../platform/http/module.js';
import { toSearchText } from '../../platform/search/search-text.js';
import { feedbackDb, platformTrx } from './tables.js';
import { DEMO_CATEGORIES, DEMO_CLASS_SOURCE, DEMO_HANDLING_CLASSES } from './demo-catalogue.js';

/** The demo province's handling classes and ~20 categories, each with its agency; inserted once. */
export async function seedDemoCatalogue(ctx: AppContext): Promise<void> {
  const db = feedbackDb(ctx.db);
  const existing = await db.selectFrom('feedback_categories').select('code').limit(1).executeTakeFirst();
  if (existing) return;
  const agencies = new Map((await db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('feedback_handling_classes')
      .values(DEMO_HANDLING_CLASSES.map((c) => ({ ...c, source: DEMO_CLASS_SOURCE })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    let order = 0;
    for (const c of DEMO_CATEGORIES) {
      const agencyId = c.handler === 'commune' ? null : (agencies.get(c.handler) ?? null);
      // Without the demo agencies (reference data only), an agency category falls back to the commune.
      const responsible = c.handler === 'commune' || !agencyId ? 'commune' : 'agency';
      await trx
        .insertInto('feedback_categories')
        .values({
          code: c.code,
          name_vi: c.name.vi,
          name_en: c.name.en,
          group_vi: c.group.vi,
          group_en: c.group.en,
          description_vi: c.description.vi,
          description_en: c.description.en,
          keywords: c.keywords,
          responsible,
          agency_id: agencyId,
          handling_class: c.handlingClass,
          sort_order: order++,
          is_demo: true,
          search_text: toSearchText(c.name.vi, c.name.en, c.keywords),
        })
        .execute();
      for (const [i, a] of (c.attributes ?? []).entries()) {
        await trx
          .insertInto('feedback_category_attributes')
          .values({ category_code: c.code, code: a.code, datatype: a.datatype, required: a.required, description_vi: a.description.vi, description_en: a.description.en, sort_order: i, values: JSON.stringify(a.values ?? []) })
          .execute();
      }
    }
    await ctx.audit.record(platformTrx(trx), { actor: { userId: null, label: 'system:demo-seed' }, action: 'feedback.catalogue.seed', targetType: 'feedback_category', details: { categories: DEMO_CATEGORIES.length } });
  });
}
