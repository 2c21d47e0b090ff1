import type { Bilingual } from '../http/errors.js';
import type { IsoDate } from './civil-date.js';

/**
 * What one entry of the official overlay (the Government's yearly decisions) does to a date:
 * - `day_off`: an extra day off (a longer Tết break, the day off of a swap, a moved compensation day);
 * - `working_day`: a date that would be off becomes a working day (a swapped working Saturday —
 *   ngày làm bù — or a computed compensation day the decision moved elsewhere);
 * - `national_day_second`: the day (1/9 or 3/9) the Government chose to join 2/9 that year.
 */
export const OVERLAY_KINDS = ['day_off', 'working_day', 'national_day_second'] as const;
export type OverlayKind = (typeof OVERLAY_KINDS)[number];

export interface OverlayEntry {
  id: string;
  date: IsoDate;
  kind: OverlayKind;
  name: Bilingual;
  /** The legal notice (or other evidence) the entry comes from. */
  source: string;
  /** The calendar version that added the entry. */
  validFromVersion: number;
  /** The calendar version that removed it; null while it is in force. */
  validToVersion: number | null;
}

/** Whether an entry belongs to the calendar as it stood at `version`. */
export function activeAt(entry: Pick<OverlayEntry, 'validFromVersion' | 'validToVersion'>, version: number): boolean {
  return entry.validFromVersion <= version && (entry.validToVersion === null || entry.validToVersion > version);
}
