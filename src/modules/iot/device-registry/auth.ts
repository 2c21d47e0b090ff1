import type { Db } from '../../../platform/db/database.js';
import type { DeviceStatus, MetricDefinition } from '../metrics.js';
import type { RegistryTables } from './tables.js';
import { verifyDeviceToken } from './tokens.js';

/** What ingestion needs to know about a device once it is authenticated. */
export interface DeviceIdentity {
  id: string;
  code: string;
  typeId: string;
  typeCode: string;
  status: DeviceStatus;
  metrics: MetricDefinition[];
  ownerAgencyId: string | null;
}

interface Row {
  id: string;
  code: string;
  type_id: string;
  type_code: string;
  status: DeviceStatus;
  metrics: MetricDefinition[];
  owner_agency_id: string | null;
  token_hash: string;
}

async function findDevice(db: Db, code: string): Promise<Row | undefined> {
  return db
    .withTables<RegistryTables>()
    .selectFrom('iot_devices as d')
    .innerJoin('iot_device_types as t', 't.id', 'd.type_id')
    .select(['d.id', 'd.code', 'd.type_id', 't.code as type_code', 'd.status', 't.metrics', 'd.owner_agency_id', 'd.token_hash'])
    .where('d.code', '=', code)
    .executeTakeFirst();
}

function toIdentity(row: Row): DeviceIdentity {
  return { id: row.id, code: row.code, typeId: row.type_id, typeCode: row.type_code, status: row.status, metrics: row.metrics, ownerAgencyId: row.owner_agency_id };
}

/** The device, whatever its status, without checking a token (for internal lookups). */
export async function deviceIdentity(db: Db, code: string): Promise<DeviceIdentity | null> {
  const row = await findDevice(db, code);
  return row ? toIdentity(row) : null;
}

/**
 * The device if `token` is its current token and it is not disabled; null otherwise, without
 * saying which (unknown code, wrong token, disabled), so a caller can't probe for codes.
 */
export async function authenticateDevice(db: Db, code: string, token: string): Promise<DeviceIdentity | null> {
  if (!code || !token) return null;
  const row = await findDevice(db, code);
  if (!row || !verifyDeviceToken(token, row.token_hash)) return null;
  if (row.status === 'disabled') return null;
  return toIdentity(row);
}
