/**
 * What one dossier, as it stands, contributes to `dossier_stats_daily`: a pure function of the row.
 * A change adds `facts(after) − facts(before)`, so the maintained table always equals the sum of
 * `facts` over every dossier (plus the trigger-kept columns), which is what the rebuild computes in
 * SQL (rebuild.ts states the same rules; the property test checks that both agree).
 */
import type { Selectable } from 'kysely';
import { todayInVietnam } from '../../../platform/calendar/index.js';
import { END_STATUSES, FINISHED, REFUSED, RETURNED, STOPPED, WITHDRAWN } from '../statuses.js';
import type { DossierTable } from '../tables.js';
import type { Counts, StatsKey } from './tables.js';

export type DossierFactsRow = Pick<
  Selectable<DossierTable>,
  | 'status'
  | 'channel'
  | 'procedure_code'
  | 'handling_agency_id'
  | 'receiving_agency_id'
  | 'commune_code'
  | 'received_at'
  | 'due_at'
  | 'finished_at'
  | 'returned_at'
  | 'updated_at'
  | 'supplement_requests'
  | 'extended_due_at'
  | 'digitised'
  | 'reused_data'
  | 'result_sha256'
  | 'delivery_method'
  | 'fee_total'
>;

export interface Fact {
  key: StatsKey;
  counts: Counts;
}

export type Timeliness = 'early' | 'on_time' | 'late';

/**
 * The national rule (766 indicator 2.1): on time when the end is not after the due date (which the
 * processing commands already moved by the supplement time), late after it or with more than one
 * supplement request. Early (internal definition, brief §3.10): ended on a Vietnam day before the due day.
 * A dossier without a due date cannot be late.
 */
export function timeliness(end: Date, due: Date | null, supplementRequests: number): Timeliness {
  if (supplementRequests > 1) return 'late';
  if (!due) return 'on_time';
  if (end.getTime() > due.getTime()) return 'late';
  return todayInVietnam(end) < todayInVietnam(due) ? 'early' : 'on_time';
}

/** When handling ended: the result, else the hand-over, else the last change (withdrawal, stop). */
export function endOf(row: Pick<DossierFactsRow, 'status' | 'received_at' | 'finished_at' | 'returned_at' | 'updated_at'>): Date | null {
  if (!row.received_at || !END_STATUSES.includes(row.status)) return null;
  return new Date(row.finished_at ?? row.returned_at ?? row.updated_at);
}

function keyOf(row: DossierFactsRow, at: Date): StatsKey {
  return {
    day: todayInVietnam(at),
    agency_id: row.handling_agency_id ?? row.receiving_agency_id,
    receiving_agency_id: row.receiving_agency_id,
    commune_code: row.commune_code ?? '',
    procedure_code: row.procedure_code,
    channel: row.channel,
  };
}

const one = (b: boolean) => (b ? 1 : 0);

export function dossierFacts(row: DossierFactsRow): Fact[] {
  const facts: Fact[] = [];
  const eResult = row.result_sha256 !== null;
  if (row.received_at) {
    facts.push({
      key: keyOf(row, new Date(row.received_at)),
      counts: {
        received: 1,
        received_e_result: one(eResult),
        reused: one(row.reused_data),
        store_linked: one(row.reused_data || (eResult && row.delivery_method === 'online')),
        fee_dossiers: one(Number(row.fee_total) > 0),
      },
    });
  }
  const end = endOf(row);
  if (end && row.received_at) {
    // Handled to a result (approved or rejected), as opposed to withdrawn or stopped.
    const resolved = row.status === FINISHED || row.status === RETURNED;
    const judged = timeliness(end, row.due_at ? new Date(row.due_at) : null, row.supplement_requests);
    facts.push({
      key: keyOf(row, end),
      counts: {
        finished: 1,
        finished_early: one(judged === 'early'),
        finished_on_time: one(judged === 'on_time'),
        finished_late: one(judged === 'late'),
        withdrawn: one(row.status === WITHDRAWN),
        stopped: one(row.status === STOPPED),
        with_supplement: one(row.supplement_requests > 0),
        apology: one(row.extended_due_at !== null),
        resolved: one(resolved),
        digitised: one(resolved && row.digitised),
        digitised_e_result: one(resolved && row.digitised && eResult),
        e_result: one(resolved && eResult),
        handling_minutes: handlingMinutes(new Date(row.received_at), end),
      },
    });
  }
  if (row.status === RETURNED && row.returned_at) facts.push({ key: keyOf(row, new Date(row.returned_at)), counts: { returned: 1 } });
  if (row.status === REFUSED) facts.push({ key: keyOf(row, new Date(row.finished_at ?? row.updated_at)), counts: { refused: 1 } });
  return facts;
}

/** Elapsed minutes from receipt to the end (calendar time, pauses included), never negative. */
export function handlingMinutes(received: Date, end: Date): number {
  return Math.max(0, Math.floor((end.getTime() - received.getTime()) / 60_000));
}

export function keyString(key: StatsKey): string {
  return [key.day, key.agency_id ?? '', key.receiving_agency_id ?? '', key.commune_code, key.procedure_code, key.channel].join('|');
}

/** facts(after) − facts(before), per key, without keys whose every counter difference is zero. */
export function factsDiff(before: DossierFactsRow | null, after: DossierFactsRow | null): Fact[] {
  const byKey = new Map<string, Fact>();
  const add = (facts: Fact[], sign: 1 | -1) => {
    for (const fact of facts) {
      const id = keyString(fact.key);
      const entry = byKey.get(id) ?? { key: fact.key, counts: {} };
      for (const [column, value] of Object.entries(fact.counts) as Array<[keyof Counts, number]>) entry.counts[column] = (entry.counts[column] ?? 0) + sign * value;
      byKey.set(id, entry);
    }
  };
  if (before) add(dossierFacts(before), -1);
  if (after) add(dossierFacts(after), 1);
  const out: Fact[] = [];
  for (const fact of byKey.values()) {
    const counts = Object.fromEntries(Object.entries(fact.counts).filter(([, v]) => v !== 0)) as Counts;
    if (Object.keys(counts).length > 0) out.push({ key: fact.key, counts });
  }
  return out;
}
