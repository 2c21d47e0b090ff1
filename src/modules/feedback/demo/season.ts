/**
 * When reports arrive in the demo year: a weekly rhythm, growth over the year, a lull around Tết, an
 * hour-of-day profile, and the category shares of each day (flooding and disasters with the rainy
 * season and the autumn flood events, storms with fallen trees and power cuts).
 */
import { tetOf } from '../../../platform/calendar/index.js';
import { Random, WeightedTable } from '../../../platform/seeded-random.js';
import type { DemoWorld, DemoWorldCategory } from './world.js';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
const DAYS = 365;

/** Base shares of the categories (per cent-ish), after published breakdowns of Hue-S-style systems. */
const BASE_SHARE: Record<string, number> = {
  'hu-hong-duong': 12, 'den-chieu-sang': 9, 'via-he-lan-chiem': 9, 'an-toan-giao-thong': 5, 'rac-thai-ve-sinh': 13,
  'ngap-ung-thoat-nuoc': 4, 'o-nhiem-moi-truong': 6, 'cay-xanh': 4, 'thien-tai': 0.7, 'trat-tu-cong-cong': 6, 'an-ninh': 3,
  'xay-dung-trai-phep': 4, 'dat-dai': 4, 'an-toan-thuc-pham': 2, dien: 4, 'nuoc-sach': 4, 'vien-thong': 3,
  'thai-do-can-bo': 1.5, 'thu-tuc-hanh-chinh': 2.5, 'y-te-giao-duc': 2, khac: 3,
};
export const FLOOD_CATEGORIES = new Set(['ngap-ung-thoat-nuoc', 'thien-tai']);
const STORM_CATEGORIES = new Set(['cay-xanh', 'dien']);
/** Rain by month (Jan…Dec), relative: the central coast's rainy season is September–December. */
const RAIN_BY_MONTH = [0.6, 0.4, 0.3, 0.3, 0.5, 0.6, 0.6, 0.9, 1.8, 2.6, 2.4, 1.2];
/** Monday … Sunday. */
const WEEKDAY = [1.15, 1.1, 1.05, 1.05, 1.0, 0.8, 0.7];
/** Local hour of day 0…23. */
export const HOURS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.4, 2.4, 3.0, 2.8, 2.5, 2.0, 1.4, 1.3, 2.2, 2.5, 2.4, 2.1, 1.8, 1.9, 1.9, 1.6, 1.0, 0.5];

interface Flood {
  centre: number;
  width: number;
  peak: number;
}

/** Flood events of one autumn: three or four, between 20 September and 30 November. */
function floodsOf(year: number, seed: number): Flood[] {
  const random = new Random(seed * 7919 + year);
  const start = Date.UTC(year, 8, 20) / DAY;
  const end = Date.UTC(year, 10, 30) / DAY;
  return Array.from({ length: random.int(3, 4) }, () => ({ centre: random.between(start, end), width: random.between(1.5, 3.5), peak: random.between(5, 14) }));
}

/** Day numbers (days since 1970-01-01, Vietnam dates) and their relative weights per category. */
export interface DayPlan {
  dayNumber: number;
  month: number;
  weight: number;
  categories: WeightedTable<DemoWorldCategory>;
  floodLevel: number;
}

export function planDays(world: DemoWorld, untilDay: number, seed: number): DayPlan[] {
  const firstDay = untilDay - DAYS + 1;
  const years = new Set<number>();
  for (let n = firstDay; n <= untilDay; n += 28) years.add(new Date(n * DAY).getUTCFullYear());
  years.add(new Date(untilDay * DAY).getUTCFullYear());
  const floods = [...years].flatMap((y) => floodsOf(y, seed));
  const tets = [...years].map((y) => Date.parse(`${tetOf(y)}T00:00:00Z`) / DAY);
  const days: DayPlan[] = [];
  for (let n = firstDay; n <= untilDay; n++) {
    const date = new Date(n * DAY);
    const month = date.getUTCMonth();
    const weekday = (date.getUTCDay() + 6) % 7;
    const growth = 0.8 + (0.4 * (n - firstDay)) / (DAYS - 1);
    const tet = tets.some((t) => n >= t - 2 && n <= t + 5) ? 0.35 : 1;
    const floodLevel = RAIN_BY_MONTH[month]! + floods.reduce((sum, f) => sum + f.peak * Math.exp(-0.5 * ((n - f.centre) / f.width) ** 2), 0);
    const shares = world.categories.map((c) => {
      const base = BASE_SHARE[c.code] ?? 2;
      if (FLOOD_CATEGORIES.has(c.code)) return base * floodLevel;
      if (STORM_CATEGORIES.has(c.code)) return base * Math.max(0.7, 1 + 0.3 * (floodLevel - 1));
      return base;
    });
    const categories = new WeightedTable(world.categories, shares);
    days.push({ dayNumber: n, month, weight: WEEKDAY[weekday]! * growth * tet * categories.total, categories, floodLevel });
  }
  return days;
}
