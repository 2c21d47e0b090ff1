/**
 * The monthly dossier report (báo cáo tình hình giải quyết hồ sơ), per agency and procedure:
 * carried over from before the month + new in the month = finished in the month + pending at its end.
 * Carried over, new and finished come from the aggregates; the split of pending into within time
 * and overdue from the dossiers (pending.ts).
 */
import type { Kysely } from 'kysely';
import { addDays, endOfPeriod, formatDay, monthPeriod, type Period } from './period.js';
import { pendingByAgencyAndProcedure } from './pending.js';
import { groupedSums, type StatsFilter } from './query.js';

export interface ReportFigures {
  carriedOver: number;
  new: { total: number; online: number; counter: number; post: number };
  finished: { total: number; early: number; onTime: number; late: number };
  pending: { total: number; withinTime: number; overdue: number };
}

export interface ReportRow extends ReportFigures {
  agency: { id: string; code: string; name: string } | null;
  procedure: { code: string; name: string };
}

export interface MonthlyReport {
  month: string;
  from: string;
  to: string;
  /** dd/mm/yyyy – dd/mm/yyyy, as printed. */
  label: string;
  rows: ReportRow[];
  totals: ReportFigures;
}

const zero = (): ReportFigures => ({
  carriedOver: 0,
  new: { total: 0, online: 0, counter: 0, post: 0 },
  finished: { total: 0, early: 0, onTime: 0, late: 0 },
  pending: { total: 0, withinTime: 0, overdue: 0 },
});

function add(a: ReportFigures, b: ReportFigures): void {
  a.carriedOver += b.carriedOver;
  for (const k of ['total', 'online', 'counter', 'post'] as const) a.new[k] += b.new[k];
  for (const k of ['total', 'early', 'onTime', 'late'] as const) a.finished[k] += b.finished[k];
  for (const k of ['total', 'withinTime', 'overdue'] as const) a.pending[k] += b.pending[k];
}

export function parseMonth(month: string): Period | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return monthPeriod(Number(m[1]), Number(m[2]));
}

export async function monthlyReport(db: Kysely<any>, month: string, filter: StatsFilter, now = new Date()): Promise<MonthlyReport> {
  const period = parseMonth(month)!;
  const figures = new Map<string, ReportFigures>();
  const at = (agencyId: string | null | undefined, code: string) => {
    const key = `${agencyId ?? ''}|${code}`;
    let f = figures.get(key);
    if (!f) figures.set(key, (f = zero()));
    return f;
  };
  for (const row of await groupedSums(db, { to: addDays(period.from, -1) }, filter, ['agency_id', 'procedure_code'])) {
    at(row.key.agency_id, row.key.procedure_code!).carriedOver += row.sums.received - row.sums.finished;
  }
  for (const row of await groupedSums(db, period, filter, ['agency_id', 'procedure_code', 'channel'])) {
    const f = at(row.key.agency_id, row.key.procedure_code!);
    const channel = row.key.channel === 'online' ? 'online' : row.key.channel === 'post' ? 'post' : 'counter';
    f.new.total += row.sums.received;
    f.new[channel] += row.sums.received;
    f.finished.total += row.sums.finished;
    f.finished.early += row.sums.finished_early;
    f.finished.onTime += row.sums.finished_on_time;
    f.finished.late += row.sums.finished_late;
  }
  for (const p of await pendingByAgencyAndProcedure(db, endOfPeriod(period), filter, now)) {
    const f = at(p.agencyId, p.procedureCode);
    f.pending.withinTime += p.within;
    f.pending.overdue += p.overdue;
    f.pending.total += p.within + p.overdue;
  }
  const rows = await named(db, figures);
  const totals = zero();
  for (const row of rows) add(totals, row);
  return { month, ...period, label: `${formatDay(period.from)} – ${formatDay(period.to)}`, rows, totals };
}

/** Rows with agency and procedure names, without rows where nothing happened, in Vietnamese order. */
async function named(db: Kysely<any>, figures: Map<string, ReportFigures>): Promise<ReportRow[]> {
  const active = [...figures].filter(([, f]) => f.carriedOver !== 0 || f.new.total !== 0 || f.finished.total !== 0 || f.pending.total !== 0);
  const agencyIds = [...new Set(active.map(([k]) => k.split('|')[0]!).filter((id) => id !== ''))];
  const codes = [...new Set(active.map(([k]) => k.split('|')[1]!))];
  const agencies = agencyIds.length ? await db.selectFrom('agencies').select(['id', 'code', 'name']).where('id', 'in', agencyIds).execute() : [];
  const names = codes.length
    ? await db
        .selectFrom('procedure_versions as v')
        .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
        .select(['p.code', 'v.name'])
        .where('p.code', 'in', codes)
        .where('v.state', '<>', 'draft')
        .orderBy('v.version', 'asc')
        .execute()
    : [];
  const agencyById = new Map(agencies.map((a) => [a.id as string, a as { id: string; code: string; name: string }]));
  const nameByCode = new Map<string, string>(names.map((n) => [n.code as string, n.name as string]));
  const rows = active.map(([key, f]) => {
    const [agencyId, code] = key.split('|') as [string, string];
    return { agency: agencyById.get(agencyId) ?? null, procedure: { code, name: nameByCode.get(code) ?? code }, ...f };
  });
  rows.sort((a, b) => (a.agency?.name ?? '').localeCompare(b.agency?.name ?? '', 'vi') || a.procedure.name.localeCompare(b.procedure.name, 'vi'));
  return rows;
}
