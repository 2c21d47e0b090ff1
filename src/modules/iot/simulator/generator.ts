import type { MetricDefinition } from '../metrics.js';
import { defaultFloodLevels, floodPeak, floodRain, floodShape, type FloodLevels, type FloodScenario } from './flood.js';
import { AQI_METRIC } from '../air-quality/derive.js';
import * as m from './models.js';
import { hashString, unit } from './noise.js';
import { HOUR, Weather } from './weather.js';

/** What the generator needs of a device: its code (for its own variation) and its type's metrics. */
export interface SimulatedDevice {
  code: string;
  metrics: readonly MetricDefinition[];
}

export interface GeneratorOptions {
  seed: number;
  /** At most one flood; its storm rains on every device. */
  flood?: FloodScenario;
  /** Alarm levels I–III by device code (from the alarm rules); otherwise fractions of the metric's range. */
  floodLevels?: ReadonlyMap<string, FloodLevels>;
}

/**
 * Realistic series for the demo province in the rainy season, as a pure function of (seed, device,
 * time): the same seed gives the same values, and any instant can be computed alone. Values stay
 * inside each metric's valid range and are rounded to its precision.
 */
export class SeriesGenerator {
  readonly weather: Weather;
  private readonly profiles = new Map<string, m.DeviceProfile>();

  constructor(readonly options: GeneratorOptions) {
    this.weather = new Weather(options.seed, options.flood ? [floodRain(options.flood)] : []);
  }

  /**
   * Every metric of the device at instant t, except those the server derives (derivedByServer). Counts and rain are per reporting interval (the built-in
   * types say "in the interval"), so they need its length: an hour for hourly history, the simulated
   * time between two publishes for the live simulator.
   */
  valuesAt(device: SimulatedDevice, t: Date | number, intervalSeconds = 3600): Record<string, number> {
    const time = typeof t === 'number' ? t : t.getTime();
    const profile = this.profile(device.code);
    const at = m.moment(this.weather, profile, time);
    const values: Record<string, number> = {};
    for (const metric of device.metrics) {
      if (derivedByServer(metric)) continue;
      values[metric.key] = fit(metric, this.raw(device, metric, profile, at, intervalSeconds / 3600));
    }
    return values;
  }

  /** The alarm levels the generator uses for a water-level station. */
  levelsOf(device: SimulatedDevice, metric: MetricDefinition): FloodLevels {
    return this.options.floodLevels?.get(device.code) ?? defaultFloodLevels(metric);
  }

  private raw(device: SimulatedDevice, metric: MetricDefinition, p: m.DeviceProfile, at: m.Moment, hours: number): number {
    const seed = this.options.seed;
    const span = metric.max - metric.min;
    switch (m.metricKind(metric.key)) {
      case 'temperature':
        return m.temperature(at, p, seed);
      case 'damped_temperature':
        return m.dampedTemperature(at, p);
      case 'humidity':
        return m.humidity(at, p, seed);
      case 'rain':
        return m.rainInInterval(this.weather, p, at.t, hours);
      case 'water_level':
        return this.waterLevel(device, metric, p, at.t);
      case 'reservoir_level':
        return metric.min + span * m.reservoirFill(this.weather, at, p);
      case 'discharge':
        return m.discharge(this.weather, at, p);
      case 'flood_depth':
        return m.floodDepth(this.weather, at, p);
      case 'salinity':
        return m.salinity(this.weather, at, p);
      case 'pm25':
        return m.pm25(at, p, seed);
      case 'pm10':
        return m.pm10(at, p, seed);
      case 'soil_moisture':
        return m.soilMoisture(this.weather, at, p);
      case 'wind_speed':
        return m.windSpeed(at, p, seed);
      case 'traffic':
        return m.traffic(at, p, seed, (800 + 1200 * p.a) * hours);
      case 'road_speed':
        return m.roadSpeed(at, p, seed);
      case 'visitors':
        return m.visitors(at, p, seed, (150 + 350 * p.a) * hours);
      default:
        return metric.min + span * (0.5 + 0.2 * Math.sin((2 * Math.PI * at.t) / (24 * HOUR)) * (0.5 + p.b));
    }
  }

  /**
   * River level: the catchment's rain of the past two days reaches the station with a lag of about
   * eight hours and recedes slowly; on its own it stays below alarm level I. The flood scenario's
   * hydrograph lifts its station past levels I, II and III and back.
   */
  private waterLevel(device: SimulatedDevice, metric: MetricDefinition, p: m.DeviceProfile, t: number): number {
    const levels = this.levelsOf(device, metric);
    const base = metric.min + (levels[0] - metric.min) * (0.4 + 0.15 * p.a);
    let response = 0;
    let weights = 0;
    for (let k = 1; k <= 48; k++) {
      const w = (k / 8) ** 2 * Math.exp(2 * (1 - k / 8));
      response += w * this.weather.rainRate(t - k * HOUR) * p.rainFactor;
      weights += w;
    }
    const natural = base + (levels[0] - base) * 0.9 * Math.tanh(response / weights / 15);
    const flood = this.options.flood;
    if (!flood || flood.deviceCode !== device.code) return natural;
    return Math.max(natural, base + (floodPeak(flood.levels) - base) * floodShape(flood, t));
  }

  private profile(code: string): m.DeviceProfile {
    let p = this.profiles.get(code);
    if (!p) {
      const key = hashString(code);
      p = { key, a: unit(this.options.seed, key, 1), b: unit(this.options.seed, key, 2), rainFactor: 0.7 + 0.6 * unit(this.options.seed, key, 3) };
      this.profiles.set(code, p);
    }
    return p;
  }
}

/**
 * Metrics a device does not report because the server computes them from its other readings: the
 * hourly VN_AQI (`aqi`, from PM2.5 and PM10, see ../air-quality).
 */
export function derivedByServer(metric: Pick<MetricDefinition, 'key'>): boolean {
  return metric.key === AQI_METRIC;
}

/** Inside the metric's valid range, rounded to its precision. */
function fit(metric: MetricDefinition, value: number): number {
  const factor = 10 ** metric.precision;
  const clamped = Math.min(metric.max, Math.max(metric.min, Number.isFinite(value) ? value : metric.min));
  const rounded = Math.round(clamped * factor) / factor;
  return Math.min(metric.max, Math.max(metric.min, rounded));
}
