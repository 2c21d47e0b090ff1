import { AppError, errors } from '../../../platform/http/errors.js';
import { competentAgencyId, type ProcedureVersionRow } from '../catalog/index.js';
import type { PsDb, PsTrx } from '../tables.js';

/** The provincial Public Administration Service Centre (Trung tâm Phục vụ hành chính công tỉnh). */
export const PROVINCIAL_CENTRE_CODE = 'TTPVHCC';

/** The People's Committee of a commune (UBND xã/phường), which receives and handles commune-level procedures. */
export function communeCommitteeCode(communeCode: string): string {
  return `UBND-XA-${communeCode}`;
}

export interface Routing {
  receivingAgencyId: string;
  handlingAgencyId: string;
  communeCode: string | null;
}

interface AgencyRef {
  id: string;
  code: string;
  kind: string;
  admin_unit_code: string | null;
}

async function agencyByCode(db: PsDb | PsTrx, code: string): Promise<AgencyRef | undefined> {
  return db.selectFrom('agencies').select(['id', 'code', 'kind', 'admin_unit_code']).where('code', '=', code).executeTakeFirst();
}

function unknownCommune(): AppError {
  return errors.badRequest('unknown_commune', 'Xã, phường đã chọn không thuộc tỉnh.', 'The chosen commune is not in the province.', [
    { field: 'communeCode', message: { vi: 'Chọn một xã, phường trong tỉnh.', en: 'Choose a commune of the province.' } },
  ]);
}

function communeRequired(): AppError {
  return errors.badRequest('commune_required', 'Thủ tục cấp xã: hãy chọn xã, phường nhận hồ sơ.', 'A commune-level procedure: choose the commune.', [
    { field: 'communeCode', message: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' } },
  ]);
}

async function commune(db: PsDb | PsTrx, communeCode: string | null | undefined): Promise<AgencyRef> {
  if (!communeCode) throw communeRequired();
  const agency = await agencyByCode(db, communeCommitteeCode(communeCode));
  if (!agency) throw unknownCommune();
  return agency;
}

/**
 * The handling agency: the competent one from the routing table (Decree 118/2025) for the procedure
 * and the commune the dossier concerns, else the default. Never the receiving centre's choice: the
 * same procedure and commune are handled by the same agency wherever the dossier was received.
 */
async function handlingAgencyId(db: PsDb | PsTrx, version: ProcedureVersionRow, communeCode: string | null, fallback: string | null): Promise<string> {
  const competent = (await competentAgencyId(db, version.procedure_id, communeCode)) ?? fallback;
  if (!competent) throw new AppError(409, 'no_handling_agency', { vi: 'Thủ tục chưa có cơ quan giải quyết.', en: 'The procedure has no handling agency.' });
  return competent;
}

/**
 * Online dossiers: province-level procedures are received by the provincial centre and handled by
 * the procedure's agency; commune-level ones by the People's Committee of the commune the applicant
 * chose — any commune of the province, wherever the applicant lives (phi địa giới). The routing
 * table may name another competent agency for either.
 */
export async function onlineRouting(db: PsDb | PsTrx, version: ProcedureVersionRow, communeCode: string | null | undefined): Promise<Routing> {
  if (version.level === 'commune') {
    const committee = await commune(db, communeCode);
    return { receivingAgencyId: committee.id, handlingAgencyId: await handlingAgencyId(db, version, communeCode!, committee.id), communeCode: communeCode! };
  }
  const centre = await agencyByCode(db, PROVINCIAL_CENTRE_CODE);
  if (!centre) {
    throw new AppError(409, 'no_receiving_agency', { vi: 'Chưa cấu hình đơn vị tiếp nhận cho thủ tục này.', en: 'No receiving agency is configured for this procedure.' });
  }
  if (communeCode) await commune(db, communeCode);
  return { receivingAgencyId: centre.id, handlingAgencyId: await handlingAgencyId(db, version, communeCode ?? null, version.agency_id), communeCode: communeCode ?? null };
}

/** One-stop counters: the provincial centre and the commune People's Committees (Bộ phận Một cửa). */
export function isReceivingAgency(agency: { code: string; kind: string }): boolean {
  return agency.code === PROVINCIAL_CENTRE_CODE || agency.kind === 'commune_committee';
}

/**
 * Counter and postal dossiers are received where the officer sits (any one-stop counter of the
 * province); the handling agency follows competence: the routing table's competent agency, else the
 * procedure's agency, or for commune-level procedures the chosen commune (by default the counter's own).
 */
export async function counterRouting(db: PsDb | PsTrx, version: ProcedureVersionRow, officerAgencyId: string | null, communeCode: string | null | undefined): Promise<Routing> {
  const counter = officerAgencyId ? await db.selectFrom('agencies').select(['id', 'code', 'kind', 'admin_unit_code']).where('id', '=', officerAgencyId).executeTakeFirst() : undefined;
  if (!counter || !isReceivingAgency(counter)) {
    throw errors.forbidden('Chỉ cán bộ Bộ phận Một cửa (Trung tâm Phục vụ hành chính công, UBND xã) được tiếp nhận hồ sơ.', 'Only officers of a one-stop counter (the service centre, a commune People\'s Committee) may receive dossiers.');
  }
  if (version.level === 'commune') {
    const chosen = communeCode ?? counter.admin_unit_code;
    const committee = await commune(db, chosen);
    return { receivingAgencyId: counter.id, handlingAgencyId: await handlingAgencyId(db, version, chosen!, committee.id), communeCode: chosen! };
  }
  if (communeCode) await commune(db, communeCode);
  // The commune is the applicant's choice, not the counter's: competence does not follow the counter.
  return { receivingAgencyId: counter.id, handlingAgencyId: await handlingAgencyId(db, version, communeCode ?? null, version.agency_id), communeCode: communeCode ?? null };
}
