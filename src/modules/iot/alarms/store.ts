import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { iotDb, type IotDb, type IotTrx } from '../tables.js';
import type { RuleDefinition } from './rule-schema.js';
import type { RuleTable } from './tables.js';

export type RuleRow = Selectable<RuleTable>;

export interface DeviceRef {
  id: string;
  code: string;
  name: string;
  type_id: string;
  owner_agency_id: string | null;
  is_demo: boolean;
  last_seen_at: Date | null;
}

export function alarmsDb(db: Db): IotDb {
  return iotDb(db);
}

export function definitionOf(rule: RuleRow): RuleDefinition {
  return { levels: [...rule.levels].sort((a, b) => a.level - b.level), forSeconds: rule.for_seconds, version: rule.version };
}

export async function deviceRef(db: IotDb | IotTrx, deviceId: string): Promise<DeviceRef | undefined> {
  return db
    .selectFrom('iot_devices')
    .select(['id', 'code', 'name', 'type_id', 'owner_agency_id', 'is_demo', 'last_seen_at'])
    .where('id', '=', deviceId)
    .executeTakeFirst();
}

/** Enabled rules that apply to a device: on the device itself or on its type. */
export async function rulesForDevice(db: IotDb | IotTrx, device: Pick<DeviceRef, 'id' | 'type_id'>): Promise<RuleRow[]> {
  return db
    .selectFrom('iot_rules')
    .selectAll()
    .where('enabled', '=', true)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('device_id', '=', device.id), eb('type_id', '=', device.type_id)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The devices a rule watches: its device, or every device of its type that is not disabled. */
export async function devicesOfRule(db: IotDb | IotTrx, rule: RuleRow): Promise<DeviceRef[]> {
  let query = db.selectFrom('iot_devices').select(['id', 'code', 'name', 'type_id', 'owner_agency_id', 'is_demo', 'last_seen_at']).where('status', '<>', 'disabled');
  query = rule.device_id ? query.where('id', '=', rule.device_id) : query.where('type_id', '=', rule.type_id!);
  return query.orderBy('code').execute();
}
