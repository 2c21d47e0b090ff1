/** The shapes the IOC reads from the administrative-units API (GeoJSON, RFC 7946). */
export interface BoundaryFeature {
  type: 'Feature';
  id: string;
  properties: { code: string; name: string; type: string; parentCode: string | null; level: number };
  geometry: unknown;
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

export interface UnitDetail {
  code: string;
  name: string;
  type: string;
  typeName: string;
  childCount: number;
}
