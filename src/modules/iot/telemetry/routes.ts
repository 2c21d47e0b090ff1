import type { App, AppContext } from '../../../platform/http/module.js';
import { errors } from '../../../platform/http/errors.js';
import { bulkLatestJson } from './bulk-latest.js';
import { deviceByCode } from './devices.js';
import { historyJson, latestValues, type LatestValue } from './queries.js';
import { timeRange } from './range.js';
import {
  BulkLatestQuery,
  BulkLatestResponse,
  CodeParams,
  HistoryQuery,
  HistoryResponse,
  LatestResponse,
  PROBLEM,
  READ_ACCESS,
  tags,
} from './schemas.js';

export const MAX_BULK_DEVICES = 1000;

export function registerLatestRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/iot/devices/:code/latest',
    {
      config: { access: READ_ACCESS },
      schema: {
        tags,
        summary: 'The latest in-range value of each metric of a device, with its source time',
        params: CodeParams,
        response: { 200: LatestResponse, 404: PROBLEM },
      },
    },
    async (request) => {
      const device = await deviceByCode(ctx.db, request.params.code);
      const latest = await latestValues(ctx.db, [device.id]);
      return { values: serialise(latest.get(device.id)) };
    },
  );

  app.get(
    '/api/v1/iot/latest',
    {
      config: { access: READ_ACCESS },
      schema: {
        tags,
        summary: 'Latest values of many devices at once (for the map and the list), up to 1,000 devices',
        description: 'Either `devices` (codes separated by commas) or the filters `type` and `sector`; with none, every device.',
        querystring: BulkLatestQuery,
        response: { 200: BulkLatestResponse, 400: PROBLEM },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const codes = q.devices?.split(',').map((c) => c.trim()).filter((c) => c !== '');
      if (codes && codes.length > MAX_BULK_DEVICES) {
        throw errors.badRequest('too_many_devices', `Tối đa ${MAX_BULK_DEVICES} thiết bị mỗi lần.`, `At most ${MAX_BULK_DEVICES} devices at once.`);
      }
      // The database writes the JSON (schema BulkLatestResponse); a string is sent as it is.
      const body = await bulkLatestJson(ctx.db, { codes, typeCode: q.type, sector: q.sector }, MAX_BULK_DEVICES);
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  app.get(
    '/api/v1/iot/devices/:code/history',
    {
      config: { access: READ_ACCESS },
      schema: {
        tags,
        summary: 'A metric over a time range within a point budget: raw readings when they fit, else rollups',
        description:
          'At most `points` points (default 1000, at most 5000). `resolution` says the source: `raw` (each reading, out-of-range ones ' +
          'marked), or the `minute`, `hour` or `day` rollup re-bucketed into `bucketSeconds`-wide points. Range at most 10 years.',
        params: CodeParams,
        querystring: HistoryQuery,
        response: { 200: HistoryResponse, 400: PROBLEM, 404: PROBLEM },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const { from, to } = timeRange(q, 1);
      const device = await deviceByCode(ctx.db, request.params.code);
      const result = await historyJson(ctx.db, { deviceId: device.id, metric: q.metric, from, to, maxPoints: q.points });
      const head = JSON.stringify({ code: device.code, metric: q.metric, from: from.toISOString(), to: to.toISOString(), resolution: result.resolution, bucketSeconds: result.bucketSeconds });
      // The points come as JSON text from the database (schema HistoryResponse); a string is sent as it is.
      return reply.type('application/json; charset=utf-8').send(`${head.slice(0, -1)},"points":${result.pointsJson}}`);
    },
  );
}

function serialise(values: Record<string, LatestValue> | undefined): Record<string, { value: number; ts: string }> {
  const out: Record<string, { value: number; ts: string }> = {};
  for (const [metric, v] of Object.entries(values ?? {})) out[metric] = { value: v.value, ts: v.ts.toISOString() };
  return out;
}
