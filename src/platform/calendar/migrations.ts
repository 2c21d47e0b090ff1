import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

const TET_2025 =
  'Tết 2025 for public servants: off Saturday 25/01 to Sunday 02/02/2025 (9 days), approved by the Prime Minister — ' +
  'Government Office letter 8726/VPCP-KGVX of 26/11/2024 as reported in the press; check the published text';
const SWAP_2025 =
  '30/4–1/5/2025 for public servants: working day Friday 02/05 swapped with Saturday 26/04/2025, ' +
  'approved by the Government (reported by TTXVN/VietnamPlus, April 2025); notice number to be added';
const NATIONAL_DAY_2025 =
  'National Day 2025: Monday 01/09 and Tuesday 02/09/2025 (with the weekend 30–31/08), part of the 2025 holiday ' +
  'schedule approved by the Prime Minister (Government Office letter 8726/VPCP-KGVX of 26/11/2024 as reported); check the published text';

/**
 * The official decisions already announced when the platform shipped. They are law, not demo data,
 * so they load with the schema, as calendar version 1. Years without an entry here (2026 onwards)
 * use the computed defaults until an administrator enters the year's decisions.
 */
const SHIPPED_OVERLAY: Array<{ day: string; kind: string; vi: string; en: string; source: string }> = [
  {
    day: '2025-01-27',
    kind: 'day_off',
    vi: 'Nghỉ bù Tết Nguyên đán (bù cho thứ Bảy 01/02/2025, chuyển lên trước Tết)',
    en: 'Lunar New Year compensation day (for Saturday 01/02/2025, moved before Tết)',
    source: TET_2025,
  },
  {
    day: '2025-02-03',
    kind: 'working_day',
    vi: 'Làm việc bình thường (ngày nghỉ bù đã chuyển sang 27/01/2025)',
    en: 'Working day (the compensation day was moved to 27/01/2025)',
    source: TET_2025,
  },
  {
    day: '2025-04-26',
    kind: 'working_day',
    vi: 'Làm bù cho ngày nghỉ thứ Sáu 02/05/2025',
    en: 'Make-up working Saturday for Friday 02/05/2025',
    source: SWAP_2025,
  },
  {
    day: '2025-05-02',
    kind: 'day_off',
    vi: 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/04/2025)',
    en: 'Swapped day off around 30 April–1 May (made up on Saturday 26/04/2025)',
    source: SWAP_2025,
  },
  {
    day: '2025-09-01',
    kind: 'national_day_second',
    vi: 'Quốc khánh (ngày liền kề 2/9)',
    en: 'National Day (day joining 2 September)',
    source: NATIONAL_DAY_2025,
  },
];

export const calendarMigrations: Record<string, Migration> = {
  '202611230400_calendar_overlay': {
    async up(db: Kysely<any>) {
      await sql`
        create table calendar_versions (
          version integer primary key check (version >= 1),
          changed_at timestamptz not null default now(),
          changed_by text not null,
          changed_by_user_id uuid,
          note text not null
        )`.execute(db);
      await sql`
        create table calendar_overrides (
          id uuid primary key default gen_random_uuid(),
          day date not null,
          kind text not null check (kind in ('day_off','working_day','national_day_second')),
          name_vi text not null,
          name_en text not null,
          source text not null,
          valid_from_version integer not null references calendar_versions(version),
          valid_to_version integer references calendar_versions(version),
          created_at timestamptz not null default now(),
          check (valid_to_version is null or valid_to_version > valid_from_version)
        )`.execute(db);
      // At most one entry in force per date; closed rows stay as history.
      await sql`create unique index calendar_overrides_day_current_idx on calendar_overrides (day) where valid_to_version is null`.execute(db);
      await sql`create index calendar_overrides_version_idx on calendar_overrides (valid_from_version)`.execute(db);

      await sql`
        insert into calendar_versions (version, changed_by, note)
        values (1, 'system:migration', 'Official overlay shipped with the platform: the 2025 decisions (2026 onwards: computed defaults until entered)')`.execute(db);
      for (const e of SHIPPED_OVERLAY) {
        await sql`
          insert into calendar_overrides (day, kind, name_vi, name_en, source, valid_from_version)
          values (${e.day}::date, ${e.kind}, ${e.vi}, ${e.en}, ${e.source}, 1)`.execute(db);
      }
    },
  },
};
