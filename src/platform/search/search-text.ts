/**
 * The one normalisation every searchable text goes through, on write (stored in a `search_text`
 * column with a trigram index) and on query, so "quang tri", "Quảng Trị" and its NFD form all
 * match on both engines without depending on the database's unaccent dictionary.
 */
export function toSearchText(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((p): p is string => !!p)
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards in a normalised query so `%` and `_` typed by a user match literally. */
export function likePattern(query: string): string {
  return `%${toSearchText(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** NFC-normalises every string in a value (the HTTP boundary does this to all input). */
export function normalizeNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normalizeNfc) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalizeNfc(v);
    return out as T;
  }
  return value;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (a ă â b c d đ e ê …), for lists sorted in the application. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
