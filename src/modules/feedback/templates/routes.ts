import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { requireUser } from '../../../platform/http/access.js';
import { Uuid } from '../../../platform/http/schema.js';
import { NewTemplateBody, TemplateListQuery, TemplatePatchBody, TemplateView } from './schemas.js';
import { createTemplate, deleteTemplate, listTemplates, updateTemplate } from './store.js';

const tags = ['feedback'];
const PROBLEM = { $ref: 'Problem#' };
const BASE = '/api/v1/feedback/templates';
const MANAGERS = ['agency_admin', 'system_admin'] as const;

export function registerTemplateRoutes(app: App, ctx: AppContext): void {
  app.get(
    BASE,
    {
      config: { access: { roles: ['officer', ...MANAGERS] } },
      schema: { tags, summary: "Response templates (mẫu trả lời): my agency's and the province-wide ones, by action", querystring: TemplateListQuery, response: { 200: Type.Object({ items: Type.Array(TemplateView) }), 403: PROBLEM } },
    },
    async (request) => ({ items: await listTemplates(ctx, requireUser(request), request.query) }),
  );

  app.post(
    BASE,
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'Add a template (agency admins: for their agency; system admins: any agency or province-wide)', body: NewTemplateBody, response: { 201: TemplateView, 400: PROBLEM, 403: PROBLEM } },
    },
    async (request, reply) => reply.status(201).send(await createTemplate(ctx, request, request.body)),
  );

  app.patch(
    `${BASE}/:id`,
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'Change a template or switch it off', params: Type.Object({ id: Uuid }), body: TemplatePatchBody, response: { 200: TemplateView, 400: PROBLEM, 403: PROBLEM, 404: PROBLEM } },
    },
    async (request) => updateTemplate(ctx, request, request.params.id, request.body),
  );

  app.delete(
    `${BASE}/:id`,
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags, summary: 'Delete a template', params: Type.Object({ id: Uuid }), response: { 204: Type.Null(), 403: PROBLEM, 404: PROBLEM } },
    },
    async (request, reply) => {
      await deleteTemplate(ctx, request, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
