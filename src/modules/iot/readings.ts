/**
 * One value of one metric from one device at its source timestamp: the unit that ingestion
 * produces, the telemetry store keeps (unique by device, metric and ts) and rules evaluate.
 */
export interface Reading {
  deviceId: string;
  metric: string;
  ts: Date;
  value: number;
  /** Outside the metric's valid range: stored for the record, excluded from rollups, latest values and rules. */
  outOfRange: boolean;
}
