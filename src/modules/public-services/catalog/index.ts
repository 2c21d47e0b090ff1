/** The procedure catalog (CONTRACT — implemented by the catalog folder). */
import type { Selectable } from 'kysely';
import type { App, AppContext } from '../../../platform/http/module.js';
import type { ProcedureVersionTable, PsDb, PsTrx } from '../tables.js';

export type ProcedureVersionRow = Selectable<ProcedureVersionTable> & { code: string };

export { catalogMigrations } from './migrations.js';

/** The published version in force at `at` for a procedure code, or undefined. */
export async function versionInForce(_db: PsDb | PsTrx, _code: string, _at: Date): Promise<ProcedureVersionRow | undefined> {
  throw new Error('not implemented');
}

/** A version by id (any state), or undefined. */
export async function versionById(_db: PsDb | PsTrx, _id: string): Promise<ProcedureVersionRow | undefined> {
  throw new Error('not implemented');
}

export function registerCatalogRoutes(_app: App, _ctx: AppContext): void {}

export async function seedDemoCatalog(_ctx: AppContext): Promise<void> {}
