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
