import { sql, type Selectable } from 'kysely';
import type { DossierTable, PsTrx } from '../tables.js';
import { factsDiff, type Fact } from './facts.js';
import { KEY_COLUMNS, statsDb, type CounterColumn } from './tables.js';

/**
 * Keeps the maintained statistics in step with a dossier change, in the same transaction: called by
 * every command with the row before and after (`before` null for a dossier inserted already counted,
 * e.g. received at the counter). Writes only what changed: one upsert per key whose counters moved,
 * nothing for a change no statistic reads (sub-state, assignee, step, form data, …).
 */
export async function recordStatsChange(trx: PsTrx, before: Selectable<DossierTable> | null, after: Selectable<DossierTable>): Promise<void> {
  for (const fact of factsDiff(before, after)) await addCounts(trx, fact);
}

/** `insert … on conflict (key) do update set c = c + excluded.c` for the counters of one fact. */
export async function addCounts(trx: PsTrx, fact: Fact): Promise<void> {
  const columns = Object.keys(fact.counts) as CounterColumn[];
  if (columns.length === 0) return;
  await statsDb(trx)
    .insertInto('dossier_stats_daily')
    .values({ ...fact.key, ...fact.counts })
    .onConflict((oc) =>
      oc.columns([...KEY_COLUMNS]).doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql<number>`${sql.ref(`dossier_stats_daily.${c}`)} + ${sql.ref(`excluded.${c}`)}`]))),
    )
    .execute();
}
