/**
 * Light outlines for phones: Douglas–Peucker simplification that keeps neighbouring communes
 * fitting together, then coordinates rounded to 5 decimals (about 1 m).
 *
 * Simplifying each ring on its own would move a shared border differently on each side and leave
 * slivers and gaps between communes. So, as topology-aware tools do, vertices where the set of
 * rings sharing them changes ("junctions") are kept, and each stretch between two junctions is
 * simplified in one canonical direction: both communes get the same points for their border.
 * The point-in-commune routing on the server keeps using the full outlines.
 */
import { toRfc7946, type AreaGeometry, type Position } from './geometry.js';

/** About 30 m: a commune is still recognisable zoomed in to a few streets on a phone. */
export const LIGHT_TOLERANCE_METRES = 30;
export const LIGHT_DECIMALS = 5;
const METRES_PER_DEGREE = 111_320;

/** A vertex's number: equal positions get the same number, in every ring. */
type VertexId = number;

/** An open ring and the id of each of its vertices (numbers compare faster than positions). */
interface Ring {
  points: Position[];
  ids: Int32Array;
}

/** Simplifies every geometry together (so shared borders stay shared); same order, same count. */
export function simplifyGeometries(geometries: readonly AreaGeometry[], toleranceMetres = LIGHT_TOLERANCE_METRES, decimals = LIGHT_DECIMALS): AreaGeometry[] {
  const rings = new Map<Position[], Ring>();
  const idOf = vertexNumbering(geometries.reduce((n, g) => n + polygonsOf(g).reduce((m, polygon) => m + polygon.reduce((k, ring) => k + ring.length, 0), 0), 0));
  for (const g of geometries) {
    for (const polygon of polygonsOf(g)) {
      for (const ring of polygon) {
        const points = openRing(ring);
        rings.set(ring, { points, ids: Int32Array.from(points, idOf) });
      }
    }
  }
  const fixed = junctions([...rings.values()], idOf.count());
  const tolerance = toleranceMetres / METRES_PER_DEGREE;
  const simplifyRing = (ring: Position[]): Position[] | null => closeAndRound(simplifyOpenRing(rings.get(ring)!, fixed, tolerance), decimals);

  return geometries.map((geometry) => {
    const original = polygonsOf(geometry);
    const kept = original.map((polygon) => simplifyPolygon(polygon, simplifyRing, decimals)).filter((p): p is Position[][] => p !== null);
    // Only a unit made of sub-metre slivers could lose every polygon: then it keeps its outline as it was.
    const polygons = kept.length > 0 ? kept : original;
    const out: AreaGeometry = geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
    return toRfc7946(out);
  });
}

/**
 * A ring that collapses (fewer than three distinct points) is dropped when it is a hole; an
 * exterior keeps its full outline instead (rounded), so no islet disappears. Null only when even
 * that collapses: a sliver under a metre wide, left out.
 */
function simplifyPolygon(polygon: Position[][], simplifyRing: (ring: Position[]) => Position[] | null, decimals: number): Position[][] | null {
  const [exterior, ...holes] = polygon;
  const outer = simplifyRing(exterior!) ?? closeAndRound(openRing(exterior!), decimals);
  if (!outer) return null;
  const kept = holes.map(simplifyRing).filter((hole): hole is Position[] => hole !== null);
  return [outer, ...kept];
}

function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The ring without its closing position (GeoJSON repeats the first position at the end). */
function openRing(ring: Position[]): Position[] {
  const n = ring.length;
  return n > 1 && ring[0]![0] === ring[n - 1]![0] && ring[0]![1] === ring[n - 1]![1] ? ring.slice(0, -1) : ring;
}

/**
 * Numbers positions in order of first appearance: the same longitude and latitude, the same
 * number. An open-addressing hash table over typed arrays: Maps keyed by strings or nested Maps
 * cost seconds of garbage collection on a province's 175,000 vertices.
 */
function vertexNumbering(capacity: number): ((p: Position) => VertexId) & { count(): number } {
  let size = 1024;
  while (size < capacity * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const xs = new Float64Array(capacity);
  const ys = new Float64Array(capacity);
  let next = 0;
  const idOf = (p: Position): VertexId => {
    const [x, y] = [p[0]!, p[1]!];
    let h = Math.imul(Math.round(x * 1e6) | 0, 0x9e3779b1) ^ Math.imul(Math.round(y * 1e6) | 0, 0x85ebca77);
    h = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const id = slots[h]!;
      if (id === -1) {
        xs[next] = x;
        ys[next] = y;
        slots[h] = next;
        return next++;
      }
      if (xs[id] === x && ys[id] === y) return id;
      h = (h + 1) & mask;
    }
  };
  return Object.assign(idOf, { count: () => next });
}

/**
 * Vertices where a border starts or ends: the set of rings through a vertex differs from the set
 * through one of its neighbours. Computed over all rings, so both sides of a border agree.
 */
function junctions(rings: Ring[], vertexCount: number): Uint8Array {
  // The owning rings of each vertex: a ring number while there is one, then a canonical list.
  const owners: Array<number | string> = new Array(vertexCount).fill(-1);
  const extra = new Map<VertexId, Set<number>>();
  rings.forEach((ring, r) => {
    for (const v of ring.ids) {
      const first = owners[v] as number;
      if (first === -1 || first === r) owners[v] = r;
      else extra.set(v, (extra.get(v) ?? new Set([first])).add(r));
    }
  });
  for (const [v, set] of extra) owners[v] = [...set].sort((a, b) => a - b).join(' ');
  const fixed = new Uint8Array(vertexCount);
  for (const { ids } of rings) {
    const n = ids.length;
    for (let i = 0; i < n; i++) {
      const here = owners[ids[i]!];
      if (here !== owners[ids[(i + n - 1) % n]!] || here !== owners[ids[(i + 1) % n]!]) fixed[ids[i]!] = 1;
    }
  }
  return fixed;
}

/** The kept points of an open ring: its junctions, and what Douglas–Peucker keeps between them. */
function simplifyOpenRing(ring: Ring, fixed: Uint8Array, tolerance: number): Position[] {
  const { points } = ring;
  const anchors = anchorsOf(ring, fixed);
  const kept: Position[] = [];
  for (let a = 0; a < anchors.length; a++) {
    const from = anchors[a]!;
    const to = a + 1 < anchors.length ? anchors[a + 1]! : anchors[0]! + points.length;
    const stretch: Position[] = [];
    for (let i = from; i <= to; i++) stretch.push(points[i % points.length]!);
    kept.push(...canonicalDouglasPeucker(stretch, tolerance).slice(0, -1));
  }
  return kept;
}

/**
 * Indexes of the ring's junctions. A ring with fewer than two (an island, or an enclave whose
 * whole outline is one border) is anchored at its smallest vertex and the vertex farthest from
 * it: both depend only on the set of points, so an enclave and its surrounding hole agree.
 */
function anchorsOf({ points: ring, ids }: Ring, fixed: Uint8Array): number[] {
  const anchors: number[] = [];
  ids.forEach((v, i) => fixed[v] === 1 && anchors.push(i));
  if (anchors.length >= 2) return anchors;
  let first = 0;
  ring.forEach((p, i) => {
    const q = ring[first]!;
    if (p[0]! < q[0]! || (p[0] === q[0] && p[1]! < q[1]!)) first = i;
  });
  let far = first;
  let best = -1;
  ring.forEach((p, i) => {
    const d = (p[0]! - ring[first]![0]!) ** 2 + (p[1]! - ring[first]![1]!) ** 2;
    if (d > best) [far, best] = [i, d];
  });
  return [...new Set([...anchors, first, far])].sort((a, b) => a - b);
}

/** Douglas–Peucker run from the lexicographically smaller end, so a border walked backwards gives the same points. */
function canonicalDouglasPeucker(line: Position[], tolerance: number): Position[] {
  const [a, b] = [line[0]!, line[line.length - 1]!];
  const forward = a[0]! < b[0]! || (a[0] === b[0] && a[1]! <= b[1]!);
  return forward ? douglasPeucker(line, tolerance) : douglasPeucker([...line].reverse(), tolerance).reverse();
}

/**
 * Iterative Douglas–Peucker on a polyline (ends kept). Distances in degrees of latitude with the
 * longitude scaled by cos(latitude), so the tolerance means the same on the ground east–west.
 */
export function douglasPeucker(line: Position[], tolerance: number): Position[] {
  if (line.length <= 2) return line;
  const scale = Math.cos((line[0]![1]! * Math.PI) / 180);
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let index = -1;
    let max = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(line[i]!, line[first]!, line[last]!, scale);
      if (d > max) [index, max] = [i, d];
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

function distanceToSegment(p: Position, a: Position, b: Position, scale: number): number {
  const [px, py] = [p[0]! * scale, p[1]!];
  const [ax, ay] = [a[0]! * scale, a[1]!];
  const [bx, by] = [b[0]! * scale, b[1]!];
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Rounds, drops repeated positions, closes the ring; null when fewer than three distinct points remain. */
function closeAndRound(open: Position[], decimals: number): Position[] | null {
  const f = 10 ** decimals;
  const out: Position[] = [];
  for (const p of open) {
    const q = [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  if (out.length < 3 || Math.abs(ringArea(out)) === 0) return null;
  return [...out, out[0]!];
}

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return sum / 2;
}
