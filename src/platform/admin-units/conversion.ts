import type { Db } from '../db/database.js';
import { toSearchText } from '../search/search-text.js';
import { parseCsv } from './data-files.js';

export interface ConversionRow {
  old_code: string | null;
  old_name: string;
  old_district: string;
  old_province: string;
  old_name_key: string;
  old_district_key: string;
  old_province_key: string;
  new_code: string;
  note: string;
}

/** Unit-type words that prefix old names ("Huyện Cam Lộ", "Thị trấn Hồ Xá"), normalised. */
const TYPE_PREFIXES = ['thanh pho', 'thi tran', 'thi xa', 'dac khu', 'phuong', 'huyen', 'quan', 'tinh', 'xa'];

/** Normalised name without its "(450)" code suffix or leading unit type: "Thành phố Đồng Hới (450)" → "dong hoi". */
export function bareKey(name: string): string {
  const text = toSearchText(name.replace(/\(\s*\d+\s*\)\s*$/, ''));
  const prefix = TYPE_PREFIXES.find((p) => text.startsWith(`${p} `));
  return prefix ? text.slice(prefix.length + 1) : text;
}

/** Keys a user's input may match: as typed, and without a type word ("Quán Thánh" must not lose "quan"). */
function keysOf(input: string): string[] {
  return [...new Set([toSearchText(input.replace(/\(\s*\d+\s*\)\s*$/, '')), bareKey(input)])];
}

/**
 * Reads the official conversion table: two header rows, then data rows with a province banner row
 * (only its first cell filled) before each province's group, which we skip.
 * Columns: new province, new name, new code, old name, old code, note, old district, old province.
 */
export function parseConversionCsv(text: string): ConversionRow[] {
  const rows: ConversionRow[] = [];
  for (const cells of parseCsv(text.replace(/^\uFEFF/, '')).slice(2)) {
    const [, , newCode = '', oldName = '', oldCode = '', note = '', oldDistrict = '', oldProvince = ''] = cells.map((c) => c.trim());
    if (!/^\d+$/.test(newCode)) continue;
    rows.push({
      old_code: oldCode === '' ? null : oldCode,
      old_name: oldName,
      old_district: oldDistrict,
      old_province: oldProvince,
      old_name_key: bareKey(oldName),
      old_district_key: bareKey(oldDistrict),
      old_province_key: bareKey(oldProvince),
      new_code: newCode,
      note: note.replace(/\s+/g, ' '),
    });
  }
  return rows;
}

export type ConversionQuery = { oldCode: string } | { oldName: string; oldDistrict?: string | undefined; oldProvince?: string | undefined };

export interface Conversion {
  oldCode: string | null;
  oldName: string;
  oldDistrict: string;
  oldProvince: string;
  note: string;
  newCode: string;
  newName: string;
  newType: string;
  newParentCode: string | null;
}

/**
 * The unit(s) an old (pre-July-2025) commune became. An old commune split between several new
 * ones ("Nhập một phần") yields several rows. By name, the match ignores diacritics and the unit
 * type word; district and province narrow it, and an exact full name beats a bare one.
 */
export async function convertOldUnit(db: Db, query: ConversionQuery): Promise<Conversion[]> {
  let select = db
    .selectFrom('admin_unit_conversions as c')
    .innerJoin('admin_units as u', 'u.code', 'c.new_code')
    .select(['c.old_code', 'c.old_name', 'c.old_district', 'c.old_province', 'c.old_name_key', 'c.note', 'u.code', 'u.name', 'u.type', 'u.parent_code'])
    .orderBy('c.id');
  if ('oldCode' in query) {
    // Old codes are five digits; accept them without leading zeros too.
    const code = /^\d{1,5}$/.test(query.oldCode) ? query.oldCode.padStart(5, '0') : query.oldCode;
    select = select.where('c.old_code', '=', code);
  } else {
    select = select.where('c.old_name_key', 'in', keysOf(query.oldName));
    if (query.oldDistrict) select = select.where('c.old_district_key', 'in', keysOf(query.oldDistrict));
    if (query.oldProvince) select = select.where('c.old_province_key', 'in', keysOf(query.oldProvince));
  }
  let rows = await select.limit(100).execute();
  if ('oldName' in query) {
    const typed = toSearchText(query.oldName);
    const score = (r: (typeof rows)[number]) => (toSearchText(r.old_name) === typed ? 0 : r.old_name_key === typed ? 1 : 2);
    const best = Math.min(...rows.map(score));
    rows = rows.filter((r) => score(r) === best);
  }
  return rows.map((r) => ({
    oldCode: r.old_code,
    oldName: r.old_name,
    oldDistrict: r.old_district,
    oldProvince: r.old_province,
    note: r.note,
    newCode: r.code,
    newName: r.name,
    newType: r.type,
    newParentCode: r.parent_code,
  }));
}
