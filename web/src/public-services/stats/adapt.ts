import type { AgencyFigures, Figures, PublicStats } from './types.js';

export const STATS_API = '/api/v1/public-services/stats';

type Raw = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const obj = (v: unknown): Raw => (v && typeof v === 'object' ? (v as Raw) : {});
const share = (part: number | null, whole: number | null) => (part === null || !whole ? null : part / whole);

/** A scope's figures from the statistics API: counts, and rates (0–1) computed here when only counts are given. */
function figures(raw: Raw): Figures {
  const received = num(raw.received) ?? 0;
  const finished = num(raw.finished) ?? 0;
  const onTime = (num(raw.finishedEarly) ?? 0) + (num(raw.finishedOnTime) ?? 0);
  const satisfaction = obj(raw.satisfaction);
  const ratings = num(satisfaction.count) ?? num(raw.evaluations) ?? 0;
  return {
    received,
    finished,
    onTimeRate: num(raw.onTimeRate) ?? share(onTime, finished),
    onlineRate: num(raw.onlineRate) ?? share(num(raw.online), received),
    digitisedRate: num(raw.digitisedRate) ?? share(num(raw.digitised), received),
    satisfiedRate: num(satisfaction.satisfiedRate) ?? num(satisfaction.rate) ?? share(num(satisfaction.satisfied) ?? num(raw.satisfied), ratings),
    ratings,
  };
}

/** The public statistics response as the page reads it. */
export function adaptStats(raw: unknown): PublicStats {
  const r = obj(raw);
  const list = Array.isArray(r.byAgency) ? r.byAgency : Array.isArray(r.agencies) ? r.agencies : Array.isArray(r.items) ? r.items : [];
  const agencies: AgencyFigures[] = list.map((item) => {
    const a = obj(item);
    const agency = obj(a.agency);
    return { ...figures(a), id: String(agency.id ?? a.agencyId ?? a.id ?? ''), name: String(agency.name ?? a.agencyName ?? a.name ?? '') };
  });
  return { from: String(r.from ?? ''), to: String(r.to ?? ''), total: figures(obj(r.total ?? r.totals)), agencies };
}
