/**
 * The small read interface other modules use to check a procedure or dossier code (the feedback
 * module's petitions about procedures, PAKN về TTHC). Codes only, no personal data.
 */
import { sql, type Kysely } from 'kysely';

export interface ProcedureRef {
  code: string;
  name: string;
}

export interface DossierRef {
  id: string;
  code: string;
  procedureCode: string;
  handlingAgencyId: string | null;
}

/** A procedure of the catalog with a published version (the newest one's name); null when unknown. */
export async function procedureByCode(db: Kysely<any>, code: string): Promise<ProcedureRef | null> {
  const { rows } = await sql<ProcedureRef>`
    select p.code, v.name from procedures p
    join procedure_versions v on v.procedure_id = p.id and v.state in ('published', 'retired')
    where p.code = ${code}
    order by v.version desc limit 1`.execute(db);
  return rows[0] ?? null;
}

/** A received dossier by its code (mã hồ sơ); null when unknown. */
export async function dossierByCode(db: Kysely<any>, code: string): Promise<DossierRef | null> {
  const { rows } = await sql<DossierRef>`
    select id, code, procedure_code as "procedureCode", handling_agency_id as "handlingAgencyId"
    from dossiers where code = ${code} limit 1`.execute(db);
  return rows[0] ?? null;
}
