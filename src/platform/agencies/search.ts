import { toSearchText } from '../search/search-text.js';

/**
 * Searchable text of an agency: its names and code, plus the abbreviation people type for a
 * People's Committee ("ubnd xa ..."), so either form finds it.
 */
export function agencySearchText(a: { code: string; name: string; nameEn?: string | null | undefined }): string {
  const name = toSearchText(a.name);
  const abbreviation = name.includes('uy ban nhan dan') ? name.replace('uy ban nhan dan', 'ubnd') : null;
  return toSearchText(a.name, abbreviation, a.nameEn, a.code);
}
