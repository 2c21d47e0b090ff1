/**
 * What the indicators need from the procedure catalog: for each procedure, its latest published
 * version that had taken effect by an instant, and whether it is still in force then.
 */
import { sql, type Kysely } from 'kysely';
import type { OnlineLevel, ProcedureFee, ProcedureLevel } from '../tables.js';

export interface CatalogProcedure {
  code: string;
  name: string;
  agencyId: string | null;
  level: ProcedureLevel;
  onlineLevel: OnlineLevel;
  fullOnlineEligible: boolean;
  onlinePayment: boolean;
  hasFees: boolean;
  /** The result is a document (paper or electronic), so an e-result is expected (766 3.3, 4.1, 4.2). */
  documentResult: boolean;
  /** Every constituent part the law requires to be public (Decree 63 Art. 8(2); 766 indicator 1.3). */
  complete: boolean;
  inForce: boolean;
}

interface VersionRow {
  code: string;
  name: string;
  agency_id: string | null;
  level: ProcedureLevel;
  online_level: OnlineLevel;
  full_online_eligible: boolean;
  online_payment: boolean;
  fees: ProcedureFee[] | string;
  result_type: string;
  steps: unknown;
  channels: unknown;
  components: unknown;
  subjects: unknown;
  time_amount: string;
  in_force: boolean;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
function nonEmptyList(v: unknown): boolean {
  const list: unknown = typeof v === 'string' ? JSON.parse(v) : v;
  return Array.isArray(list) && list.length > 0;
}

export function isComplete(v: Pick<VersionRow, 'name' | 'steps' | 'channels' | 'components' | 'subjects' | 'time_amount' | 'agency_id' | 'level'>): boolean {
  return (
    v.name.trim() !== '' &&
    nonEmptyList(v.steps) &&
    nonEmptyList(v.channels) &&
    nonEmptyList(v.components) &&
    nonEmptyList(v.subjects) &&
    v.time_amount !== null &&
    Number.isFinite(Number(v.time_amount)) &&
    (v.agency_id !== null || v.level === 'commune')
  );
}

/** Keyed by procedure code; procedures published only after `at` are absent. */
export async function catalogAt(db: Kysely<any>, at: Date): Promise<Map<string, CatalogProcedure>> {
  const { rows } = await sql<VersionRow>`
    select distinct on (v.procedure_id) p.code, v.name, v.agency_id, v.level, v.online_level, v.full_online_eligible, v.online_payment,
      v.fees, v.result_type, v.steps, v.channels, v.components, v.subjects, v.time_amount,
      (v.effective_to is null or v.effective_to > ${at}) as in_force
    from procedure_versions v
    join procedures p on p.id = v.procedure_id
    where v.state <> 'draft' and v.effective_from <= ${at}
    order by v.procedure_id, v.version desc`.execute(db);
  return new Map(
    rows.map((v) => [
      v.code,
      {
        code: v.code,
        name: v.name,
        agencyId: v.agency_id,
        level: v.level,
        onlineLevel: v.online_level,
        fullOnlineEligible: v.full_online_eligible,
        onlinePayment: v.online_payment,
        hasFees: json(v.fees).some((f) => f.amount > 0),
        documentResult: v.result_type !== 'none',
        complete: isComplete(v),
        inForce: v.in_force,
      },
    ]),
  );
}
