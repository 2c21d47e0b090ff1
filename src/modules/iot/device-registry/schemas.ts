import { Type, type TSchema } from 'typebox';
import { PageQuery, StrictObject, Uuid } from '../../../platform/http/schema.js';
import { DEVICE_STATUSES, SECTORS, type DeviceStatus, type Sector } from '../metrics.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Bilingual = StrictObject({ vi: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ minLength: 1, maxLength: 200 }) });

export const SectorSchema = Type.Unsafe<Sector>({ type: 'string', enum: [...SECTORS], description: 'agriculture, transport, tourism, environment' });
export const StatusSchema = Type.Unsafe<DeviceStatus>({
  type: 'string',
  enum: [...DEVICE_STATUSES],
  description: 'active (hoạt động), maintenance (bảo trì: still authenticates and reports), disabled (ngừng: its token is refused)',
});

export const METRIC_KEY_PATTERN = '^[a-z][a-z0-9_]{0,39}$';
export const TYPE_CODE_PATTERN = '^[a-z][a-z0-9_]{1,39}$';
export const DEVICE_CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$';

export const Metric = StrictObject({
  key: Type.String({ pattern: METRIC_KEY_PATTERN, description: 'Key in a payload’s `values`, e.g. water_level' }),
  name: Bilingual,
  unit: Type.String({ maxLength: 20 }),
  min: Type.Number(),
  max: Type.Number(),
  precision: Type.Integer({ minimum: 0, maximum: 6 }),
});

export const DeviceTypeView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  sector: SectorSchema,
  metrics: Type.Array(Metric),
  reportIntervalSeconds: Type.Integer(),
  isBuiltin: Type.Boolean(),
  deviceCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const typeFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  sector: SectorSchema,
  metrics: Type.Array(Metric, { minItems: 1, maxItems: 50 }),
  reportIntervalSeconds: Type.Integer({ minimum: 1, maximum: 86_400, description: 'Expected seconds between reports; offline after 3 of them' }),
};
export const TypeCreateBody = StrictObject({ code: Type.String({ pattern: TYPE_CODE_PATTERN }), ...typeFields });
export const TypeUpdateBody = StrictObject(typeFields);
export const TypeCodeParams = StrictObject({ code: Type.String({ pattern: TYPE_CODE_PATTERN }) });

const Lat = Type.Number({ minimum: 6, maximum: 24, description: 'WGS 84 latitude, within Vietnam' });
const Lng = Type.Number({ minimum: 102, maximum: 118, description: 'WGS 84 longitude, within Vietnam' });

export const DeviceCreateBody = StrictObject({
  code: Type.String({ pattern: DEVICE_CODE_PATTERN, description: 'Also the MQTT username and topic segment' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  typeCode: Type.String({ pattern: TYPE_CODE_PATTERN }),
  lat: Lat,
  lng: Lng,
  communeCode: Type.Optional(Type.String({ maxLength: 10, description: 'Overrides the commune resolved from the point' })),
  sector: Type.Optional(SectorSchema),
  status: Type.Optional(StatusSchema),
  ownerAgencyId: Type.Optional(Nullable(Uuid)),
});

export const DevicePatchBody = StrictObject({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  lat: Type.Optional(Lat),
  lng: Type.Optional(Lng),
  communeCode: Type.Optional(Type.String({ maxLength: 10 })),
  sector: Type.Optional(SectorSchema),
  status: Type.Optional(StatusSchema),
  ownerAgencyId: Type.Optional(Nullable(Uuid)),
});

export const DeviceCodeParams = StrictObject({ code: Type.String({ pattern: DEVICE_CODE_PATTERN }) });

export const DeviceListItem = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  typeCode: Type.String(),
  sector: SectorSchema,
  lat: Type.Number(),
  lng: Type.Number(),
  communeCode: Nullable(Type.String()),
  communeName: Nullable(Type.String()),
  ownerAgencyId: Nullable(Type.String()),
  status: StatusSchema,
  lastSeenAt: Nullable(Type.String({ format: 'date-time' })),
  online: Type.Boolean({ description: 'A report within three report intervals of the type' }),
  isDemo: Type.Boolean(),
});

export const DeviceView = Type.Object({
  ...DeviceListItem.properties,
  type: Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String(), reportIntervalSeconds: Type.Integer(), metrics: Type.Array(Metric) }),
  ownerAgency: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
  tokenRotatedAt: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const CreatedDevice = Type.Object({ ...DeviceView.properties, token: Type.String({ description: 'Shown once; only its hash is kept' }) });
export const RotatedToken = Type.Object({ code: Type.String(), token: Type.String({ description: 'Shown once; the previous token stops working' }), tokenRotatedAt: Type.String({ format: 'date-time' }) });

export const DeviceListQuery = StrictObject({
  type: Type.Optional(Type.String({ pattern: TYPE_CODE_PATTERN })),
  sector: Type.Optional(SectorSchema),
  commune: Type.Optional(Type.String({ maxLength: 10 })),
  status: Type.Optional(StatusSchema),
  agency: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  format: Type.Optional(Type.Unsafe<'json' | 'geojson'>({ type: 'string', enum: ['json', 'geojson'], description: 'geojson: every matching device at once, as a FeatureCollection (for the map)' })),
  ...PageQuery,
});

export const DeviceFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) }),
      properties: Type.Object({ code: Type.String(), name: Type.String(), type: Type.String(), sector: Type.String(), status: Type.String(), online: Type.Boolean(), commune: Nullable(Type.String()) }),
    }),
  ),
});
