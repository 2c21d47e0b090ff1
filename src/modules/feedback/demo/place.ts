/**
 * Where reports happen: communes weighted by the population proxy (world.ts), leaning to wards or
 * to rural communes by category, to the flood-prone or upland communes in the flood season; the
 * point is drawn inside the commune as routing would resolve it.
 */
import type { Random } from '../../../platform/seeded-random.js';
import { WeightedTable } from '../../../platform/seeded-random.js';
import type { DemoCommune, DemoWorld } from './world.js';

/** Categories mostly seen in towns, and mostly in the countryside. */
export const URBAN = new Set(['den-chieu-sang', 'via-he-lan-chiem', 'an-toan-giao-thong', 'trat-tu-cong-cong', 'cay-xanh', 'vien-thong']);
export const RURAL = new Set(['dat-dai', 'xay-dung-trai-phep', 'nuoc-sach', 'y-te-giao-duc']);

/** Commune tables for each kind of category and season, built once. */
export function communeTables(world: DemoWorld) {
  const table = (factor: (c: DemoCommune) => number) => new WeightedTable(world.communes, world.communes.map((c) => c.weight * factor(c)));
  return {
    plain: table(() => 1),
    urban: table((c) => (c.kind === 'ward' ? 2 : 1)),
    rural: table((c) => (c.kind === 'ward' ? 0.4 : 1)),
    flood: table((c) => (c.floodProne ? 4 : 0.5)),
    landslide: table((c) => (c.kind === 'upland' ? 3 : c.floodProne ? 1.5 : 1)),
  };
}

/** A point inside the commune, as routing would resolve it: mostly near the centre (where people live), some anywhere in it. */
export function pointIn(world: DemoWorld, commune: DemoCommune, random: Random): { lat: number; lng: number } {
  const { minLat, maxLat, minLng, maxLng } = commune.bbox;
  const spread = commune.kind === 'ward' ? 0.25 : 0.15;
  for (let attempt = 0; attempt < 40; attempt++) {
    const near = random.chance(0.65);
    const lat = near ? commune.centre.lat + random.normal() * spread * (maxLat - minLat) : random.between(minLat, maxLat);
    const lng = near ? commune.centre.lng + random.normal() * spread * (maxLng - minLng) : random.between(minLng, maxLng);
    if (world.communeAt(lat, lng) === commune.code) return { lat: round6(lat), lng: round6(lng) };
  }
  return commune.centre;
}

export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
