import type { ComponentChildren } from 'preact';
import { useT } from '../lib/i18n.js';
import type { ApiError } from '../lib/api.js';
import { Loading, ProblemBox } from './Problem.js';

export interface Column<T> {
  label: string;
  render(row: T): ComponentChildren;
  numeric?: boolean;
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
  loading?: boolean;
  error?: ApiError | undefined;
  onRetry?: () => void;
  hasMore?: boolean;
  onMore?: () => void;
  empty?: string;
}

/**
 * A data table with a caption. On phones each row becomes a card of label/value pairs
 * (the labels come from `data-label`).
 */
export function DataTable<T>({ caption, columns, rows, rowKey, loading, error, onRetry, hasMore, onMore, empty }: Props<T>) {
  const t = useT();
  return (
    <div class="stack">
      {error && <ProblemBox error={error} {...(onRetry ? { onRetry } : {})} />}
      {/* Focusable so keyboard users can scroll a table wider than the screen. */}
      <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table class="responsive">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" class={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.label} data-label={c.label} class={c.numeric ? 'num' : undefined}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && !loading && !error && <p class="table-empty">{empty ?? t('state.empty')}</p>}
        {loading && (
          <div class="table-more">
            <Loading />
          </div>
        )}
        {hasMore && !loading && onMore && (
          <div class="table-more">
            <button type="button" class="btn btn--secondary btn--small" onClick={onMore}>
              {t('state.loadMore')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
