import { DEMO_PROVINCE_CODE } from '../../../platform/agencies/demo-agencies.js';
import { workingCalendar, type WorkingCalendar } from '../../../platform/calendar/index.js';
import type { Db } from '../../../platform/db/database.js';
import { psDb, type ApplicantKind, type Channel, type OnlineLevel, type ProcedureFee, type TimeUnit } from '../tables.js';

export interface DemoProcedure {
  id: string;
  versionId: string;
  code: string;
  level: 'province' | 'commune';
  agencyId: string | null;
  agencyCode: string | null;
  timeAmount: number;
  timeUnit: TimeUnit;
  cutoff: string | null;
  channels: Channel[];
  onlineLevel: OnlineLevel;
  subjects: ApplicantKind[];
  feeTotal: number;
  resultType: string;
  /** Relative share of dossiers: civil status and certification dominate a one-stop counter. */
  weight: number;
}

export interface DemoWorld {
  procedures: DemoProcedure[];
  communes: Array<{ code: string; name: string; agencyId: string; agencyCode: string; weight: number }>;
  centre: { id: string; code: string };
  calendar: WorkingCalendar;
}

/** How often a procedure is used, from its field: what a provincial one-stop report typically shows. */
export function procedureWeight(field: string, level: string, timeAmount: number): number {
  const f = field.toLocaleLowerCase('vi');
  const byField = f.includes('chứng thực') ? 10 : f.includes('hộ tịch') ? 7 : f.includes('hộ kinh doanh') ? 2.5 : f.includes('đất') ? 3 : f.includes('xây dựng') ? 1.5 : 1;
  return byField * (level === 'commune' ? 1.5 : 1) * (timeAmount <= 1 ? 1.3 : 1);
}

/** Everything the generator needs, read once: procedures in force, the province's communes and their committees, the calendar. */
export async function loadDemoWorld(db: Db, at: Date): Promise<DemoWorld> {
  const ps = psDb(db);
  const rows = await ps
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .leftJoin('agencies as a', 'a.id', 'v.agency_id')
    .select(['p.id', 'p.code', 'v.id as version_id', 'v.level', 'v.agency_id', 'a.code as agency_code', 'v.time_amount', 'v.time_unit', 'v.same_day_cutoff', 'v.channels', 'v.online_level', 'v.subjects', 'v.fees', 'v.result_type', 'v.field'])
    .where('v.state', '<>', 'draft')
    .where('v.effective_from', '<=', at)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', at)]))
    .orderBy('p.code')
    .execute();
  const procedures = rows.map((r) => ({
    id: r.id,
    versionId: r.version_id,
    code: r.code,
    level: r.level,
    agencyId: r.agency_id,
    agencyCode: r.agency_code,
    timeAmount: Number(r.time_amount),
    timeUnit: r.time_unit,
    cutoff: r.same_day_cutoff,
    channels: r.channels,
    onlineLevel: r.online_level,
    subjects: r.subjects.length ? r.subjects : (['citizen'] as ApplicantKind[]),
    feeTotal: (r.fees as ProcedureFee[]).reduce((s, f) => s + f.amount, 0),
    resultType: r.result_type,
    weight: procedureWeight(r.field, r.level, Number(r.time_amount)),
  }));
  const communes = await db
    .selectFrom('agencies as a')
    .innerJoin('admin_units as u', 'u.code', 'a.admin_unit_code')
    .select(['u.code', 'u.name', 'u.type', 'a.id', 'a.code as agency_code'])
    .where('a.kind', '=', 'commune_committee')
    .where('u.parent_code', '=', DEMO_PROVINCE_CODE)
    .orderBy('u.code')
    .execute();
  const centre = await db.selectFrom('agencies').select(['id', 'code']).where('code', '=', 'TTPVHCC').executeTakeFirst();
  if (!centre) throw new Error('The demo agencies (TTPVHCC) must be seeded before demo dossiers.');
  return {
    procedures,
    // A ward (phường) is denser than a rural commune: the same population proxy as the feedback demo.
    communes: communes.map((c) => ({ code: c.code, name: c.name, agencyId: c.id, agencyCode: c.agency_code, weight: c.type === 'ward' ? 5 : c.type === 'special_zone' ? 0.15 : 1 })),
    centre,
    calendar: await workingCalendar(db),
  };
}
