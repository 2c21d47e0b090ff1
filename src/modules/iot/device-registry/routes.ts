import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { actorOf } from '../../../platform/http/access.js';
import { Page } from '../../../platform/http/schema.js';
import { createDeviceType, listDeviceTypes, typeNotFound, updateDeviceType } from './device-types.js';
import { deviceFeatures, getDevice, listDevices } from './device-queries.js';
import { createDevice, deviceNotFound, rotateDeviceToken, updateDevice, writerOf } from './device-writes.js';
import {
  CreatedDevice, DeviceCodeParams, DeviceCreateBody, DeviceFeatureCollection, DeviceListItem, DeviceListQuery, DevicePatchBody, DeviceTypeView, DeviceView,
  RotatedToken, TypeCodeParams, TypeCreateBody, TypeUpdateBody,
} from './schemas.js';

const tags = ['iot: registry'];
const PROBLEM = { $ref: 'Problem#' };
/** Staff read the registry; API keys need `iot:read`. */
const READ = { access: { roles: ['officer', 'agency_admin', 'leader', 'system_admin'], scopes: ['iot:read'] } } as const;
/** Device writes: system admins any device, agency admins their agency's (checked in the handler); keys need `iot:write`. */
const WRITE_DEVICES = { access: { roles: ['system_admin', 'agency_admin'], scopes: ['iot:write'] } } as const;
const WRITE_TYPES = { access: { roles: ['system_admin'] } } as const;

const meta = (request: FastifyRequest) => ({ actor: actorOf(request), ip: request.ip, requestId: request.id });

export function registerRegistryRoutes(app: App, ctx: AppContext): void {
  registerTypeRoutes(app, ctx);
  registerDeviceRoutes(app, ctx);
}

function registerTypeRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/iot/device-types',
    { config: READ, schema: { tags, summary: 'Device types (loại thiết bị) with their metrics', response: { 200: Type.Object({ items: Type.Array(DeviceTypeView) }) } } },
    async () => ({ items: await listDeviceTypes(ctx.db) }),
  );

  app.get(
    '/api/v1/iot/device-types/:code',
    { config: READ, schema: { tags, summary: 'One device type', params: TypeCodeParams, response: { 200: DeviceTypeView, 404: PROBLEM } } },
    async (request) => {
      const [type] = await listDeviceTypes(ctx.db, request.params.code);
      if (!type) throw typeNotFound();
      return type;
    },
  );

  app.post(
    '/api/v1/iot/device-types',
    { config: WRITE_TYPES, schema: { tags, summary: 'Create a device type (system administrators)', body: TypeCreateBody, response: { 201: DeviceTypeView, 400: PROBLEM, 409: PROBLEM } } },
    async (request, reply) => {
      await createDeviceType(ctx, request.body, meta(request));
      const [type] = await listDeviceTypes(ctx.db, request.body.code);
      return reply.status(201).send(type!);
    },
  );

  app.put(
    '/api/v1/iot/device-types/:code',
    {
      config: WRITE_TYPES,
      schema: {
        tags,
        summary: 'Replace a device type’s definition; removing a metric while devices of the type exist is refused (409)',
        params: TypeCodeParams,
        body: TypeUpdateBody,
        response: { 200: DeviceTypeView, 400: PROBLEM, 404: PROBLEM, 409: PROBLEM },
      },
    },
    async (request) => {
      await updateDeviceType(ctx, request.params.code, request.body, meta(request));
      return (await listDeviceTypes(ctx.db, request.params.code))[0]!;
    },
  );
}

function registerDeviceRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/iot/devices',
    {
      config: READ,
      schema: {
        tags,
        summary: 'Devices by code, filtered; `q` ignores diacritics; `format=geojson` returns every match at once for the map',
        querystring: DeviceListQuery,
        response: { 200: Type.Union([Page(DeviceListItem), DeviceFeatureCollection]) },
      },
    },
    async (request, reply) => {
      const { format, limit = 50, cursor, ...filters } = request.query;
      if (format === 'geojson') {
        // Sent as a string: skips per-feature serialisation of up to 20,000 points.
        return reply.type('application/geo+json; charset=utf-8').send(JSON.stringify(await deviceFeatures(ctx.db, filters)) as never);
      }
      return listDevices(ctx.db, filters, limit, cursor);
    },
  );

  app.post(
    '/api/v1/iot/devices',
    {
      config: WRITE_DEVICES,
      schema: {
        tags,
        summary: 'Register a device; its token is in this response only. The commune is resolved from the point.',
        body: DeviceCreateBody,
        response: { 201: CreatedDevice, 400: PROBLEM, 403: PROBLEM, 409: PROBLEM },
      },
    },
    async (request, reply) => {
      const { token } = await createDevice(ctx, request.body, writerOf(request.principal), meta(request));
      const device = (await getDevice(ctx.db, request.body.code))!;
      return reply.status(201).header('cache-control', 'no-store').send({ ...device, token });
    },
  );

  app.get(
    '/api/v1/iot/devices/:code',
    { config: READ, schema: { tags, summary: 'One device', params: DeviceCodeParams, response: { 200: DeviceView, 404: PROBLEM } } },
    async (request) => {
      const device = await getDevice(ctx.db, request.params.code);
      if (!device) throw deviceNotFound();
      return device;
    },
  );

  app.patch(
    '/api/v1/iot/devices/:code',
    {
      config: WRITE_DEVICES,
      schema: {
        tags,
        summary: 'Change a device: name, location (the commune is resolved again), status, sector, owner agency',
        params: DeviceCodeParams,
        body: DevicePatchBody,
        response: { 200: DeviceView, 400: PROBLEM, 403: PROBLEM, 404: PROBLEM },
      },
    },
    async (request) => {
      await updateDevice(ctx, request.params.code, request.body, writerOf(request.principal), meta(request));
      return (await getDevice(ctx.db, request.params.code))!;
    },
  );

  app.post(
    '/api/v1/iot/devices/:code/token',
    {
      config: WRITE_DEVICES,
      schema: { tags, summary: 'Issue a new device token (shown once); the old one stops working', params: DeviceCodeParams, response: { 200: RotatedToken, 403: PROBLEM, 404: PROBLEM } },
    },
    async (request, reply) => {
      const { token, rotatedAt } = await rotateDeviceToken(ctx, request.params.code, writerOf(request.principal), meta(request));
      return reply.header('cache-control', 'no-store').send({ code: request.params.code, token, tokenRotatedAt: rotatedAt.toISOString() });
    },
  );
}
