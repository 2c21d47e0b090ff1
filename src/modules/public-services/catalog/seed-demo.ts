import type { AppContext } from '../../../platform/http/module.js';
import { SYSTEM_ACTOR } from '../dossiers/transition.js';
import { psDb } from '../tables.js';
import { DEMO_PROCEDURES, VN_DEMO_EFFECTIVE_FROM } from './demo/index.js';
import { DEMO_ROUTES } from './demo/routes.js';
import { normalizeParts } from './parts.js';
import type { PartsInput } from './schemas.js';
import { routeRowId, setRoute } from './route-table.js';
import { agencyByCode, procedureByCode } from './store.js';
import { createProcedure, publishDraft } from './writes.js';

const DEMO_ACTOR = { ...SYSTEM_ACTOR, label: 'demo-seed' };

/**
 * The demo catalog, published from 01/07/2025 (the two-tier local government). Only inserts what is
 * missing, so it is cheap on every start; a procedure whose agency is absent (no demo agencies) is
 * left out rather than failing the start.
 */
export async function seedDemoCatalog(ctx: AppContext): Promise<void> {
  const db = psDb(ctx.db);
  const agencies = new Set((await db.selectFrom('agencies').select('code').execute()).map((a) => a.code));
  for (const demo of DEMO_PROCEDURES) {
    const { code, note: _note, ...parts } = demo;
    if (await procedureByCode(db, code)) continue;
    const needed = [parts.agencyCode, ...parts.process.map((s) => (typeof s.actor === 'object' ? s.actor.agencyCode : null))].filter((c): c is string => !!c);
    if (needed.some((c) => !agencies.has(c))) {
      ctx.log.warn({ code }, 'demo procedure skipped: its agencies are not loaded');
      continue;
    }
    await db.transaction().execute(async (trx) => {
      const created = await createProcedure(trx, ctx, DEMO_ACTOR, code, normalizeParts(parts as PartsInput, parts.agencyCode), true);
      await publishDraft(trx, ctx, DEMO_ACTOR, created.procedure, new Date(VN_DEMO_EFFECTIVE_FROM));
    });
  }
  await seedDemoRoutes(ctx);
}

/** The demo routing rows whose procedure, agency and commune are loaded and that have no row yet. */
async function seedDemoRoutes(ctx: AppContext): Promise<void> {
  const db = psDb(ctx.db);
  for (const route of DEMO_ROUTES) {
    const procedure = await procedureByCode(db, route.procedureCode);
    if (!procedure || !(await agencyByCode(db, route.agencyCode))) continue;
    if (route.communeCode && !(await agencyByCode(db, `UBND-XA-${route.communeCode}`))) continue;
    // A row already there (demo or set by an administrator) is never overwritten.
    if (await routeRowId(db, procedure.id, route.communeCode)) continue;
    await db.transaction().execute((trx) => setRoute(trx, ctx, DEMO_ACTOR, route.procedureCode, route, true));
  }
}
