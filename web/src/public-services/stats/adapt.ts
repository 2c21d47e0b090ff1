import type { Bi } from '../types.js';
import type { AgencyFigures, Figures, PublicStats } from './types.js';

export const STATS_API = '/api/v1/public-services/stats';

/** One scope's figures as `GET /api/v1/public-services/stats` sends them (rates 0–1, null when nothing to divide). */
export interface RawFigures {
  received: number;
  receivedOnline: number;
  finished: number;
  onTimeRate: number | null;
  onlineRate: number | null;
  digitisedRate: number | null;
  satisfaction: { evaluations: number; averageRating: number | null; satisfiedRate: number | null };
}

export interface StatsResponse {
  from: string;
  to: string;
  label: string;
  totals: RawFigures;
  byAgency: Array<RawFigures & { agency: { id: string; code: string; name: string } }>;
  /** How each figure is computed, by the server, in both languages. */
  definitions: { vi: Record<string, string>; en: Record<string, string> };
}

function figures(raw: RawFigures): Figures {
  return {
    received: raw.received,
    finished: raw.finished,
    onTimeRate: raw.onTimeRate,
    onlineRate: raw.onlineRate,
    digitisedRate: raw.digitisedRate,
    satisfiedRate: raw.satisfaction.satisfiedRate,
    ratings: raw.satisfaction.evaluations,
  };
}

/** The statistics response as the page shows it. */
export function adaptStats(raw: StatsResponse): PublicStats & { definitions: StatsResponse['definitions'] } {
  const agencies: AgencyFigures[] = raw.byAgency.map((a) => ({ ...figures(a), id: a.agency.id, name: a.agency.name }));
  return { from: raw.from, to: raw.to, total: figures(raw.totals), agencies, definitions: raw.definitions };
}

/** The server's sentence for a figure in the page's language, if it gives one. */
export function definition(defs: StatsResponse['definitions'] | undefined, lang: keyof Bi, key: string): string | undefined {
  return defs?.[lang][key];
}
