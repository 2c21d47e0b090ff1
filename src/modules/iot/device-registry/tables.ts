import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { DeviceStatus, MetricDefinition, Sector } from '../metrics.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A kind of device (loại thiết bị): what it measures. Data, editable by system administrators. */
export interface DeviceTypeTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string;
  sector: Sector;
  metrics: JSONColumnType<MetricDefinition[], string, string>;
  /** Expected seconds between reports; a device is offline after three of them without one. */
  report_interval_seconds: number;
  is_builtin: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** One device in the field: where it is, who owns it, and the hash of its own token. */
export interface DeviceTable {
  id: Generated<string>;
  code: string;
  name: string;
  type_id: string;
  sector: Sector;
  lat: number;
  lng: number;
  commune_code: string | null;
  owner_agency_id: string | null;
  status: DeviceStatus;
  /** Mosquitto `$7$` PBKDF2-SHA512 hash (see tokens.ts); the token itself is never stored. */
  token_hash: string;
  token_rotated_at: Timestamp;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  last_seen_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Code and name folded by toSearchText, for `q`. */
  search_text: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

// A type alias (not an interface) so it satisfies Kysely's `withTables` constraint.
export type RegistryTables = {
  iot_device_types: DeviceTypeTable;
  iot_devices: DeviceTable;
};
