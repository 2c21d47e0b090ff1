import { Type, type Static } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { StrictObject, Uuid } from '../../../platform/http/schema.js';
import { actorFor } from '../dossiers/access.js';
import { psDb } from '../tables.js';
import { notFound } from './routes.js';
import { CodeParams } from './schemas.js';
import { procedureByCode } from './store.js';
import { deleteRoute, listRoutes, setRoute } from './route-table.js';

const tags = ['public-services: catalog'];
const PROBLEM = { $ref: 'Problem#' };
/** Reading the table: catalog managers; changing who is competent is a province-wide decision. */
const READERS = { roles: ['system_admin', 'agency_admin'] } as const;
const WRITERS = { roles: ['system_admin'] } as const;
export const ROUTES_FORMAT = 'tinhso.procedure-routes';

const CommuneCode = Type.String({ pattern: '^[0-9]{5}$', description: 'The commune (xã, phường) code of the national list' });
const Route = Type.Object({
  id: Type.String(),
  procedureCode: Type.String(),
  communeCode: Type.Union([Type.String(), Type.Null()]),
  agency: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  note: Type.Union([Type.String(), Type.Null()]),
  isDemo: Type.Boolean(),
  updatedAt: Type.String(),
});
const RouteBody = StrictObject({
  communeCode: Type.Union([CommuneCode, Type.Null()], { description: 'null: every commune (the procedure-wide row)' }),
  agencyCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  agencyId: Type.Optional(Uuid),
  note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
});
const ImportRow = StrictObject({ procedureCode: Type.String({ minLength: 1, maxLength: 40 }), communeCode: Type.Union([CommuneCode, Type.Null()]), agencyCode: Type.String({ minLength: 1, maxLength: 60 }), note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])) });
const RoutesDocument = StrictObject({ format: Type.Literal(ROUTES_FORMAT), formatVersion: Type.Literal(1), exportedAt: Type.Optional(Type.String()), routes: Type.Array(ImportRow, { maxItems: 20000 }) });
type RoutesDoc = Static<typeof RoutesDocument>;

export function registerRouteTableRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/procedures/:code/routes',
    { config: { access: READERS }, schema: { tags, summary: 'The routing table rows of a procedure: the competent handling agency for every commune or one', params: CodeParams, response: { 200: Type.Object({ items: Type.Array(Route) }), 403: PROBLEM, 404: PROBLEM } } },
    async (request) => {
      const procedure = await procedureByCode(psDb(ctx.db), request.params.code);
      if (!procedure) throw notFound(request.params.code);
      return { items: await listRoutes(psDb(ctx.db), procedure.id) };
    },
  );

  app.put(
    '/api/v1/procedures/:code/routes',
    { config: { access: WRITERS }, schema: { tags, summary: 'Sets the competent handling agency for the procedure (communeCode null) or for one commune; replaces that row', params: CodeParams, body: RouteBody, response: { 200: Route, 400: PROBLEM, 403: PROBLEM, 404: PROBLEM } } },
    async (request) => psDb(ctx.db).transaction().execute((trx) => setRoute(trx, ctx, actorFor(request), request.params.code, request.body)),
  );

  app.delete(
    '/api/v1/procedures/:code/routes',
    {
      config: { access: WRITERS },
      schema: { tags, summary: 'Removes a row (no communeCode: the procedure-wide one); the default competence applies again', params: CodeParams, querystring: StrictObject({ communeCode: Type.Optional(CommuneCode) }), response: { 204: Type.Null(), 403: PROBLEM, 404: PROBLEM } },
    },
    async (request, reply) => {
      await psDb(ctx.db).transaction().execute((trx) => deleteRoute(trx, ctx, actorFor(request), request.params.code, request.query.communeCode ?? null));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/procedure-routes',
    { config: { access: READERS }, schema: { tags, summary: `The whole routing table as a portable JSON document (${ROUTES_FORMAT}, agencies by code)`, response: { 200: RoutesDocument, 403: PROBLEM } } },
    async (): Promise<RoutesDoc> => {
      const rows = await listRoutes(psDb(ctx.db));
      return { format: ROUTES_FORMAT, formatVersion: 1, exportedAt: new Date().toISOString(), routes: rows.map((r) => ({ procedureCode: r.procedureCode, communeCode: r.communeCode, agencyCode: r.agency.code, note: r.note })) };
    },
  );

  app.post(
    '/api/v1/procedure-routes/import',
    { config: { access: WRITERS }, schema: { tags, summary: 'Sets every row of an exported document, all or nothing (rows not in the document stay)', body: RoutesDocument, response: { 200: Type.Object({ set: Type.Integer() }), 400: PROBLEM, 403: PROBLEM, 404: PROBLEM } } },
    async (request) =>
      psDb(ctx.db).transaction().execute(async (trx) => {
        for (const r of request.body.routes) await setRoute(trx, ctx, actorFor(request), r.procedureCode, { communeCode: r.communeCode, agencyCode: r.agencyCode, note: r.note ?? null });
        return { set: request.body.routes.length };
      }),
  );
}
