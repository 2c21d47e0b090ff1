import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_FILES, sharedDataDir } from './data-files.js';
import { containsPoint, labelPoint, toRfc7946, type AreaGeometry, type Position } from './geometry.js';
import { douglasPeucker, LIGHT_DECIMALS, simplifyGeometries } from './simplify.js';

interface SourceFeature {
  properties: { code: string; name: string };
  geometry: AreaGeometry;
}

const source = JSON.parse(readFileSync(path.join(sharedDataDir(), DATA_FILES.communeBoundaries), 'utf8')) as { features: SourceFeature[] };
const full = source.features.map((f) => toRfc7946(f.geometry));
const light = simplifyGeometries(full);

const polygonsOf = (g: AreaGeometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const ringsOf = (g: AreaGeometry) => polygonsOf(g).flat();
const vertexCount = (gs: AreaGeometry[]) => gs.reduce((n, g) => n + ringsOf(g).reduce((m, r) => m + r.length, 0), 0);
const signedArea = (ring: Position[]) => {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return sum / 2;
};
const area = (g: AreaGeometry) => polygonsOf(g).reduce((n, p) => n + p.reduce((m, r, i) => m + (i === 0 ? 1 : -1) * Math.abs(signedArea(r)), 0), 0);

test('every commune keeps an outline of the same type, with closed rings of at least four positions, wound as RFC 7946 says', () => {
  assert.equal(light.length, full.length);
  assert.equal(light.length, 78);
  for (const [i, g] of light.entries()) {
    assert.equal(g.type, full[i]!.type, source.features[i]!.properties.name);
    assert.ok(polygonsOf(g).length >= 1);
    for (const polygon of polygonsOf(g)) {
      for (const [r, ring] of polygon.entries()) {
        assert.ok(ring.length >= 4, `${source.features[i]!.properties.name}: ring of ${ring.length}`);
        assert.deepEqual(ring[0], ring[ring.length - 1], 'closed');
        assert.ok(r === 0 ? signedArea(ring) > 0 : signedArea(ring) < 0, 'exterior counter-clockwise, holes clockwise');
        for (const p of ring) assert.ok(p.length === 2 && p.every(Number.isFinite));
      }
    }
  }
});

test('the light outlines have under a sixth of the vertices, coordinates to 5 decimals', () => {
  const before = vertexCount(full);
  const after = vertexCount(light);
  assert.ok(after * 6 < before, `${after} of ${before} vertices`);
  const f = 10 ** LIGHT_DECIMALS;
  for (const g of light) for (const ring of ringsOf(g)) for (const [x, y] of ring) assert.ok(Math.round(x! * f) / f === x && Math.round(y! * f) / f === y);
});

test('each commune stays recognisable: its pin point is still inside and its area within 3 %', () => {
  for (const [i, g] of light.entries()) {
    const name = source.features[i]!.properties.name;
    const pin = labelPoint(full[i]!);
    assert.ok(containsPoint(g, pin.lng, pin.lat), `${name}: pin inside`);
    const change = Math.abs(area(g) - area(full[i]!)) / area(full[i]!);
    assert.ok(change < 0.03, `${name}: area changed by ${(change * 100).toFixed(1)} %`);
  }
});

test('neighbours still share their border: every vertex of a light outline that lies on a full shared border is in both light outlines', () => {
  // Positions (rounded) used by two or more communes in the full data: the shared borders.
  const key = (p: Position) => `${p[0]!.toFixed(LIGHT_DECIMALS)},${p[1]!.toFixed(LIGHT_DECIMALS)}`;
  const owners = (gs: AreaGeometry[]) => {
    const map = new Map<string, Set<number>>();
    gs.forEach((g, i) => ringsOf(g).forEach((ring) => ring.forEach((p) => map.set(key(p), (map.get(key(p)) ?? new Set()).add(i)))));
    return map;
  };
  const before = owners(full);
  const after = owners(light);
  let shared = 0;
  for (const [k, communes] of after) {
    const was = before.get(k);
    if (!was || was.size < 2) continue;
    shared++;
    for (const commune of was) assert.ok(communes.has(commune), `vertex ${k} kept by every commune that shares it`);
  }
  assert.ok(shared > 1000, `${shared} shared vertices kept`);
});

test('Douglas–Peucker keeps the ends and drops points closer than the tolerance to the line', () => {
  const line = [
    [106, 17],
    [106.001, 17.00001],
    [106.002, 17],
    [106.003, 17.01],
    [106.004, 17],
  ];
  assert.deepEqual(douglasPeucker(line, 0.0001), [line[0], line[2], line[3], line[4]]);
  assert.deepEqual(douglasPeucker(line, 1), [line[0], line[4]]);
});
