import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { errors } from '../../../platform/http/errors.js';
import { psDb } from '../tables.js';
import { CodeParams, ListItem, ListQuery, ProcedureView, VersionParams } from './schemas.js';
import { listFields, listProcedures } from './search.js';
import { agenciesByIds, agencyById, procedureByCode, stateOf, versionsOf } from './store.js';
import { isCatalogManager, managesAgency, procedureView } from './views.js';

const tags = ['public-services: catalog'];
const PROBLEM = { $ref: 'Problem#' };

export function notFound(code: string) {
  return errors.notFound(`Không tìm thấy thủ tục ${code}.`, `Procedure ${code} not found.`);
}

export function registerCatalogReadRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/procedures',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'Procedures in force: search by name, code or field with or without diacritics; best match first, then Vietnamese alphabetical order',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(ListItem), nextCursor: Type.Union([Type.String(), Type.Null()]) }), 400: PROBLEM },
      },
    },
    async (request) => listProcedures(psDb(ctx.db), request.query),
  );

  app.get(
    '/api/v1/procedures/fields',
    { config: { access: { public: true } }, schema: { tags, summary: 'Fields (lĩnh vực) with the number of procedures in force', response: { 200: Type.Object({ items: Type.Array(Type.Object({ field: Type.String(), count: Type.Integer() })) }) } } },
    async () => ({ items: await listFields(psDb(ctx.db)) }),
  );

  app.get(
    '/api/v1/procedures/drafts',
    {
      config: { access: { roles: ['system_admin', 'agency_admin'] } },
      schema: {
        tags,
        summary: 'Drafts a catalog manager may edit and publish (an agency administrator: those of their agency)',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), version: Type.Integer(), name: Type.String(), agency: Type.Union([Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }), Type.Null()]), updatedAt: Type.String() })) }) },
      },
    },
    async (request) => {
      const p = request.principal;
      let q = psDb(ctx.db).selectFrom('procedure_versions as v').innerJoin('procedures as p', 'p.id', 'v.procedure_id').select(['p.code', 'v.version', 'v.name', 'v.agency_id', 'v.updated_at']).where('v.state', '=', 'draft').orderBy('v.updated_at', 'desc').limit(500);
      if (p.kind === 'user' && p.role === 'agency_admin') q = q.where('v.agency_id', '=', p.agencyId ?? '00000000-0000-0000-0000-000000000000');
      const rows = await q.execute();
      const agencies = await agenciesByIds(psDb(ctx.db), rows.map((r) => r.agency_id));
      return { items: rows.map((r) => ({ code: r.code, version: r.version, name: r.name, agency: r.agency_id ? (agencies.get(r.agency_id) ?? null) : null, updatedAt: new Date(r.updated_at).toISOString() })) };
    },
  );

  app.get(
    '/api/v1/procedures/:code',
    { config: { access: { public: true } }, schema: { tags, summary: 'The version in force now, with every constituent part', params: CodeParams, response: { 200: ProcedureView, 404: PROBLEM } } },
    async (request) => {
      const { code } = request.params;
      const db = psDb(ctx.db);
      const procedure = await procedureByCode(db, code);
      if (!procedure) throw notFound(code);
      const now = new Date();
      const versions = await versionsOf(db, procedure.id);
      const current = versions.find((v) => v.state !== 'draft' && v.effective_from && v.effective_from <= now && stateOf(v, now) === 'published');
      if (!current) throw notFound(code);
      const agency = await agencyById(db, current.agency_id);
      return procedureView(code, current, agency, versions, now, managesAgency(request.principal, versions[0]!.agency_id));
    },
  );

  app.get(
    '/api/v1/procedures/:code/versions/:version',
    { config: { access: { public: true } }, schema: { tags, summary: 'One version: published and retired ones for everyone, a draft for its catalog managers', params: VersionParams, response: { 200: ProcedureView, 404: PROBLEM } } },
    async (request) => {
      const { code, version } = request.params;
      const db = psDb(ctx.db);
      const procedure = await procedureByCode(db, code);
      const versions = procedure ? await versionsOf(db, procedure.id) : [];
      const row = versions.find((v) => v.version === version);
      const p = request.principal;
      // A draft is invisible (404, not 403) to anyone who may not manage it.
      if (!row || (row.state === 'draft' && !(isCatalogManager(p) && managesAgency(p, row.agency_id)))) throw notFound(`${code} v${version}`);
      const agency = await agencyById(db, row.agency_id);
      return procedureView(code, row, agency, versions, new Date(), managesAgency(p, versions[0]!.agency_id));
    },
  );
}
