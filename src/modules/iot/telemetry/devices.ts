import { sql, type Kysely } from 'kysely';
import { errors } from '../../../platform/http/errors.js';

/** What telemetry needs of a device of the registry (iot_devices, owned by device-registry). */
export interface DeviceRef {
  id: string;
  code: string;
  lastSeenAt: Date | null;
}

interface Row {
  id: string;
  code: string;
  last_seen_at: Date | string | null;
}

const toRef = (r: Row): DeviceRef => ({ id: r.id, code: r.code, lastSeenAt: r.last_seen_at ? new Date(r.last_seen_at) : null });

/** The device with this code, or a 404 in both languages. */
export async function deviceByCode(db: Kysely<any>, code: string): Promise<DeviceRef> {
  const { rows } = await sql<Row>`select id, code, last_seen_at from iot_devices where code = ${code}`.execute(db);
  if (!rows[0]) throw errors.notFound(`Không tìm thấy thiết bị "${code}".`, `No device "${code}".`);
  return toRef(rows[0]);
}

export interface DeviceFilter {
  codes?: string[] | undefined;
  typeCode?: string | undefined;
  sector?: string | undefined;
  limit: number;
}

/** Devices by codes and/or type and sector, by code; one more than `limit` tells the caller there are more. */
export async function findDevices(db: Kysely<any>, filter: DeviceFilter): Promise<DeviceRef[]> {
  const conditions = [sql`true`];
  if (filter.codes) conditions.push(sql`d.code = any(${filter.codes}::text[])`);
  if (filter.typeCode) conditions.push(sql`t.code = ${filter.typeCode}`);
  if (filter.sector) conditions.push(sql`d.sector = ${filter.sector}`);
  const { rows } = await sql<Row>`
    select d.id, d.code, d.last_seen_at from iot_devices d join iot_device_types t on t.id = d.type_id
    where ${sql.join(conditions, sql` and `)} order by d.code limit ${filter.limit + 1}`.execute(db);
  return rows.map(toRef);
}
