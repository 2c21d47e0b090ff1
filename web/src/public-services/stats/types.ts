import type { Bi } from '../types.js';

/** The figures of a scope (province or one agency) as the page shows them; rates are 0–1 or null when nothing to divide. */
export interface Figures {
  received: number;
  finished: number;
  onTimeRate: number | null;
  onlineRate: number | null;
  digitisedRate: number | null;
  satisfiedRate: number | null;
  ratings: number;
}

export interface AgencyFigures extends Figures {
  id: string;
  name: string;
}

export interface PublicStats {
  from: string;
  to: string;
  total: Figures;
  agencies: AgencyFigures[];
}

/** One Decision 766 indicator (ratio 0–1). */
export interface Indicator {
  code: string;
  name: Bi;
  group: string;
  computable: boolean;
  numerator: number | null;
  denominator: number | null;
  ratio: number | null;
  points: number | null;
  maxPoints: number | null;
  value?: number | null;
  unconfirmed: boolean;
  note: Bi;
}

export interface IndicatorReport {
  from: string;
  to: string;
  items: Indicator[];
  groups: Array<{ group: string; name: Bi; points: number; maxPoints: number; computableMaxPoints: number }>;
  total: { points: number; maxPoints: number; computableMaxPoints: number };
}
