/**
 * The hourly Vietnamese air quality index (VN_AQI giờ) from dust, as Quyết định 1459/QĐ-TCMT
 * (12/11/2019) defines it. Pure functions; `derive.ts` applies them to the stored hourly means when
 * an hour completes (see README).
 *
 * The breakpoints, the six bands and their colours were checked against several independent
 * transcriptions of the decision: PM2.5 0/25/50/80/150/250/350/500 and PM10 0/50/150/250/350/420/500/600
 * µg/m³ for the index 0/50/100/150/200/300/400/500.
 *
 * Only PM2.5 and PM10 are covered: the decision makes at least one of them mandatory, and they are
 * what the province's stations measure. The index of a station is the largest sub-index.
 */
export type DustPollutant = 'pm25' | 'pm10';

/** Index breakpoints I_i (Bảng 2 of the decision). */
const INDEX_BREAKPOINTS = [0, 50, 100, 150, 200, 300, 400, 500] as const;

/** Concentration breakpoints BP_i in µg/m³ for the hourly index (Bảng 3), aligned with INDEX_BREAKPOINTS. */
const CONCENTRATION_BREAKPOINTS: Record<DustPollutant, readonly number[]> = {
  pm10: [0, 50, 150, 250, 350, 420, 500, 600],
  pm25: [0, 25, 50, 80, 150, 250, 350, 500],
};

/**
 * NowCast over the last 12 hourly means, `hourly[0]` being the latest hour (c1), `null` for a
 * missing hour. Returns null unless at least two of the three latest hours have data, as the
 * decision requires.
 *
 * w* = c_min / c_max over the hours present; w = max(w*, 1/2); NowCast = Σ wⁱ⁻¹·cᵢ / Σ wⁱ⁻¹ over the
 * hours present. The decision writes the w = 1/2 case in closed form (Σ (1/2)ⁱ·cᵢ); with all 12 hours
 * that differs from the general form by under 0.03 %, and only the general form stays right when an
 * hour is missing, so that one is used throughout.
 */
export function nowCast(hourly: ReadonlyArray<number | null | undefined>): number | null {
  const hours = hourly.slice(0, 12);
  const recent = hours.slice(0, 3).filter((c) => c !== null && c !== undefined && Number.isFinite(c)).length;
  if (recent < 2) return null;
  const present = hours.map((c, i) => ({ c, i })).filter((h): h is { c: number; i: number } => h.c !== null && h.c !== undefined && Number.isFinite(h.c));
  const values = present.map((h) => Math.max(0, h.c));
  const max = Math.max(...values);
  if (max === 0) return 0;
  const w = Math.max(Math.min(...values) / max, 0.5);
  let weighted = 0;
  let weights = 0;
  for (const h of present) {
    const weight = w ** h.i;
    weighted += weight * Math.max(0, h.c);
    weights += weight;
  }
  return weighted / weights;
}

/**
 * The sub-index of one pollutant from its NowCast concentration, by linear interpolation between
 * the breakpoints around it, rounded to a whole number. The scale ends at 500 (nguy hại): a
 * concentration above the last breakpoint gives 500.
 */
export function subIndex(pollutant: DustPollutant, concentration: number): number {
  const bp = CONCENTRATION_BREAKPOINTS[pollutant];
  const c = Math.max(0, concentration);
  if (c >= bp[bp.length - 1]!) return 500;
  let i = 0;
  while (c > bp[i + 1]!) i++;
  const lowI = INDEX_BREAKPOINTS[i]!;
  const highI = INDEX_BREAKPOINTS[i + 1]!;
  const lowC = bp[i]!;
  const highC = bp[i + 1]!;
  return Math.round(((highI - lowI) / (highC - lowC)) * (c - lowC) + lowI);
}

export interface HourlyAqi {
  aqi: number;
  /** The pollutant whose sub-index is the index (chất ô nhiễm chính). */
  dominant: DustPollutant;
  subIndices: Partial<Record<DustPollutant, number>>;
}

/**
 * The hourly VN_AQI from the last 12 hourly means of PM2.5 and/or PM10 (latest first). Null when
 * neither has a valid NowCast.
 */
export function hourlyVnAqi(hourly: Partial<Record<DustPollutant, ReadonlyArray<number | null | undefined>>>): HourlyAqi | null {
  const subIndices: Partial<Record<DustPollutant, number>> = {};
  let best: HourlyAqi | null = null;
  for (const pollutant of ['pm25', 'pm10'] as const) {
    const series = hourly[pollutant];
    const c = series ? nowCast(series) : null;
    if (c === null) continue;
    const index = subIndex(pollutant, c);
    subIndices[pollutant] = index;
    if (!best || index > best.aqi) best = { aqi: index, dominant: pollutant, subIndices };
  }
  return best;
}

export interface AqiCategory {
  /** 1 (tốt) to 6 (nguy hại). */
  level: number;
  name: { vi: string; en: string };
  /** The decision's colour (RGB), for maps and charts. */
  color: string;
}

const CATEGORIES: Array<{ upTo: number } & AqiCategory> = [
  { upTo: 50, level: 1, name: { vi: 'Tốt', en: 'Good' }, color: '#00e400' },
  { upTo: 100, level: 2, name: { vi: 'Trung bình', en: 'Moderate' }, color: '#ffff00' },
  { upTo: 150, level: 3, name: { vi: 'Kém', en: 'Poor' }, color: '#ff7e00' },
  { upTo: 200, level: 4, name: { vi: 'Xấu', en: 'Bad' }, color: '#ff0000' },
  { upTo: 300, level: 5, name: { vi: 'Rất xấu', en: 'Very bad' }, color: '#8f3f97' },
  { upTo: Infinity, level: 6, name: { vi: 'Nguy hại', en: 'Hazardous' }, color: '#7e0023' },
];

/** The band an index falls in (Bảng 1 of the decision). */
export function aqiCategory(aqi: number): AqiCategory {
  const { level, name, color } = CATEGORIES.find((c) => aqi <= c.upTo)!;
  return { level, name, color };
}
