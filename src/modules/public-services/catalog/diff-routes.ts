import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { StrictObject } from '../../../platform/http/schema.js';
import { psDb } from '../tables.js';
import { diffParts } from './diff.js';
import { partsOfRow, type VersionRow } from './parts.js';
import { notFound } from './routes.js';
import { CodeParams, VersionSummary } from './schemas.js';
import { agenciesByIds, procedureByCode, versionsOf } from './store.js';
import { isCatalogManager, managesAgency, versionSummaries } from './views.js';

const tags = ['public-services: catalog'];
const PROBLEM = { $ref: 'Problem#' };
const Bi = Type.Object({ vi: Type.String(), en: Type.String() });
const Item = Type.Object({ key: Type.String(), value: Type.Unknown() });

export const VersionDiff = Type.Object({
  code: Type.String(),
  from: VersionSummary,
  to: VersionSummary,
  changes: Type.Array(
    Type.Object({
      part: Type.String(),
      label: Bi,
      before: Type.Unknown(),
      after: Type.Unknown(),
      items: Type.Optional(
        Type.Object({
          added: Type.Array(Item),
          removed: Type.Array(Item),
          changed: Type.Array(Type.Object({ key: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
          reordered: Type.Boolean(),
        }),
      ),
    }),
  ),
});

export function registerCatalogDiffRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/procedures/:code/versions/diff',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'The constituent parts that changed between two versions (list parts item by item); a draft only for its catalog managers',
        params: CodeParams,
        querystring: StrictObject({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }),
        response: { 200: VersionDiff, 404: PROBLEM },
      },
    },
    async (request) => {
      const { code } = request.params;
      const { from, to } = request.query;
      const db = psDb(ctx.db);
      const procedure = await procedureByCode(db, code);
      const versions = procedure ? await versionsOf(db, procedure.id) : [];
      const p = request.principal;
      // The same rule as reading one version: a draft is a 404 to anyone who may not manage it.
      const visible = (n: number): VersionRow => {
        const row = versions.find((v) => v.version === n);
        if (!row || (row.state === 'draft' && !(isCatalogManager(p) && managesAgency(p, row.agency_id)))) throw notFound(`${code} v${n}`);
        return row;
      };
      const a = visible(from);
      const b = visible(to);
      const agencies = await agenciesByIds(db, [a.agency_id, b.agency_id]);
      const codeOf = (r: VersionRow) => (r.agency_id ? (agencies.get(r.agency_id)?.code ?? null) : null);
      const summaries = versionSummaries([a, b], new Date(), true);
      return {
        code,
        from: summaries.find((s) => s.version === from)!,
        to: summaries.find((s) => s.version === to)!,
        changes: diffParts(partsOfRow(a, codeOf(a)), partsOfRow(b, codeOf(b))),
      };
    },
  );
}
