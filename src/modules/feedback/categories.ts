import type { Static } from 'typebox';
import type { AppContext } from '../../platform/http/module.js';
import { feedbackDb } from './tables.js';
import type { CategoryView } from './schemas.js';

export async function listCategories(ctx: AppContext): Promise<Array<Static<typeof CategoryView>>> {
  const db = feedbackDb(ctx.db);
  const [categories, attributes] = await Promise.all([
    db.selectFrom('feedback_categories').selectAll().where('active', '=', true).orderBy('sort_order').orderBy('code').execute(),
    db.selectFrom('feedback_category_attributes').selectAll().orderBy('sort_order').execute(),
  ]);
  return categories.map((c) => ({
    code: c.code,
    name: { vi: c.name_vi, en: c.name_en },
    group: { vi: c.group_vi, en: c.group_en },
    description: { vi: c.description_vi, en: c.description_en },
    handlingClass: c.handling_class,
    attributes: attributes
      .filter((a) => a.category_code === c.code)
      .map((a) => ({ code: a.code, datatype: a.datatype, required: a.required, description: { vi: a.description_vi, en: a.description_en }, values: a.values })),
  }));
}
