/** The procedure catalog (CONTRACT — implemented by the catalog folder). */
import type { Selectable } from 'kysely';
import type { ProcedureVersionTable, PsDb, PsTrx } from '../tables.js';

export type ProcedureVersionRow = Selectable<ProcedureVersionTable> & { code: string };

/** The published version in force at `at` for a procedure code, or undefined. */
export async function versionInForce(_db: PsDb | PsTrx, _code: string, _at: Date): Promise<ProcedureVersionRow | undefined> {
  throw new Error('not implemented');
}

/** A version by id (any state), or undefined. */
export async function versionById(_db: PsDb | PsTrx, _id: string): Promise<ProcedureVersionRow | undefined> {
  throw new Error('not implemented');
}
