import type { MetricDefinition } from '../metrics.js';
import { HOUR, type RainWindow } from './weather.js';

/** Alarm levels I, II, III (báo động I, II, III) of a water-level station, in the metric's unit. */
export type FloodLevels = readonly [number, number, number];

/**
 * A flood at one station: after a storm the level rises past alarm levels I, II and III, stays near
 * the peak for a while, then recedes below level I over hours (lũ lên, đỉnh lũ, lũ xuống).
 */
export interface FloodScenario {
  deviceCode: string;
  /** When the rise begins (ms since the epoch). */
  startsAt: number;
  levels: FloodLevels;
  riseHours?: number;
  peakHours?: number;
  recessionHours?: number;
}

const RISE_HOURS = 9;
const PEAK_HOURS = 3;
const RECESSION_HOURS = 15;

/**
 * Default alarm levels for a water-level metric when no rule names them: fractions of the valid range,
 * so any type's range (in m or cm) gives a flood that fits inside it. For the built-in station
 * (−300 to 2,500 cm) that is 400, 540 and 680 cm, about the levels of the province's lowland rivers.
 */
export function defaultFloodLevels(metric: Pick<MetricDefinition, 'min' | 'max'>): FloodLevels {
  const r = metric.max - metric.min;
  return [metric.min + 0.25 * r, metric.min + 0.3 * r, metric.min + 0.35 * r];
}

/** The crest: above level III by a third of the II–III step. */
export function floodPeak(levels: FloodLevels): number {
  return levels[2] + (levels[2] - levels[1]) / 3;
}

export function floodEndsAt(s: FloodScenario): number {
  return s.startsAt + ((s.riseHours ?? RISE_HOURS) + (s.peakHours ?? PEAK_HOURS) + (s.recessionHours ?? RECESSION_HOURS)) * HOUR;
}

/** 0 before and after the flood, 1 at the crest: a smooth rise, a short plateau, a longer recession. */
export function floodShape(s: FloodScenario, t: number): number {
  const rise = (s.riseHours ?? RISE_HOURS) * HOUR;
  const peak = (s.peakHours ?? PEAK_HOURS) * HOUR;
  const recession = (s.recessionHours ?? RECESSION_HOURS) * HOUR;
  const x = t - s.startsAt;
  if (x <= 0 || x >= rise + peak + recession) return 0;
  if (x < rise) return smoothstep(x / rise);
  if (x < rise + peak) return 1 - 0.03 * Math.sin((Math.PI * (x - rise)) / peak);
  return 1 - smoothstep((x - rise - peak) / recession);
}

/** The storm that causes the flood: heavy rain from three hours before the rise until two hours before the crest. */
export function floodRain(s: FloodScenario): RainWindow {
  return { from: s.startsAt - 3 * HOUR, to: s.startsAt + ((s.riseHours ?? RISE_HOURS) - 2) * HOUR, rate: 25 };
}

function smoothstep(x: number): number {
  const c = Math.min(1, Math.max(0, x));
  return c * c * (3 - 2 * c);
}
