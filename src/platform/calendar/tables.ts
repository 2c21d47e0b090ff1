import type { ColumnType, Generated } from 'kysely';

/** One change of the working calendar: every overlay change creates the next version. */
export interface CalendarVersionTable {
  version: number;
  changed_at: ColumnType<Date, Date | string | undefined, never>;
  /** Who changed it (e-mail of the administrator, or `system:…` for shipped data). */
  changed_by: string;
  changed_by_user_id: string | null;
  note: string;
}

/**
 * An entry of the official overlay. Rows are never updated in place except to close them: removal
 * sets `valid_to_version`, so the calendar of any past version can be rebuilt.
 */
export interface CalendarOverrideTable {
  id: Generated<string>;
  /** A `date` column; always read through `to_char(day, 'YYYY-MM-DD')` to stay clear of time zones. */
  day: ColumnType<never, string, never>;
  kind: 'day_off' | 'working_day' | 'national_day_second';
  name_vi: string;
  name_en: string;
  source: string;
  valid_from_version: number;
  valid_to_version: number | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface CalendarTables {
  calendar_versions: CalendarVersionTable;
  calendar_overrides: CalendarOverrideTable;
}
