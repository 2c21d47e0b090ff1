import { sql, type Insertable } from 'kysely';
import type { AppContext } from '../../../platform/http/module.js';
import type { Db } from '../../../platform/db/database.js';
import { resolvePoint } from '../../../platform/admin-units/resolve.js';
import { Random } from '../../../platform/seeded-random.js';
import { toSearchText } from '../../../platform/search/search-text.js';
import type { DeviceTable, RegistryTables } from './tables.js';
import { DEMO_CODE_PREFIX, DEMO_OWNER, DEMO_STATIONS } from './demo-stations.js';
import { hashDeviceToken, newDeviceToken } from './tokens.js';

interface Unit {
  code: string;
  lat: number;
  lng: number;
  spanLat: number;
  spanLng: number;
}

/**
 * A point inside the commune: a few draws near its label point (within a fifth of its bounding
 * box), each checked with resolvePoint, falling back to the label point itself.
 */
async function pointIn(db: Db, unit: Unit, random: Random): Promise<{ lat: number; lng: number }> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const lat = unit.lat + random.between(-0.2, 0.2) * unit.spanLat;
    const lng = unit.lng + random.between(-0.2, 0.2) * unit.spanLng;
    if ((await resolvePoint(db, lat, lng)) === unit.code) return { lat: Math.round(lat * 1e5) / 1e5, lng: Math.round(lng * 1e5) / 1e5 };
  }
  return { lat: unit.lat, lng: unit.lng };
}

async function loadUnits(db: Db): Promise<Map<string, Unit>> {
  const rows = await db
    .selectFrom('admin_units')
    .select(['code', 'centroid_lat', 'centroid_lng', 'bbox_min_lat', 'bbox_max_lat', 'bbox_min_lng', 'bbox_max_lng'])
    .where('code', 'in', [...new Set(DEMO_STATIONS.map((s) => s.commune))])
    .where('centroid_lat', 'is not', null)
    .execute();
  return new Map(
    rows.map((r) => [
      r.code,
      { code: r.code, lat: r.centroid_lat!, lng: r.centroid_lng!, spanLat: (r.bbox_max_lat ?? r.centroid_lat!) - (r.bbox_min_lat ?? r.centroid_lat!), spanLng: (r.bbox_max_lng ?? r.centroid_lng!) - (r.bbox_min_lng ?? r.centroid_lng!) },
    ]),
  );
}

/**
 * ~125 demo devices across the province (marked is_demo), once: nothing happens while any demo
 * device exists. Positions are deterministic (seeded); tokens are random and known to nobody (the
 * simulator issues itself new ones through the API).
 */
export async function seedDemoDevices(ctx: Pick<AppContext, 'db'>): Promise<void> {
  const db = ctx.db.withTables<RegistryTables>();
  const existing = await db.selectFrom('iot_devices').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst();
  if (existing) return;
  const units = await loadUnits(ctx.db);
  if (units.size === 0) return; // no boundaries loaded: nothing sensible to place
  const types = new Map((await db.selectFrom('iot_device_types').select(['id', 'code', 'sector']).execute()).map((t) => [t.code, t]));
  const agencies = new Map(
    (await ctx.db.selectFrom('agencies').select(['id', 'code']).where('code', 'in', [...new Set(Object.values(DEMO_OWNER))]).execute()).map((a) => [a.code, a.id]),
  );
  const random = new Random(20261205);
  const counters = new Map<string, number>();
  const rows: Array<Insertable<DeviceTable>> = [];
  for (const station of DEMO_STATIONS) {
    const type = types.get(station.type);
    const unit = units.get(station.commune);
    if (!type || !unit) continue;
    const n = (counters.get(station.type) ?? 0) + 1;
    counters.set(station.type, n);
    const code = `QT-${DEMO_CODE_PREFIX[station.type]}-${String(n).padStart(3, '0')}`;
    const { lat, lng } = await pointIn(ctx.db, unit, random);
    rows.push({
      code,
      name: station.name,
      type_id: type.id,
      sector: type.sector,
      lat,
      lng,
      commune_code: unit.code,
      owner_agency_id: agencies.get(DEMO_OWNER[station.type]!) ?? null,
      status: 'active',
      token_hash: hashDeviceToken(newDeviceToken()),
      token_rotated_at: new Date(),
      is_demo: true,
      search_text: toSearchText(code, station.name),
    });
  }
  if (rows.length === 0) return;
  await db.transaction().execute(async (trx) => {
    // Serialises two starting processes; the second finds the devices and inserts nothing new.
    await sql`lock table iot_devices in share row exclusive mode`.execute(trx);
    await trx.insertInto('iot_devices').values(rows).onConflict((oc) => oc.column('code').doNothing()).execute();
  });
}
