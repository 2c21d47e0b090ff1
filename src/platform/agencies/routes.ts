import type { App, AppContext } from '../http/module.js';
import { actorOf } from '../http/access.js';
import { errors } from '../http/errors.js';
import { Page, PageQuery, StrictObject } from '../http/schema.js';
import { UserView } from '../identity/schemas.js';
import { agencyTree, getAgency, listAgencies } from './queries.js';
import { createAgency, updateAgency } from './writes.js';
import { assignStaff, listStaff } from './staff.js';
import { AgencySummary, AgencyTree, AgencyView, AssignBody, CreateBody, IdParams, ListQuery, PatchBody, StaffParams } from './schemas.js';

const tags = ['agencies'];
const PROBLEM = { $ref: 'Problem#' };
/** Agency names and contacts are public information; API keys need `agencies:read`. */
const READ = { access: { public: true, scopes: ['agencies:read'] } } as const;
const notFound = () => errors.notFound('Không tìm thấy cơ quan.', 'No such agency.');

export function registerAgencyRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/agencies',
    { config: READ, schema: { tags, summary: 'Agencies, by code; `q` searches names without regard to diacritics', querystring: ListQuery, response: { 200: Page(AgencySummary) } } },
    async (request) => {
      const { q, kind, parentId, limit = 50, cursor } = request.query;
      return listAgencies(ctx.db, { q: q?.trim() || undefined, kind, parentId, limit, cursor });
    },
  );

  app.get(
    '/api/v1/agencies/tree',
    { config: READ, schema: { tags, summary: 'The whole agency hierarchy as nested nodes', response: { 200: AgencyTree } } },
    async () => ({ items: await agencyTree(ctx.db) }),
  );

  app.get(
    '/api/v1/agencies/:id',
    { config: READ, schema: { tags, summary: 'One agency', params: IdParams, response: { 200: AgencyView, 404: PROBLEM } } },
    async (request) => {
      const agency = await getAgency(ctx.db, request.params.id);
      if (!agency) throw notFound();
      return agency;
    },
  );

  app.post(
    '/api/v1/agencies',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: { tags, summary: 'Create an agency (system administrators)', body: CreateBody, response: { 201: AgencyView, 400: PROBLEM, 409: PROBLEM } },
    },
    async (request, reply) => {
      const id = await createAgency(ctx, request.body, { actor: actorOf(request), ip: request.ip, requestId: request.id });
      return reply.status(201).send((await getAgency(ctx.db, id))!);
    },
  );

  app.patch(
    '/api/v1/agencies/:id',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: { tags, summary: 'Change an agency; moving it under itself or a sub-agency is refused', params: IdParams, body: PatchBody, response: { 200: AgencyView, 400: PROBLEM, 404: PROBLEM } },
    },
    async (request) => {
      const found = await updateAgency(ctx, request.params.id, request.body, { actor: actorOf(request), ip: request.ip, requestId: request.id });
      if (!found) throw notFound();
      return (await getAgency(ctx.db, request.params.id))!;
    },
  );

  app.get(
    '/api/v1/agencies/:id/staff',
    {
      config: { access: { roles: ['system_admin', 'agency_admin', 'leader'] } },
      schema: {
        tags,
        summary: "An agency's staff (system admins; agency admins and leaders of that agency). Each read is audited.",
        params: IdParams,
        querystring: StrictObject(PageQuery),
        response: { 200: Page(UserView), 403: PROBLEM, 404: PROBLEM },
      },
    },
    async (request) => listStaff(ctx, request, request.params.id, request.query.limit ?? 50, request.query.cursor),
  );

  app.put(
    '/api/v1/agencies/:id/staff/:userId',
    {
      config: { access: { roles: ['system_admin', 'agency_admin'] } },
      schema: {
        tags,
        summary: "Put a user on an agency's staff as officer or agency admin (agency admins: officers of their own agency only)",
        params: StaffParams,
        body: AssignBody,
        response: { 200: UserView, 400: PROBLEM, 403: PROBLEM, 404: PROBLEM },
      },
    },
    async (request) => assignStaff(ctx, request, request.params.id, request.params.userId, request.body.role),
  );
}

