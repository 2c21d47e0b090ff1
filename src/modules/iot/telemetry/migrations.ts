import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { ensureReadingPartitions } from './partitions.js';

/**
 * The telemetry store. No foreign keys on the time-series tables: every reading would pay for a
 * lookup of its device, and devices are disabled, never deleted. `iot_latest` (one row per device and
 * metric) does reference its device.
 */
export const telemetryMigrations: Record<string, Migration> = {
  '202612050110_iot_readings': {
    async up(db: Kysely<any>) {
      await sql`
        create table iot_readings (
          device_id uuid not null,
          metric text not null,
          ts timestamptz not null,
          value double precision not null,
          out_of_range boolean not null default false,
          received_at timestamptz not null default now(),
          primary key (device_id, metric, ts)
        ) partition by range (ts)`.execute(db);
      await sql`create table iot_readings_default partition of iot_readings default`.execute(db);
      await ensureReadingPartitions(db);
    },
  },
  '202612050120_iot_rollups': {
    async up(db: Kysely<any>) {
      for (const size of ['minute', 'hour', 'day']) {
        await sql`
          create table ${sql.table(`iot_rollup_${size}`)} (
            device_id uuid not null,
            metric text not null,
            bucket timestamptz not null,
            min double precision not null,
            max double precision not null,
            sum double precision not null,
            count integer not null check (count > 0),
            primary key (device_id, metric, bucket)
          )`.execute(db);
      }
      await sql`
        create table iot_latest (
          device_id uuid not null references iot_devices(id) on delete cascade,
          metric text not null,
          value double precision not null,
          ts timestamptz not null,
          primary key (device_id, metric)
        )`.execute(db);
    },
  },
};
