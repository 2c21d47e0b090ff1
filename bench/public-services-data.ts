/**
 * The public-services benchmark's data: a database holding at least the wanted number of dossiers
 * (the missing ones made by the demo generator, as `npm run cli -- services:generate` does, and kept
 * for the next run) and what the requests need: a counter officer's session, a procedure that officer
 * receives, the demo year.
 */
import { sql } from 'kysely';
import type { Platform } from '../src/platform/runtime.js';
import { generateDemoDossiers } from '../src/modules/public-services/demo/generate.js';
import { psDb } from '../src/modules/public-services/tables.js';
import { baseBenchEnv, topUpDemoRows, withBenchPlatform, type BenchDatabase } from './demo-data.js';

const BASE_SEED = 7;

export interface ServicesBenchTarget extends BenchDatabase {
  dossiers: number;
}

export interface ServicesBenchData {
  dossiers: number;
  generated: number;
  generateSeconds: number;
  /** A commune-level procedure the demo ward officer receives at the counter. */
  procedureCode: string;
  communeCode: string;
  agencyId: string;
  from: string;
  to: string;
}

export function servicesBenchEnv(target: ServicesBenchTarget): Record<string, string> {
  return baseBenchEnv(target, {
    // The dossiers come from the generator below; the other modules' demo volumes are not needed.
    SERVICES_DEMO_DOSSIERS: '0',
    FEEDBACK_DEMO_REPORTS: '0',
  });
}

export async function prepareServicesBenchData(target: ServicesBenchTarget, log: (line: string) => void): Promise<ServicesBenchData> {
  return withBenchPlatform(servicesBenchEnv(target), async (platform) => {
    const existing = await countDossiers(platform);
    const wanted = { noun: 'dossiers', existing, wanted: target.dossiers, baseSeed: BASE_SEED };
    const { generated, generateSeconds } = await topUpDemoRows(wanted, (options) => generateDemoDossiers(platform.ctx, options), log);
    const ward = await platform.ctx.db.selectFrom('agencies').select(['id', 'admin_unit_code']).where('code', '=', 'UBND-XA-18880').executeTakeFirstOrThrow();
    const procedure = await psDb(platform.ctx.db)
      .selectFrom('procedure_versions as v')
      .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
      .select('p.code')
      .where('v.state', '=', 'published')
      .where('v.level', '=', 'commune')
      .where('v.effective_to', 'is', null)
      .orderBy('p.code')
      .executeTakeFirstOrThrow();
    const to = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const from = new Date(Date.now() + 7 * 3_600_000 - 365 * 86_400_000).toISOString().slice(0, 10);
    return { dossiers: await countDossiers(platform), generated, generateSeconds, procedureCode: procedure.code, communeCode: ward.admin_unit_code!, agencyId: ward.id, from, to };
  });
}

async function countDossiers(platform: Platform): Promise<number> {
  const row = await sql<{ n: string }>`select count(*) as n from dossiers`.execute(platform.ctx.db);
  return Number(row.rows[0]!.n);
}
