import booleanPointInPolygon from '@turf/boolean-point-in-polygon';

/** A GeoJSON position: longitude, latitude (WGS 84). */
export type Position = number[];
export type AreaGeometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
/** [min longitude, min latitude, max longitude, max latitude], as in a GeoJSON `bbox`. */
export type BBox = [number, number, number, number];

export function isAreaGeometry(value: unknown): value is AreaGeometry {
  const g = value as { type?: unknown; coordinates?: unknown } | null;
  return !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates);
}

function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Shoelace formula in degrees: positive when the ring runs counter-clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  }
  return sum / 2;
}

/**
 * The source files wind exterior rings clockwise (the order d3-geo expects). We store and serve
 * RFC 7946 order instead — exterior rings counter-clockwise, holes clockwise — so every consumer
 * that follows the GeoJSON standard (Leaflet, MapLibre, turf) gets what it expects. A d3-geo
 * client must reverse the rings again. Each ring is checked, so mixed input comes out consistent.
 */
export function toRfc7946(geometry: AreaGeometry): AreaGeometry {
  const fix = (polygon: Position[][]) =>
    polygon.map((ring, i) => {
      const ccw = signedArea(ring) > 0;
      return (i === 0) === ccw ? ring : [...ring].reverse();
    });
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fix(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
}

export function bboxOf(geometry: AreaGeometry): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(geometry)) {
    for (const [lng, lat] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], lng!);
      box[1] = Math.min(box[1], lat!);
      box[2] = Math.max(box[2], lng!);
      box[3] = Math.max(box[3], lat!);
    }
  }
  return box;
}

export function containsPoint(geometry: AreaGeometry, lng: number, lat: number): boolean {
  return booleanPointInPolygon([lng, lat], geometry);
}

/**
 * A point to pin the unit on a map: the centroid of its largest polygon (so an island commune's
 * pin sits on its main island), or, when that falls outside a concave shape, the middle of the
 * widest stretch of the polygon along the centroid's latitude — always inside the unit.
 */
export function labelPoint(geometry: AreaGeometry): { lat: number; lng: number } {
  let largest: Position[][] = [];
  let largestArea = -1;
  for (const polygon of polygonsOf(geometry)) {
    const area = Math.abs(signedArea(polygon[0] ?? []));
    if (area > largestArea) [largest, largestArea] = [polygon, area];
  }
  const centroid = ringCentroid(largest[0] ?? []);
  if (containsPoint({ type: 'Polygon', coordinates: largest }, centroid.lng, centroid.lat)) return centroid;
  return widestSpanMidpoint(largest, centroid.lat) ?? centroid;
}

function ringCentroid(ring: Position[]): { lat: number; lng: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as [number, number];
    const [x1, y1] = ring[i] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  if (area === 0) return { lng: ring[0]?.[0] ?? 0, lat: ring[0]?.[1] ?? 0 };
  return { lng: x / (3 * area), lat: y / (3 * area) };
}

/** Even-odd scanline: the crossings of every ring with the latitude, paired into inside spans. */
function widestSpanMidpoint(polygon: Position[][], lat: number): { lat: number; lng: number } | null {
  const xs: number[] = [];
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j] as [number, number];
      const [x1, y1] = ring[i] as [number, number];
      if (y0 > lat !== y1 > lat) xs.push(x0 + ((lat - y0) / (y1 - y0)) * (x1 - x0));
    }
  }
  xs.sort((a, b) => a - b);
  let best: { lat: number; lng: number } | null = null;
  let bestWidth = 0;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const width = xs[k + 1]! - xs[k]!;
    if (width > bestWidth) [best, bestWidth] = [{ lat, lng: (xs[k]! + xs[k + 1]!) / 2 }, width];
  }
  return best;
}
