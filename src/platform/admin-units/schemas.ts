import { Type, type TSchema } from 'typebox';
import { PageQuery, StrictObject } from '../http/schema.js';

export const UnitCode = Type.String({ pattern: '^[0-9A-Za-z_-]{1,20}$', description: 'Official NSO code as text, zero-padded ("01", "44", "18880")' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const AdminUnitSummary = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    type: Type.String({ description: 'province, municipality, ward, commune, special_zone, … (data, not a fixed list)' }),
    parentCode: Nullable(Type.String()),
  },
);

export const AdminUnitDetail = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    type: Type.String(),
    parentCode: Nullable(Type.String()),
    codename: Type.String(),
    typeName: Type.String({ description: 'Vietnamese division type as published (tỉnh, phường, xã, đặc khu, …)' }),
    level: Type.Integer({ description: 'Depth in the tree, 1 = top' }),
    centroid: Nullable(Type.Object({ lat: Type.Number(), lng: Type.Number() }, { description: 'A point inside the unit' })),
    bbox: Nullable(Type.Array(Type.Number(), { minItems: 4, maxItems: 4, description: '[minLng, minLat, maxLng, maxLat]' })),
    hasBoundary: Type.Boolean(),
    childCount: Type.Integer(),
    ancestors: Type.Array(AdminUnitSummary),
  },
);

export const UnitPage = Type.Object({ items: Type.Array(AdminUnitSummary), nextCursor: Nullable(Type.String()) });

export const CodeParams = StrictObject({ code: UnitCode });

export const ListQuery = StrictObject({ parent: Type.Optional(UnitCode), ...PageQuery });

export const SearchQuery = StrictObject({
  q: Type.String({ minLength: 1, maxLength: 100 }),
  within: Type.Optional(UnitCode),
  ...PageQuery,
});

export const ResolveQuery = StrictObject({
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
});

export const ConvertQuery = StrictObject({
  oldCode: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  oldName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  oldDistrict: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  oldProvince: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
});

export const ConversionView = Type.Object({
  oldCode: Nullable(Type.String()),
  oldName: Type.String(),
  oldDistrict: Type.String(),
  oldProvince: Type.String(),
  note: Type.String({ description: 'How the old unit was merged, as published ("Nhập toàn bộ", "Nhập một phần", …)' }),
  newCode: Type.String(),
  newName: Type.String(),
  newType: Type.String(),
  newParentCode: Nullable(Type.String()),
});

export const ConversionList = Type.Object({ items: Type.Array(ConversionView) });

const Feature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  bbox: Type.Optional(Type.Array(Type.Number())),
  properties: Type.Object({ code: Type.String(), name: Type.String(), type: Type.String(), parentCode: Nullable(Type.String()), level: Type.Integer() }),
  geometry: Type.Unknown({ description: 'GeoJSON Polygon or MultiPolygon, RFC 7946 winding' }),
});
export const BoundaryFeature = Feature;
export const BoundaryCollection = Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(Feature) });

export const BoundariesQuery = StrictObject({
  detail: Type.Optional(
    Type.Union([Type.Literal('full'), Type.Literal('light')], { description: '`full` (default): the outlines as imported; `light`: simplified for phones (routing always uses the full ones)' }),
  ),
});

export const RenameBody = StrictObject({ name: Type.String({ minLength: 2, maxLength: 120 }) });
