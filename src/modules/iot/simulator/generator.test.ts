import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_DEVICE_TYPES } from '../device-registry/builtin-types.js';
import type { MetricDefinition } from '../metrics.js';
import { floodEndsAt, floodRain, type FloodScenario } from './flood.js';
import { derivedByServer, SeriesGenerator, type SimulatedDevice } from './generator.js';
import { HOUR, isWeekend, localHour } from './weather.js';

const metric = (key: string, unit: string, min: number, max: number, precision = 1): MetricDefinition => ({ key, name: { vi: key, en: key }, unit, min, max, precision });

const weatherStation: SimulatedDevice = {
  code: 'KTTV-01',
  metrics: [metric('temperature', '°C', -10, 50), metric('humidity', '%', 0, 100, 0), metric('rainfall', 'mm', 0, 300)],
};
const river: SimulatedDevice = { code: 'TV-THACHHAN', metrics: [metric('water_level', 'cm', 0, 1200, 0)] };
const otherRiver: SimulatedDevice = { code: 'TV-HIEU', metrics: [metric('water_level', 'cm', 0, 1200, 0)] };
const air: SimulatedDevice = { code: 'KK-DONGHA', metrics: [metric('pm25', 'µg/m³', 0, 500), metric('pm10', 'µg/m³', 0, 600), metric('aqi', '', 0, 500, 0)] };
const farm: SimulatedDevice = { code: 'NN-01', metrics: [metric('soil_moisture', '%', 0, 100), metric('salinity', '‰', 0, 40, 2)] };
const road: SimulatedDevice = { code: 'GT-QL1A', metrics: [metric('vehicles', 'xe', 0, 5000, 0)] };
const site: SimulatedDevice = { code: 'DL-THANHCO', metrics: [metric('visitors', 'lượt', 0, 2000, 0)] };
const all = [weatherStation, river, air, farm, road, site];

// 1 November 2026, 00:00 in Vietnam: a Sunday in the rainy season.
const START = Date.UTC(2026, 9, 31, 17);
const hours = (n: number, step = 1) => Array.from({ length: Math.floor(n / step) }, (_, i) => START + i * step * HOUR);
const levels = [500, 600, 700] as const;
const flood: FloodScenario = { deviceCode: river.code, startsAt: START + 24 * HOUR, levels };

describe('simulator generator', () => {
  it('gives the same series for the same seed and a different one for another seed', () => {
    const a = new SeriesGenerator({ seed: 1 });
    const b = new SeriesGenerator({ seed: 1 });
    const c = new SeriesGenerator({ seed: 2 });
    const series = (g: SeriesGenerator) => hours(72).map((t) => all.map((d) => g.valuesAt(d, t)));
    assert.deepEqual(series(a), series(b));
    assert.notDeepEqual(series(a), series(c));
  });

  it('keeps every value of every built-in device type inside its metric range and rounded to its precision', () => {
    const g = new SeriesGenerator({ seed: 5, flood });
    const builtins = BUILTIN_DEVICE_TYPES.map((type) => ({ code: type.code, metrics: type.metrics }));
    for (const t of hours(24 * 14)) {
      for (const device of [...all, ...builtins]) {
        const values = g.valuesAt(device, t);
        for (const def of device.metrics.filter((d) => !derivedByServer(d))) {
          const v = values[def.key]!;
          assert.ok(v >= def.min && v <= def.max, `${def.key}=${v} outside [${def.min}, ${def.max}]`);
          assert.equal(Math.round(v * 10 ** def.precision) / 10 ** def.precision, v);
        }
      }
    }
  });

  it('floods the scenario station past alarm levels I, II and III in that order, then recedes below level I', () => {
    const g = new SeriesGenerator({ seed: 3, flood });
    const times = hours(24 * 3, 0.25);
    const level = times.map((t) => g.valuesAt(river, t).water_level!);
    const firstAbove = (x: number) => level.findIndex((v) => v > x);
    const [i1, i2, i3] = levels.map(firstAbove);
    assert.ok(level[0]! < levels[0], 'starts below level I');
    assert.ok(i1! > 0 && i1! < i2! && i2! < i3!, `crossings in order: ${i1}, ${i2}, ${i3}`);
    const peakAt = level.indexOf(Math.max(...level));
    const after = times.findIndex((t) => t >= floodEndsAt(flood));
    assert.ok(peakAt < after);
    assert.ok(level.slice(after).every((v) => v < levels[0]), 'back below level I after the flood');
    // Only the scenario's station floods; another river rises with the storm but stays below level I.
    // Its default level I is a quarter of its range: 300 cm.
    assert.ok(times.every((t) => g.valuesAt(otherRiver, t).water_level! < 300));
  });

  it('makes river levels answer rain hours later and recede afterwards', () => {
    // The flood's storm rains on every station; look at the river that is not flooding.
    const g = new SeriesGenerator({ seed: 3, flood, floodLevels: new Map([[otherRiver.code, levels]]) });
    const storm = floodRain(flood);
    const times = hours(24 * 4, 0.5).filter((t) => t >= storm.from && t <= storm.to + 36 * HOUR);
    const level = times.map((t) => g.valuesAt(otherRiver, t).water_level!);
    const peakAt = times[level.indexOf(Math.max(...level))]!;
    assert.ok(peakAt > storm.to, `level peaks ${(peakAt - storm.to) / HOUR} h after the rain stops`);
    assert.ok(Math.max(...level) > level[0]! + 50, 'rises with the storm');
    assert.ok(level[level.length - 1]! < Math.max(...level), 'recedes');
    assert.ok(level.every((v) => v < levels[0]), 'rain alone stays below alarm level I');
  });

  it('peaks temperature in the afternoon and humidity before dawn', () => {
    const g = new SeriesGenerator({ seed: 9 });
    const byHour = (key: string) => {
      const sums = new Array<number>(24).fill(0);
      for (const t of hours(24 * 28)) sums[Math.floor(localHour(t))]! += g.valuesAt(weatherStation, t)[key]!;
      return sums;
    };
    const temp = byHour('temperature');
    const hot = temp.indexOf(Math.max(...temp));
    assert.ok(hot >= 12 && hot <= 16, `hottest hour ${hot}`);
    const humid = byHour('humidity');
    const wettest = humid.indexOf(Math.max(...humid));
    assert.ok(wettest <= 6 || wettest >= 22, `most humid hour ${wettest}`);
  });

  it('puts traffic rush hours on weekday mornings and evenings, and more visitors at weekends', () => {
    const g = new SeriesGenerator({ seed: 4 });
    const weekdays = hours(24 * 14).filter((t) => !isWeekend(t));
    const at = (h: number) => weekdays.filter((t) => Math.floor(localHour(t)) === h).reduce((s, t) => s + g.valuesAt(road, t).vehicles!, 0);
    assert.ok(at(7) > 3 * at(3) && at(17) > 3 * at(3));
    assert.ok(at(7) > at(11) && at(18) > at(14));
    const visitors = (weekend: boolean) => hours(24 * 14).filter((t) => isWeekend(t) === weekend).reduce((s, t) => s + g.valuesAt(site, t).visitors!, 0) / (weekend ? 4 : 10);
    assert.ok(visitors(true) > 1.5 * visitors(false));
    assert.ok(hours(24 * 7).filter((t) => localHour(t) < 6).every((t) => g.valuesAt(site, t).visitors === 0), 'closed at night');
  });

  it('washes salinity out and wets the soil with heavy rain', () => {
    const g = new SeriesGenerator({ seed: 3, flood });
    const before = g.valuesAt(farm, flood.startsAt - 10 * HOUR);
    const after = g.valuesAt(farm, flood.startsAt + 12 * HOUR);
    assert.ok(after.salinity! < before.salinity!);
    assert.ok(after.soil_moisture! > before.soil_moisture!);
  });

  it('reports rain and vehicle counts per reporting interval', () => {
    const g = new SeriesGenerator({ seed: 3, flood });
    const t = flood.startsAt;
    const hourly = g.valuesAt(weatherStation, t, 3600).rainfall!;
    const tenMinutes = g.valuesAt(weatherStation, t, 600).rainfall!;
    assert.ok(hourly > 10 && tenMinutes > 0 && tenMinutes < hourly / 3);
    const rush = START + (24 + 7.5) * HOUR;
    assert.ok(g.valuesAt(road, rush, 3600).vehicles! > 5 * g.valuesAt(road, rush, 300).vehicles!);
  });

  it('reports the dust but not the air quality index, which the server derives from it (VN_AQI)', () => {
    const g = new SeriesGenerator({ seed: 3 });
    const v = g.valuesAt(air, START + 8 * HOUR);
    assert.deepEqual(Object.keys(v).sort(), ['pm10', 'pm25']);
    assert.ok(v.pm25! > 0 && v.pm10! > v.pm25!, `pm25 ${v.pm25}, pm10 ${v.pm10}`);
    assert.equal(derivedByServer({ key: 'aqi' }), true);
    assert.equal(derivedByServer({ key: 'pm25' }), false);
  });
});
