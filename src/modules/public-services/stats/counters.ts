import type { Selectable } from 'kysely';
import type { DossierTable, PsTrx } from '../tables.js';

/**
 * Keeps the maintained statistics in step with a dossier change, in the same transaction: called by
 * every command with the row before and after. (Filled in by the statistics folder.)
 */
export async function recordStatsChange(_trx: PsTrx, _before: Selectable<DossierTable> | null, _after: Selectable<DossierTable>): Promise<void> {}
