import type { Selectable } from 'kysely';
import type { AgencyTable } from '../../../platform/agencies/tables.js';
import type { DossierRow } from '../dossiers/transition.js';
import type { DossierComponentTable, ProcedureVersionTable, PsDb, PsTrx } from '../tables.js';

export type AgencyRow = Pick<Selectable<AgencyTable>, 'id' | 'code' | 'name' | 'address' | 'phone'>;
export type VersionRow = Pick<Selectable<ProcedureVersionTable>, 'name' | 'version' | 'components' | 'fees' | 'time_amount' | 'time_unit' | 'process' | 'result_name'>;

/** What a form is drawn from: the dossier and what it points to, read in the caller's transaction. */
export interface DocumentData {
  dossier: DossierRow;
  version: VersionRow;
  receiving: AgencyRow | null;
  handling: AgencyRow | null;
  components: Array<Selectable<DossierComponentTable>>;
}

export async function agencyById(db: PsDb | PsTrx, id: string | null): Promise<AgencyRow | null> {
  if (!id) return null;
  const row = await db.selectFrom('agencies').select(['id', 'code', 'name', 'address', 'phone']).where('id', '=', id).executeTakeFirst();
  return row ?? null;
}

export async function loadDocumentData(db: PsDb | PsTrx, dossier: DossierRow): Promise<DocumentData> {
  const version = await db
    .selectFrom('procedure_versions')
    .select(['name', 'version', 'components', 'fees', 'time_amount', 'time_unit', 'process', 'result_name'])
    .where('id', '=', dossier.procedure_version_id)
    .executeTakeFirstOrThrow();
  const components = await db.selectFrom('dossier_components').selectAll().where('dossier_id', '=', dossier.id).orderBy('added_at').execute();
  return {
    dossier,
    version,
    receiving: await agencyById(db, dossier.receiving_agency_id),
    handling: await agencyById(db, dossier.handling_agency_id ?? dossier.receiving_agency_id),
    components,
  };
}

/** A person's display name for a user id (documents name the officer, never an e-mail address). */
export async function userName(db: PsDb | PsTrx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const row = await db.selectFrom('users').select('full_name').where('id', '=', userId).executeTakeFirst();
  return row?.full_name ?? null;
}

const UNIT_LABELS = { working_days: 'ngày làm việc', working_hours: 'giờ làm việc', calendar_days: 'ngày', months: 'tháng' } as const;

export function timeLimitLabel(version: VersionRow): string {
  return `${Number(version.time_amount)} ${UNIT_LABELS[version.time_unit]}`;
}
