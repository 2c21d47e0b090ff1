import type { ColumnType, Generated } from 'kysely';
import type { AppContext } from '../../../platform/http/module.js';
import { AppError, errors } from '../../../platform/http/errors.js';
import type { Actor } from '../dossiers/transition.js';
import { platformTrx, type PsDb, type PsTrx } from '../tables.js';
import { notFound } from './routes.js';
import { agencyByCode, agencyById, procedureByCode } from './store.js';
import type { AgencyRef } from './validate.js';

/**
 * The routing table (bảng phân công thẩm quyền, Decree 118/2025): which agency is competent to handle
 * a procedure, for every commune or for one. It decides the handling agency only; the receiving
 * agency is always the counter or portal that received the dossier.
 */
interface ProcedureRouteTable {
  id: Generated<string>;
  procedure_id: string;
  commune_code: string | null;
  agency_id: string;
  note: string | null;
  is_demo: Generated<boolean>;
  updated_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
type RouteTables = { procedure_routes: ProcedureRouteTable };

const routesDb = (db: PsDb | PsTrx) => db.withTables<RouteTables>();

export interface RouteInput {
  communeCode: string | null;
  agencyCode?: string | undefined;
  agencyId?: string | undefined;
  note?: string | null | undefined;
}

export interface RouteView {
  id: string;
  procedureCode: string;
  communeCode: string | null;
  agency: AgencyRef;
  note: string | null;
  isDemo: boolean;
  updatedAt: string;
}

/**
 * The competent agency for a procedure and the commune a dossier concerns: the row for that commune,
 * else the procedure-wide row, else null (the caller's default applies).
 */
export async function competentAgencyId(db: PsDb | PsTrx, procedureId: string, communeCode: string | null): Promise<string | null> {
  let q = routesDb(db).selectFrom('procedure_routes').select(['agency_id', 'commune_code']).where('procedure_id', '=', procedureId);
  q = communeCode ? q.where((eb) => eb.or([eb('commune_code', '=', communeCode), eb('commune_code', 'is', null)])) : q.where('commune_code', 'is', null);
  const rows = await q.execute();
  return (rows.find((r) => r.commune_code !== null) ?? rows[0])?.agency_id ?? null;
}

/** Every row, or a procedure's, by procedure code then commune (the procedure-wide row first). */
export async function listRoutes(db: PsDb | PsTrx, procedureId?: string): Promise<RouteView[]> {
  let q = routesDb(db)
    .selectFrom('procedure_routes as r')
    .innerJoin('procedures as p', 'p.id', 'r.procedure_id')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select(['r.id', 'p.code as procedure_code', 'r.commune_code', 'a.id as agency_id', 'a.code as agency_code', 'a.name as agency_name', 'r.note', 'r.is_demo', 'r.updated_at'])
    .orderBy('p.code')
    .orderBy('r.commune_code', (o) => o.nullsFirst());
  if (procedureId) q = q.where('r.procedure_id', '=', procedureId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    procedureCode: r.procedure_code,
    communeCode: r.commune_code,
    agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
    note: r.note,
    isDemo: r.is_demo,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

function unknownAgency(): AppError {
  return errors.badRequest('unknown_agency', 'Không có cơ quan này.', 'No such agency.', [{ field: 'agencyCode', message: { vi: 'Không có cơ quan này.', en: 'No such agency.' } }]);
}

function unknownCommune(code: string): AppError {
  return errors.badRequest('unknown_commune', `Xã, phường ${code} không thuộc tỉnh.`, `Commune ${code} is not in the province.`, [
    { field: 'communeCode', message: { vi: 'Chọn một xã, phường trong tỉnh.', en: 'Choose a commune of the province.' } },
  ]);
}

async function targetAgency(db: PsDb | PsTrx, input: RouteInput): Promise<AgencyRef> {
  const agency = input.agencyId ? await agencyById(db, input.agencyId) : input.agencyCode ? await agencyByCode(db, input.agencyCode) : null;
  if (!agency) throw unknownAgency();
  return agency;
}

/** A commune exists for intake when its People's Committee does (see `intake/routing.ts`). */
async function assertCommune(db: PsDb | PsTrx, communeCode: string | null): Promise<void> {
  if (communeCode && !(await agencyByCode(db, `UBND-XA-${communeCode}`))) throw unknownCommune(communeCode);
}

/** The id of a procedure's row for a commune (null: the procedure-wide row), if there is one. */
export async function routeRowId(db: PsDb | PsTrx, procedureId: string, communeCode: string | null, lock = false): Promise<string | undefined> {
  let q = routesDb(db).selectFrom('procedure_routes').select('id').where('procedure_id', '=', procedureId).where((eb) => (communeCode ? eb('commune_code', '=', communeCode) : eb('commune_code', 'is', null)));
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst())?.id;
}

/** Sets the competent agency for a procedure (and commune): inserts or replaces the row. */
export async function setRoute(trx: PsTrx, ctx: AppContext, actor: Actor, procedureCode: string, input: RouteInput, isDemo = false): Promise<RouteView> {
  const procedure = await procedureByCode(trx, procedureCode);
  if (!procedure) throw notFound(procedureCode);
  const agency = await targetAgency(trx, input);
  await assertCommune(trx, input.communeCode);
  const db = routesDb(trx);
  const values = { agency_id: agency.id, note: input.note?.trim() || null, updated_by: actor.userId, updated_at: new Date() };
  const existing = await routeRowId(trx, procedure.id, input.communeCode, true);
  const id = existing
    ? (await db.updateTable('procedure_routes').set(values).where('id', '=', existing).returning('id').executeTakeFirstOrThrow()).id
    : (await db.insertInto('procedure_routes').values({ procedure_id: procedure.id, commune_code: input.communeCode, is_demo: isDemo, ...values }).returning('id').executeTakeFirstOrThrow()).id;
  await ctx.audit.record(platformTrx(trx), {
    actor,
    action: 'procedure.route.set',
    targetType: 'procedure',
    targetId: procedure.id,
    details: { code: procedureCode, communeCode: input.communeCode, agencyCode: agency.code, replaced: !!existing },
  });
  return (await listRoutes(trx, procedure.id)).find((r) => r.id === id)!;
}

/** Removes a row; the default competence applies again. */
export async function deleteRoute(trx: PsTrx, ctx: AppContext, actor: Actor, procedureCode: string, communeCode: string | null): Promise<void> {
  const procedure = await procedureByCode(trx, procedureCode);
  if (!procedure) throw notFound(procedureCode);
  const deleted = await routesDb(trx)
    .deleteFrom('procedure_routes')
    .where('procedure_id', '=', procedure.id)
    .where((eb) => (communeCode ? eb('commune_code', '=', communeCode) : eb('commune_code', 'is', null)))
    .returning('agency_id')
    .executeTakeFirst();
  if (!deleted) {
    throw new AppError(404, 'no_route', { vi: `Thủ tục ${procedureCode} không có dòng phân công này.`, en: `Procedure ${procedureCode} has no such routing row.` });
  }
  await ctx.audit.record(platformTrx(trx), { actor, action: 'procedure.route.delete', targetType: 'procedure', targetId: procedure.id, details: { code: procedureCode, communeCode } });
}
