import { errors } from './errors.js';

/**
 * Opaque cursors: the sort key of the last item of a page, base64url-encoded, so clients can't
 * depend on their content and pages stay stable while rows are added.
 */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value)) return value;
  } catch {
    /* fall through */
  }
  throw errors.badRequest('invalid_cursor', 'Con trỏ phân trang không hợp lệ.', 'The pagination cursor is not valid.');
}

/** Given limit+1 rows, returns the page and the cursor of the next one. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
