/** The procedure catalog (danh mục thủ tục hành chính): versions, search, import/export, demo data. */
import { sql, type Selectable } from 'kysely';
import type { App, AppContext } from '../../../platform/http/module.js';
import type { ProcedureVersionTable, PsDb, PsTrx } from '../tables.js';
import { registerCatalogAdminRoutes } from './admin-routes.js';
import { registerCatalogDiffRoutes } from './diff-routes.js';
import { registerRouteTableRoutes } from './route-table-routes.js';
import { registerCatalogReadRoutes } from './routes.js';
import { inForceAt } from './store.js';
import { registerCatalogTransferRoutes } from './transfer-routes.js';

export type ProcedureVersionRow = Selectable<ProcedureVersionTable> & { code: string };

export { catalogMigrations } from './migrations.js';
export { seedDemoCatalog } from './seed-demo.js';
export { DEMO_PROCEDURES } from './demo/index.js';
export { stateOf } from './store.js';
export { competentAgencyId } from './route-table.js';

/** The published version in force at `at` for a procedure code, or undefined. */
export async function versionInForce(db: PsDb | PsTrx, code: string, at: Date): Promise<ProcedureVersionRow | undefined> {
  return db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .selectAll('v')
    .select('p.code')
    .where('p.code', '=', code)
    .where(inForceAt(at))
    .orderBy(sql`v.effective_from`, 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A version by id (any state), or undefined. */
export async function versionById(db: PsDb | PsTrx, id: string): Promise<ProcedureVersionRow | undefined> {
  return db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .selectAll('v')
    .select('p.code')
    .where('v.id', '=', id)
    .executeTakeFirst();
}

export function registerCatalogRoutes(app: App, ctx: AppContext): void {
  registerCatalogReadRoutes(app, ctx);
  registerCatalogAdminRoutes(app, ctx);
  registerCatalogTransferRoutes(app, ctx);
  registerCatalogDiffRoutes(app, ctx);
  registerRouteTableRoutes(app, ctx);
}
