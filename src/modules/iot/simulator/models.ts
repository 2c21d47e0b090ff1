import { smooth } from './noise.js';
import { HOUR, isWeekend, localHour, type Weather } from './weather.js';

/** What a metric measures, recognised from its key (types are data, so keys are not fixed in code). */
export type MetricKind =
  | 'temperature'
  | 'humidity'
  | 'rain'
  | 'water_level'
  | 'salinity'
  | 'pm25'
  | 'pm10'
  | 'aqi'
  | 'soil_moisture'
  | 'traffic'
  | 'visitors'
  | 'generic';

const KINDS: Array<[RegExp, MetricKind]> = [
  [/battery|signal|rssi|voltage/i, 'generic'],
  [/soil/i, 'soil_moisture'],
  [/temp/i, 'temperature'],
  [/humid/i, 'humidity'],
  [/rain|precip/i, 'rain'],
  [/water|river|level/i, 'water_level'],
  [/salin/i, 'salinity'],
  [/pm_?2[._]?5/i, 'pm25'],
  [/pm_?10/i, 'pm10'],
  [/aqi/i, 'aqi'],
  [/traffic|vehicle|car_count|flow/i, 'traffic'],
  [/visitor|tourist|footfall|people/i, 'visitors'],
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

/** Rain in the past hour (mm), as automatic rain gauges report it. */
export function rainLastHour(weather: Weather, p: DeviceProfile, t: number): number {
  return weather.rainOver(t, 1) * p.rainFactor;
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

/**
 * Vietnam's hourly AQI from PM2.5 alone (VN_AQI, Quyết định 1459/QĐ-TCMT breakpoints): enough for a
 * plausible demo value beside the dust figures.
 */
export function aqiFromPm25(pm: number): number {
  const bp: Array<[number, number, number, number]> = [
    [0, 25, 0, 50],
    [25, 50, 50, 100],
    [50, 80, 100, 150],
    [80, 150, 150, 200],
    [150, 250, 200, 300],
    [250, 350, 300, 400],
    [350, 500, 400, 500],
  ];
  const row = bp.find(([, hi]) => pm <= hi) ?? bp[bp.length - 1]!;
  const [clo, chi, ilo, ihi] = row;
  return ilo + ((ihi - ilo) * (Math.min(pm, chi) - clo)) / (chi - clo);
}
