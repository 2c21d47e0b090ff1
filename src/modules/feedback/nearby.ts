import { Type, type Static } from 'typebox';
import type { AppContext } from '../../platform/http/module.js';
import { feedbackDb } from './tables.js';

export const NearbyView = Type.Object({ id: Type.String(), trackingCode: Type.String(), description: Type.String(), status: Type.String(), distanceMetres: Type.Integer(), createdAt: Type.String() });

/** How near and how recent an open report must be to be offered as "already reported". */
export const DUPLICATE_RADIUS_METRES = Number(process.env.FEEDBACK_DUPLICATE_RADIUS_METRES ?? 200);
export const DUPLICATE_WINDOW_DAYS = Number(process.env.FEEDBACK_DUPLICATE_WINDOW_DAYS ?? 30);

const EARTH_RADIUS = 6_371_000;

export function distanceMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.sqrt(a));
}

/** Open reports of the same category within the radius and time window, nearest first. */
export async function nearbyOpenReports(ctx: AppContext, categoryCode: string, lat: number, lng: number): Promise<Array<Static<typeof NearbyView>>> {
  // A bounding box on the indexed columns first, then the exact distance.
  const dLat = DUPLICATE_RADIUS_METRES / 111_320;
  const dLng = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  const rows = await feedbackDb(ctx.db)
    .selectFrom('feedback_reports')
    .select(['id', 'tracking_code', 'description', 'status', 'lat', 'lng', 'created_at'])
    .where('category_code', '=', categoryCode)
    .where('lat', '>=', lat - dLat)
    .where('lat', '<=', lat + dLat)
    .where('lng', '>=', lng - dLng)
    .where('lng', '<=', lng + dLng)
    .where('status', '!=', 'closed')
    .where('hidden_reason', 'is', null)
    .where('created_at', '>=', new Date(Date.now() - DUPLICATE_WINDOW_DAYS * 86_400_000))
    .limit(50)
    .execute();
  return rows
    .map((r) => ({ id: r.id, trackingCode: r.tracking_code, description: r.description.slice(0, 200), status: r.status, distanceMetres: Math.round(distanceMetres(lat, lng, r.lat, r.lng)), createdAt: new Date(r.created_at).toISOString() }))
    .filter((r) => r.distanceMetres <= DUPLICATE_RADIUS_METRES)
    .sort((a, b) => a.distanceMetres - b.distanceMetres)
    .slice(0, 10);
}
