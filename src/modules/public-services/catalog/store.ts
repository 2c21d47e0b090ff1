import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.js';
import { toSearchText } from '../../../platform/search/search-text.js';
import type { PsDb, PsTrx, PublicServicesTables } from '../tables.js';
import type { Parts, VersionRow } from './parts.js';
import { vietnameseSortKey } from './sort-key.js';
import type { AgencyRef } from './validate.js';

/** The columns the catalog's own migration adds to `procedure_versions`. */
type CatalogTables = { procedure_versions: { name_search: string; sort_key: string } };
type Tables = Database & PublicServicesTables & CatalogTables;
export type CatalogDb = Kysely<Tables> | Transaction<Tables>;

export function catalogDb(db: PsDb | PsTrx): CatalogDb {
  return db.withTables<CatalogTables>();
}

/** Published and in force at `at`: the windows [effective_from, effective_to) never overlap. */
export function inForceAt(at: Date): Expression<SqlBool> {
  return sql<SqlBool>`(v.state <> 'draft' and v.effective_from <= ${at} and (v.effective_to is null or v.effective_to > ${at}))`;
}

/** What the API reports: "retired" once a successor has taken over, whatever the stored state. */
export function stateOf(row: Pick<VersionRow, 'state' | 'effective_to'>, now: Date): 'draft' | 'published' | 'retired' {
  if (row.state === 'draft') return 'draft';
  if (row.state === 'retired' || (row.effective_to && row.effective_to <= now)) return 'retired';
  return 'published';
}

export interface ProcedureRow {
  id: string;
  code: string;
  is_demo: boolean;
}

export async function procedureByCode(db: PsDb | PsTrx, code: string, lock = false): Promise<ProcedureRow | undefined> {
  let q = db.selectFrom('procedures').select(['id', 'code', 'is_demo']).where('code', '=', code);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** All versions of a procedure, newest first. */
export async function versionsOf(db: PsDb | PsTrx, procedureId: string): Promise<VersionRow[]> {
  return db.selectFrom('procedure_versions').selectAll().where('procedure_id', '=', procedureId).orderBy('version', 'desc').execute();
}

export async function agencyById(db: PsDb | PsTrx, id: string | null): Promise<AgencyRef | null> {
  if (!id) return null;
  return (await db.selectFrom('agencies').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function agencyByCode(db: PsDb | PsTrx, code: string): Promise<AgencyRef | null> {
  return (await db.selectFrom('agencies').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst()) ?? null;
}

/** Agencies by id, for many rows at once. */
export async function agenciesByIds(db: PsDb | PsTrx, ids: Array<string | null>): Promise<Map<string, AgencyRef>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('agencies').select(['id', 'code', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The stored columns of a version's content (everything but identity, state and validity). */
export function contentColumns(code: string, parts: Parts, agency: AgencyRef | null) {
  return {
    name: parts.name,
    name_en: parts.nameEn,
    field: parts.field,
    level: parts.level,
    agency_id: agency?.id ?? null,
    subjects: JSON.stringify(parts.subjects),
    steps: JSON.stringify(parts.steps),
    channels: JSON.stringify(parts.channels),
    components: JSON.stringify(parts.components),
    time_amount: parts.timeAmount,
    time_unit: parts.timeUnit,
    same_day_cutoff: parts.sameDayCutoff,
    fees: JSON.stringify(parts.fees),
    result_type: parts.resultType,
    result_name: parts.resultName,
    legal_basis: JSON.stringify(parts.legalBasis),
    online_level: parts.onlineLevel,
    full_online_eligible: parts.fullOnlineEligible,
    online_payment: parts.onlinePayment,
    form_schema: JSON.stringify(parts.formSchema),
    process: JSON.stringify(parts.process),
    publication: JSON.stringify(parts.publication),
    search_text: toSearchText(code, parts.name, parts.nameEn, parts.field, agency?.name),
    name_search: toSearchText(parts.name),
    sort_key: vietnameseSortKey(parts.name),
  };
}
