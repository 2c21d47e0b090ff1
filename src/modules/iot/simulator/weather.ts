import { smooth, unit } from './noise.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Vietnam is UTC+7 all year; daily cycles follow local time. */
const LOCAL_OFFSET = 7 * HOUR;

/** The local hour of day as a fraction, 0 ≤ h < 24. */
export function localHour(t: number): number {
  return (((t + LOCAL_OFFSET) % DAY) + DAY) % DAY / HOUR;
}

export function localDay(t: number): number {
  return Math.floor((t + LOCAL_OFFSET) / DAY);
}

/** Saturday or Sunday, local time (1 January 1970 was a Thursday). */
export function isWeekend(t: number): boolean {
  const weekday = (localDay(t) + 4) % 7;
  return weekday === 0 || weekday === 6;
}

/** Rain imposed on top of the model for a while (the storm of a flood scenario). */
export interface RainWindow {
  from: number;
  to: number;
  /** mm/h at the window's middle; it ramps up and down over three hours at each end. */
  rate: number;
}

// Noise channels, so one seed drives independent draws.
const SPELL = 1;
const SPELL_START = 2;
const SPELL_LENGTH = 3;
const SPELL_RATE = 4;
const SPELL_WOBBLE = 5;
const SHOWER = 10;

/** Days in a block that may hold one multi-day heavy-rain spell. */
const BLOCK_DAYS = 3;

/**
 * Rain over the province in the rainy season of central Vietnam (mùa mưa, October–December):
 * afternoon showers most days, and multi-day heavy rain in about one block of three days in three.
 * A pure function of time for a seed, so any instant can be computed alone.
 */
export class Weather {
  constructor(
    readonly seed: number,
    readonly forced: readonly RainWindow[] = [],
  ) {}

  /** Rain rate in mm/h at instant t (ms since the epoch). */
  rainRate(t: number): number {
    return this.spellRate(t) + this.showerRate(t) + this.forcedRate(t);
  }

  /** Rain that fell in the `hours` before t, in mm (sampled every quarter hour). */
  rainOver(t: number, hours: number): number {
    let mm = 0;
    for (let k = 0; k < hours * 4; k++) mm += this.rainRate(t - (k + 0.5) * (HOUR / 4)) / 4;
    return mm;
  }

  /** Rain of the past `hours`, each hour weighted by exp(-age/tau): how wet the ground still is. */
  wetness(t: number, hours: number, tauHours: number): number {
    let sum = 0;
    for (let k = 0; k < hours; k++) sum += this.rainRate(t - (k + 0.5) * HOUR) * Math.exp(-k / tauHours);
    return sum;
  }

  private spellRate(t: number): number {
    const day = localDay(t);
    const block = Math.floor(day / BLOCK_DAYS);
    let rate = 0;
    // A spell starts within its block and lasts up to three days, so it can reach two blocks on.
    for (let b = block - 2; b <= block; b++) {
      if (unit(this.seed, SPELL, b) >= 0.3) continue;
      const start = (b * BLOCK_DAYS + unit(this.seed, SPELL_START, b) * BLOCK_DAYS) * DAY - 7 * HOUR;
      const length = (1.5 + 1.5 * unit(this.seed, SPELL_LENGTH, b)) * DAY;
      if (t < start || t > start + length) continue;
      const ramp = Math.min(1, (t - start) / (6 * HOUR), (start + length - t) / (6 * HOUR));
      const wobble = 0.6 + 0.4 * smooth(this.seed, SPELL_WOBBLE, t / (3 * HOUR));
      rate += (4 + 8 * unit(this.seed, SPELL_RATE, b)) * ramp * wobble;
    }
    return rate;
  }

  /** Afternoon convective showers (mưa rào): short, sharp, most often between 13:00 and 19:00. */
  private showerRate(t: number): number {
    let rate = 0;
    // A shower lasts at most two hours, so yesterday's late one can still be falling after midnight.
    for (let day = localDay(t) - 1; day <= localDay(t); day++) {
      const count = (unit(this.seed, SHOWER, day * 8) < 0.45 ? 1 : 0) + (unit(this.seed, SHOWER, day * 8 + 1) < 0.15 ? 1 : 0);
      for (let i = 0; i < count; i++) {
        const at = day * DAY - 7 * HOUR + (13 + 6 * unit(this.seed, SHOWER, day * 8 + 2 + i)) * HOUR;
        const half = (0.25 + 0.75 * unit(this.seed, SHOWER, day * 8 + 4 + i)) * HOUR;
        const peak = 8 + 27 * unit(this.seed, SHOWER, day * 8 + 6 + i);
        const distance = Math.abs(t - at);
        if (distance < half) rate += peak * (1 - distance / half);
      }
    }
    return rate;
  }

  private forcedRate(t: number): number {
    let rate = 0;
    for (const w of this.forced) {
      if (t < w.from || t > w.to) continue;
      rate += w.rate * Math.min(1, (t - w.from) / (3 * HOUR), (w.to - t) / (3 * HOUR));
    }
    return rate;
  }
}
