import type { Bilingual } from '../../platform/http/errors.js';

/** The sectors a device serves; the IOC groups sensors by them. */
export const SECTORS = ['agriculture', 'transport', 'tourism', 'environment'] as const;
export type Sector = (typeof SECTORS)[number];

/**
 * One quantity a device type measures. Types are data (editable in the UI), so every part of the
 * module reads metrics from here rather than from code: validation, range flags, charts, rules.
 */
export interface MetricDefinition {
  /** Key in a payload's `values`, e.g. `water_level`. */
  key: string;
  name: Bilingual;
  /** Unit as shown, e.g. `cm`, `mm`, `µg/m³`, `‰`, `°C`, `%`, `xe`, `lượt`. */
  unit: string;
  /** The valid range: a reading outside it is stored but flagged and kept out of rollups and rules. */
  min: number;
  max: number;
  /** Decimal places worth showing (and storing: values are rounded to it). */
  precision: number;
}

export const DEVICE_STATUSES = ['active', 'maintenance', 'disabled'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
