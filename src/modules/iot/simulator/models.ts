import { smooth } from './noise.js';
import { HOUR, isWeekend, localHour, type Weather } from './weather.js';

/** What a metric measures, recognised from its key (types are data, so keys are not fixed in code). */
export type MetricKind =
  | 'temperature'
  | 'damped_temperature'
  | 'humidity'
  | 'rain'
  | 'water_level'
  | 'reservoir_level'
  | 'discharge'
  | 'flood_depth'
  | 'salinity'
  | 'pm25'
  | 'pm10'
  | 'soil_moisture'
  | 'wind_speed'
  | 'traffic'
  | 'road_speed'
  | 'visitors'
  | 'generic';

// First match wins, so the more specific patterns come first (soil temperature is not soil moisture).
const KINDS: Array<[RegExp, MetricKind]> = [
  [/battery|signal|rssi|voltage/i, 'generic'],
  [/(soil|water).*temp/i, 'damped_temperature'],
  [/temp/i, 'temperature'],
  [/soil/i, 'soil_moisture'],
  [/humid/i, 'humidity'],
  [/rain|precip/i, 'rain'],
  [/depth/i, 'flood_depth'],
  [/reservoir/i, 'reservoir_level'],
  [/discharge/i, 'discharge'],
  [/water|river|level/i, 'water_level'],
  [/salin/i, 'salinity'],
  [/pm_?2[._]?5/i, 'pm25'],
  [/pm_?10/i, 'pm10'],
  [/wind/i, 'wind_speed'],
  [/speed/i, 'road_speed'],
  [/traffic|vehicle|car_count/i, 'traffic'],
  [/visitor|tourist|footfall/i, 'visitors'],
];

export function metricKind(key: string): MetricKind {
  return KINDS.find(([re]) => re.test(key))?.[1] ?? 'generic';
}

/** What differs between two devices of one type: a few numbers fixed by the device code's hash. */
export interface DeviceProfile {
  key: number;
  /** 0..1 draws. */
  a: number;
  b: number;
  /** Local rain relative to the province average (0.7–1.3). */
  rainFactor: number;
}

/** Inputs every model reads at one instant. */
export interface Moment {
  t: number;
  hour: number;
  weekend: boolean;
  /** Local rain in mm/h. */
  rain: number;
}

export function moment(weather: Weather, profile: DeviceProfile, t: number): Moment {
  return { t, hour: localHour(t), weekend: isWeekend(t), rain: weather.rainRate(t) * profile.rainFactor };
}

const gauss = (x: number, mu: number, sigma: number) => Math.exp(-((x - mu) ** 2) / (2 * sigma * sigma));
/** 1 at 14:30 local, -1 at 02:30: the daily heating cycle. */
const heat = (hour: number) => Math.cos((2 * Math.PI * (hour - 14.5)) / 24);
const wetFraction = (rain: number, full: number) => Math.min(1, rain / full);

export function temperature(m: Moment, p: DeviceProfile, seed: number): number {
  // Rainy-season central Vietnam: around 25 °C, 6–7 °C between night and afternoon, cooler under rain.
  return 24.5 + 2 * (p.a - 0.5) + 3.3 * heat(m.hour) - 2.5 * wetFraction(m.rain, 8) + 0.4 * smooth(seed, p.key + 1, m.t / (2 * HOUR));
}

export function humidity(m: Moment, p: DeviceProfile, seed: number): number {
  return Math.min(99, 83 + 6 * (p.a - 0.5) - 9 * heat(m.hour) + 12 * wetFraction(m.rain, 5) + 1.5 * smooth(seed, p.key + 2, m.t / (2 * HOUR)));
}

/** Rain in the reporting interval that ends at t (mm), as automatic rain gauges report it. */
export function rainInInterval(weather: Weather, p: DeviceProfile, t: number, hours: number): number {
  return weather.rainOver(t, hours) * p.rainFactor;
}

/** Fine dust: morning and evening rush hours, less at weekends, washed out by rain. */
export function pm25(m: Moment, p: DeviceProfile, seed: number): number {
  const rush = gauss(m.hour, 7.5, 1.2) + gauss(m.hour, 17.8, 1.5) + 0.3 * gauss(m.hour, 23, 2.5);
  const base = 14 + 16 * p.a;
  return base * (1 + 1.1 * rush * (m.weekend ? 0.5 : 1)) * (1 - 0.55 * wetFraction(m.rain, 8)) * (1 + 0.15 * smooth(seed, p.key + 3, m.t / HOUR));
}

export function pm10(m: Moment, p: DeviceProfile, seed: number): number {
  return pm25(m, p, seed) * (1.6 + 0.3 * p.b) + 4;
}

/** Soil moisture (% by volume): wets with rain, dries over days, a little faster in the afternoon sun. */
export function soilMoisture(weather: Weather, m: Moment, p: DeviceProfile): number {
  const wet = weather.wetness(m.t, 120, 48) * p.rainFactor;
  return 20 + 6 * p.a + 22 * (1 - Math.exp(-wet / 60)) - 1.2 * Math.max(0, heat(m.hour));
}

/**
 * Salinity near an estuary (‰): the sea pushes in on the tide when the rivers run low in a dry spell
 * and is pushed out after rain.
 */
export function salinity(weather: Weather, m: Moment, p: DeviceProfile): number {
  const wet = weather.wetness(m.t, 240, 96) * p.rainFactor;
  const tide = 0.7 + 0.3 * Math.cos((2 * Math.PI * m.t) / (12.42 * HOUR));
  return (4 + 8 * p.a) * Math.exp(-wet / 80) * tide;
}

/** Vehicles per hour on a road: two rush hours on weekdays, a flatter day at weekends, fewer in heavy rain. */
export function traffic(m: Moment, p: DeviceProfile, seed: number, peak: number): number {
  const weekday = 0.08 + gauss(m.hour, 7.4, 1.1) + 0.9 * gauss(m.hour, 17.6, 1.4) + 0.45 * gauss(m.hour, 12, 2.5);
  const weekend = 0.08 + 0.6 * gauss(m.hour, 10, 2.5) + 0.7 * gauss(m.hour, 17, 2.5);
  const shape = m.weekend ? weekend : weekday;
  return peak * shape * (1 - 0.2 * wetFraction(m.rain, 10)) * (1 + 0.08 * smooth(seed, p.key + 4, m.t / (HOUR / 2)));
}

/** Visitors per hour at a site: opening hours only, about twice as many at weekends, fewer in rain. */
export function visitors(m: Moment, p: DeviceProfile, seed: number, peak: number): number {
  if (m.hour < 7 || m.hour >= 18) return 0;
  const shape = gauss(m.hour, 10, 1.8) + 0.8 * gauss(m.hour, 15.5, 1.8);
  return peak * shape * (m.weekend ? 1 : 0.45) * (1 - 0.5 * wetFraction(m.rain, 10)) * (1 + 0.1 * smooth(seed, p.key + 5, m.t / HOUR));
}

/** Soil or water temperature: follows the air a few hours late with a third of its daily swing. */
export function dampedTemperature(m: Moment, p: DeviceProfile): number {
  return 25 + 1.5 * (p.a - 0.5) + 1.1 * heat(m.hour - 3) - 0.8 * wetFraction(m.rain, 8);
}

/** Wind (m/s): a light afternoon breeze, strong and gusty under heavy rain (the storms of the season). */
export function windSpeed(m: Moment, p: DeviceProfile, seed: number): number {
  return (1.5 + 2 * p.a) * (1 + 0.4 * Math.max(0, heat(m.hour))) + 10 * wetFraction(m.rain, 25) + 1.2 * Math.abs(smooth(seed, p.key + 6, m.t / (HOUR / 3)));
}

/** Average road speed (km/h): slower at rush hours and in rain. */
export function roadSpeed(m: Moment, p: DeviceProfile, seed: number): number {
  const congestion = traffic(m, p, seed, 1) / 1.2;
  return (55 + 15 * p.b) * (1 - 0.45 * Math.min(1, congestion)) * (1 - 0.2 * wetFraction(m.rain, 15));
}

/** Street flooding depth (cm): dry until an hour's rain passes the drains' capacity, then fast up and down. */
export function floodDepth(weather: Weather, m: Moment, p: DeviceProfile): number {
  const recent = weather.wetness(m.t, 6, 1.5) * p.rainFactor;
  return Math.max(0, (recent - 25) * (1.2 + p.a));
}

/** A reservoir's level: a fraction of the range, filling over days of rain. */
export function reservoirFill(weather: Weather, m: Moment, p: DeviceProfile): number {
  const wet = weather.wetness(m.t, 240, 120) * p.rainFactor;
  return 0.55 + 0.1 * p.a + 0.3 * (1 - Math.exp(-wet / 400));
}

/** Release from a reservoir (m³/s): a base flow, much more once it fills after rain. */
export function discharge(weather: Weather, m: Moment, p: DeviceProfile): number {
  const wet = weather.wetness(m.t, 72, 24) * p.rainFactor;
  return (20 + 40 * p.a) * (1 + wet / 40);
}
