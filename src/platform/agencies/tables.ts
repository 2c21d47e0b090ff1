import type { ColumnType, Generated } from 'kysely';

/** What an agency is; the list is checked by the database, so adding one is a migration. */
export const AGENCY_KINDS = ['provincial_committee', 'department', 'commune_committee', 'public_service_unit', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** A public body (cơ quan, đơn vị) in the province's hierarchy: UBND tỉnh, a Sở, a UBND xã, … */
export interface AgencyTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string | null;
  kind: AgencyKind;
  parent_id: string | null;
  /** The administrative unit the agency governs or sits in (a commune for UBND xã, the province for a Sở). */
  admin_unit_code: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  is_demo: Generated<boolean>;
  search_text: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AgencyTables {
  agencies: AgencyTable;
}
