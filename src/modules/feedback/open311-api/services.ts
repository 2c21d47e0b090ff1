import type { App, AppContext } from '../../../platform/http/module.js';
import { feedbackDb } from '../tables.js';
import { discoveryView, open311Errors, sendOpen311, serviceDefinitionView, serviceView, type AttributeInput } from '../open311/index.js';
import { listCategories } from '../categories.js';
import { open311Endpoint } from './endpoint.js';
import { absoluteUrl } from './context.js';

export function registerServiceEndpoints(app: App, ctx: AppContext): void {
  open311Endpoint(app, 'GET', '/open311/v2/discovery', 'Open311 service discovery', async ({ reply, format, lang }) => {
    const changed = await feedbackDb(ctx.db).selectFrom('audit_log').select('at').where('action', 'like', 'feedback.catalogue%').orderBy('seq', 'desc').executeTakeFirst();
    const view = discoveryView(
      {
        changeset: changed?.at ?? new Date(0),
        contact: { vi: `Trung tâm giám sát, điều hành — ${ctx.config.publicUrl}`, en: `Operations centre — ${ctx.config.publicUrl}` },
        keyService: { vi: 'Khóa API do quản trị hệ thống cấp (phạm vi open311).', en: 'API keys are issued by the system administrator (scope open311).' },
        endpoints: [{ url: absoluteUrl(ctx, '/open311/v2'), changeset: changed?.at ?? new Date(0), type: ctx.config.nodeEnv === 'production' ? 'production' : 'test' }],
        maxRequests: 1000,
      },
      lang,
    );
    return sendOpen311(reply, format, 'discovery', null, view);
  });

  open311Endpoint(app, 'GET', '/open311/v2/services', 'Open311 service list (our report categories)', async ({ reply, format, lang }) => {
    const categories = await listCategories(ctx);
    const views = categories.map((c) => serviceView({ code: c.code, name: c.name, description: c.description, hasAttributes: c.attributes.length > 0, group: c.group }, lang));
    return sendOpen311(reply, format, 'services', 'service', views);
  });

  open311Endpoint(app, 'GET', '/open311/v2/services/:id', 'Open311 service definition (the category\'s attributes)', async ({ reply, format, lang, id }) => {
    const category = (await listCategories(ctx)).find((c) => c.code === id);
    if (!category) throw open311Errors.serviceNotFound(id);
    const attributes: AttributeInput[] = category.attributes.map((a, i) => ({
      code: a.code,
      datatype: a.datatype as AttributeInput['datatype'],
      required: a.required,
      description: a.description,
      order: i + 1,
      values: a.values.map((v) => ({ key: v.key, name: v.name })),
    }));
    return sendOpen311(reply, format, 'service_definition', null, serviceDefinitionView(category.code, attributes, lang));
  });
}
