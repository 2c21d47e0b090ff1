import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** One raw reading (bản ghi đo), partitioned by month of `ts`; unique by device, metric and source time. */
export interface ReadingTable {
  device_id: string;
  metric: string;
  ts: Timestamp;
  value: number;
  out_of_range: boolean;
  received_at: Generated<Date>;
}

/** Aggregates of the in-range readings whose `ts` falls in [bucket, bucket + size). */
export interface RollupTable {
  device_id: string;
  metric: string;
  bucket: Timestamp;
  min: number;
  max: number;
  sum: number;
  count: ColumnType<number, number, number>;
}

/** The newest in-range reading of each metric of each device. */
export interface LatestTable {
  device_id: string;
  metric: string;
  value: number;
  ts: Timestamp;
}

// A type alias (not an interface) so it satisfies Kysely's `withTables` constraint.
export type TelemetryTables = {
  iot_readings: ReadingTable;
  iot_rollup_minute: RollupTable;
  iot_rollup_hour: RollupTable;
  iot_rollup_day: RollupTable;
  iot_latest: LatestTable;
};
