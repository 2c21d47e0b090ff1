import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.js';
import type { RegistryTables } from './device-registry/tables.js';
import type { TelemetryTables } from './telemetry/tables.js';
import type { AlarmTables } from './alarms/tables.js';

/** Every IoT table; each folder declares its own in its tables.ts. */
export type IotTables = RegistryTables & TelemetryTables & AlarmTables;
export type IotDb = Kysely<Database & IotTables>;
export type IotTrx = Transaction<Database & IotTables>;

export function iotDb(db: Kysely<Database>): IotDb {
  return db.withTables<IotTables>();
}
