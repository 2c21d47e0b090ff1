import { Type } from 'typebox';
import type { App, AppContext } from '../http/module.js';
import { actorOf } from '../http/access.js';
import { errors } from '../http/errors.js';
import { convertOldUnit } from './conversion.js';
import { resolvePoint } from './resolve.js';
import { getAdminUnit, listChildren, searchUnits, unitBoundary, unitExists } from './queries.js';
import { renameAdminUnit } from './rename.js';
import { chooseEncoding, matchesEtag, preparedChildBoundaries } from './boundary-cache.js';
import {
  AdminUnitDetail,
  BoundariesQuery,
  BoundaryCollection,
  BoundaryFeature,
  CodeParams,
  ConversionList,
  ConvertQuery,
  ListQuery,
  RenameBody,
  ResolveQuery,
  SearchQuery,
  UnitPage,
} from './schemas.js';

const tags = ['admin-units'];
const PROBLEM = { $ref: 'Problem#' };
/** Unit names and outlines are public facts; API keys need the read scope only to be let in. */
const READ = { access: { public: true, scopes: ['admin-units:read'] } } as const;
/** Outlines change only on import; let browsers and map tiles reuse them for a day. */
const BOUNDARY_CACHE = 'public, max-age=86400';

const unitNotFound = (code: string) => errors.notFound(`Không tìm thấy đơn vị hành chính mã ${code}.`, `No administrative unit with code ${code}.`);

const MapSettings = Type.Object({
  tileUrl: Type.Union([Type.String(), Type.Null()], { description: 'XYZ tile URL template (MAP_TILE_URL), or null: draw the commune outlines alone' }),
  attribution: Type.String(),
});

export function registerAdminUnitRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/map-settings',
    { config: { access: { public: true } }, schema: { tags, summary: 'What every map draws under the commune outlines: the configured background tiles, if any', response: { 200: MapSettings } } },
    async () => ({ tileUrl: ctx.config.mapTiles?.urlTemplate ?? null, attribution: ctx.config.mapTiles?.attribution ?? '' }),
  );

  app.get(
    '/api/v1/admin-units',
    { config: READ, schema: { tags, summary: 'Children of a unit (top-level units without `parent`), by code', querystring: ListQuery, response: { 200: UnitPage, 404: PROBLEM } } },
    async (request) => {
      const { parent, limit = 50, cursor } = request.query;
      if (parent !== undefined && !(await unitExists(ctx.db, parent))) throw unitNotFound(parent);
      return listChildren(ctx.db, parent, limit, cursor);
    },
  );

  app.get(
    '/api/v1/admin-units/resolve',
    { config: READ, schema: { tags, summary: 'The commune whose boundary contains a point', querystring: ResolveQuery, response: { 200: AdminUnitDetail, 404: PROBLEM } } },
    async (request) => {
      const code = await resolvePoint(ctx.db, request.query.lat, request.query.lng);
      const unit = code ? await getAdminUnit(ctx.db, code) : null;
      if (!unit) {
        throw errors.notFound(
          'Vị trí này không thuộc xã, phường, đặc khu nào có ranh giới trong hệ thống.',
          'No commune with a known boundary contains this point.',
        );
      }
      return unit;
    },
  );

  app.get(
    '/api/v1/admin-units/search',
    { config: READ, schema: { tags, summary: 'Search units by name, with or without diacritics', querystring: SearchQuery, response: { 200: UnitPage } } },
    async (request) => {
      const { q, within, limit = 50, cursor } = request.query;
      if (!q.trim()) throw errors.badRequest('empty_query', 'Vui lòng nhập từ khóa tìm kiếm.', 'Enter something to search for.');
      return searchUnits(ctx.db, q, { within, limit, cursor });
    },
  );

  app.get(
    '/api/v1/admin-units/convert',
    {
      config: READ,
      schema: { tags, summary: 'The unit(s) an old (pre-July-2025) commune became', querystring: ConvertQuery, response: { 200: ConversionList, 400: PROBLEM, 404: PROBLEM } },
    },
    async (request) => {
      const { oldCode, oldName, oldDistrict, oldProvince } = request.query;
      if (!oldCode && !oldName) {
        throw errors.badRequest(
          'missing_old_unit',
          'Cần mã xã cũ (oldCode) hoặc tên xã cũ (oldName).',
          'Give the old commune code (oldCode) or the old commune name (oldName).',
        );
      }
      const items = await convertOldUnit(ctx.db, oldCode ? { oldCode } : { oldName: oldName!, oldDistrict, oldProvince });
      if (items.length === 0) throw errors.notFound('Không tìm thấy đơn vị hành chính cũ này.', 'No old administrative unit matches.');
      return { items };
    },
  );

  app.get(
    '/api/v1/admin-units/:code',
    { config: READ, schema: { tags, summary: 'One unit, with its pin point and ancestors', params: CodeParams, response: { 200: AdminUnitDetail, 404: PROBLEM } } },
    async (request) => {
      const unit = await getAdminUnit(ctx.db, request.params.code);
      if (!unit) throw unitNotFound(request.params.code);
      return unit;
    },
  );

  app.get(
    '/api/v1/admin-units/:code/boundary',
    { config: READ, schema: { tags, summary: "The unit's outline as a GeoJSON Feature", params: CodeParams, response: { 200: BoundaryFeature, 404: PROBLEM } } },
    async (request, reply) => {
      const feature = await unitBoundary(ctx.db, request.params.code);
      if (feature === null) throw unitNotFound(request.params.code);
      if (feature === false) throw errors.notFound('Đơn vị hành chính này chưa có dữ liệu ranh giới.', 'This unit has no boundary data yet.');
      reply.header('cache-control', BOUNDARY_CACHE);
      return feature;
    },
  );

  app.get(
    '/api/v1/admin-units/:code/children/boundaries',
    {
      config: READ,
      schema: {
        tags,
        summary: "Outlines of the unit's children (GeoJSON FeatureCollection); `detail=light` is simplified for phones",
        description:
          'Sent gzip- or brotli-compressed when the client accepts it, with an ETag (If-None-Match → 304). ' +
          '`light`: Douglas–Peucker at about 30 m keeping shared borders shared, coordinates to 5 decimals; about a tenth of the full size.',
        params: CodeParams,
        querystring: BoundariesQuery,
        response: { 200: BoundaryCollection, 304: Type.Null({ description: 'Not modified (If-None-Match)' }), 404: PROBLEM },
      },
    },
    async (request, reply) => {
      if (!(await unitExists(ctx.db, request.params.code))) throw unitNotFound(request.params.code);
      const body = await preparedChildBoundaries(ctx.db, request.params.code, request.query.detail ?? 'full');
      reply.header('cache-control', BOUNDARY_CACHE).header('etag', body.etag).header('vary', 'accept-encoding');
      if (matchesEtag(request.headers['if-none-match'], body.etag)) return reply.status(304).send(null);
      const encoding = chooseEncoding(request.headers['accept-encoding']);
      reply.type('application/json; charset=utf-8');
      if (encoding === 'identity') return reply.send(body.json);
      return reply.header('content-encoding', encoding).send(await body.encoded(encoding));
    },
  );

  app.patch(
    '/api/v1/admin-units/:code',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: { tags, summary: 'Rename a unit (system administrators)', params: CodeParams, body: RenameBody, response: { 200: AdminUnitDetail, 404: PROBLEM } },
    },
    async (request) => {
      const found = await renameAdminUnit(ctx, request.params.code, request.body.name.trim(), { actor: actorOf(request), ip: request.ip, requestId: request.id });
      if (!found) throw unitNotFound(request.params.code);
      return (await getAdminUnit(ctx.db, request.params.code))!;
    },
  );
}
