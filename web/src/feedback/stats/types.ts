/** The answer of GET /api/v1/feedback/stats (see src/modules/feedback/stats/README.md). */
export type GroupBy = 'agency' | 'commune' | 'category';
export const GROUPS: readonly GroupBy[] = ['agency', 'commune', 'category'];

export interface Figures {
  received: number;
  accepted: number;
  resolved: number;
  resolvedOnTime: number;
  /** 0–1; null without results. */
  onTimeRate: number | null;
  /** Working days; 31 means "more than 30"; null without results. */
  medianWorkingDays: number | null;
  satisfaction: { count: number; average: number | null };
  outcomes: { fixed: number; notFixed: number; notOurs: number; duplicate: number; refused: number };
  reopened: number;
}

export interface StatsItem extends Figures {
  key: string;
  name: string | { vi: string; en: string };
}

export interface StatsResponse {
  groupBy: GroupBy;
  from: string;
  to: string;
  items: StatsItem[];
  total: Figures;
  definitions: { vi: Record<string, string>; en: Record<string, string> };
}
