import type { Selectable } from 'kysely';
import type { ApplicantKind, Channel, ComponentKind, OnlineLevel, ProcedureComponent, ProcedureFee, ProcedureLevel, ProcedureVersionTable, ProcessStep, Publication, TimeUnit } from '../tables.js';
import type { PartsInput } from './schemas.js';

/**
 * The constituent parts of a procedure version in one canonical, portable shape: the agency by code,
 * no undefined fields, the form's field order kept in "x-order" (PostgreSQL's jsonb does not keep key
 * order). Two versions say the same thing exactly when their canonical parts are equal.
 */
export interface Parts {
  name: string;
  nameEn: string | null;
  field: string;
  level: ProcedureLevel;
  agencyCode: string | null;
  subjects: ApplicantKind[];
  steps: string[];
  channels: Channel[];
  components: ProcedureComponent[];
  timeAmount: number;
  timeUnit: TimeUnit;
  sameDayCutoff: string | null;
  fees: ProcedureFee[];
  resultType: 'paper' | 'electronic' | 'both' | 'none';
  resultName: string;
  legalBasis: string[];
  onlineLevel: OnlineLevel;
  fullOnlineEligible: boolean;
  onlinePayment: boolean;
  formSchema: Record<string, unknown>;
  process: ProcessStep[];
  publication: Publication;
}

export const PART_KEYS = [
  'name', 'nameEn', 'field', 'level', 'agencyCode', 'subjects', 'steps', 'channels', 'components', 'timeAmount', 'timeUnit', 'sameDayCutoff',
  'fees', 'resultType', 'resultName', 'legalBasis', 'onlineLevel', 'fullOnlineEligible', 'onlinePayment', 'formSchema', 'process', 'publication',
] as const satisfies ReadonlyArray<keyof Parts>;

/** Drops undefined members (what JSON does), so stored and submitted parts compare equal. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Adds "x-order" (the properties' order as written) to every object schema that lacks one. */
export function withFieldOrder(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withFieldOrder);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = withFieldOrder(v);
  const props = out.properties;
  if (props && typeof props === 'object' && !Array.isArray(props) && !Array.isArray(out['x-order'])) out['x-order'] = Object.keys(props);
  return out;
}

export function normalizeParts(input: Omit<PartsInput, 'agencyId' | 'agencyCode'>, agencyCode: string | null): Parts {
  return plain({
    name: input.name.trim(),
    nameEn: input.nameEn?.trim() || null,
    field: input.field.trim(),
    level: input.level,
    agencyCode,
    subjects: input.subjects as ApplicantKind[],
    steps: input.steps,
    channels: input.channels as Channel[],
    components: input.components.map((c) => ({ ...c, kind: c.kind as ComponentKind })),
    timeAmount: Number(input.timeAmount),
    timeUnit: input.timeUnit as TimeUnit,
    sameDayCutoff: input.sameDayCutoff ?? null,
    fees: input.fees as ProcedureFee[],
    resultType: input.resultType,
    resultName: input.resultName.trim(),
    legalBasis: input.legalBasis,
    onlineLevel: input.onlineLevel,
    fullOnlineEligible: input.fullOnlineEligible,
    onlinePayment: input.onlinePayment,
    formSchema: withFieldOrder(input.formSchema) as Record<string, unknown>,
    process: input.process as ProcessStep[],
    publication: input.publication,
  });
}

export type VersionRow = Selectable<ProcedureVersionTable>;

export function partsOfRow(row: VersionRow, agencyCode: string | null): Parts {
  return plain({
    name: row.name,
    nameEn: row.name_en,
    field: row.field,
    level: row.level,
    agencyCode,
    subjects: row.subjects,
    steps: row.steps,
    channels: row.channels,
    components: row.components,
    timeAmount: Number(row.time_amount),
    timeUnit: row.time_unit,
    sameDayCutoff: row.same_day_cutoff,
    fees: row.fees,
    resultType: row.result_type,
    resultName: row.result_name,
    legalBasis: row.legal_basis,
    onlineLevel: row.online_level,
    fullOnlineEligible: row.full_online_eligible,
    onlinePayment: row.online_payment,
    formSchema: row.form_schema,
    process: row.process,
    publication: row.publication,
  });
}

/** JSON with object keys sorted (arrays keep their order), for comparing content. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sameParts(a: Parts, b: Parts): boolean {
  return stableJson(a) === stableJson(b);
}

/** The sum of the fees as published (before any exemption). */
export function feeTotalOf(fees: ProcedureFee[]): number {
  return fees.reduce((s, f) => s + f.amount, 0);
}
