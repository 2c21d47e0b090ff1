import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, asApiError, withQuery, type ApiError, type Page, type Query } from './api.js';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** GETs `path` (null: nothing yet) and re-fetches when the path or query change. */
export function useApi<T>(path: string | null, query?: Query): Loaded<T> {
  const key = path === null ? null : withQuery(path, query);
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError; loading: boolean }>({ key, loading: key !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((s) => ({ key, data: s.key === key ? s.data : undefined, loading: true }));
    api<T>(key, { signal: controller.signal }).then(
      (data) => setState({ key, data, loading: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, error: asApiError(error), loading: false });
      },
    );
    return () => controller.abort();
  }, [key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export interface Paged<T> {
  items: T[];
  error: ApiError | undefined;
  loading: boolean;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
}

/** A cursor-paginated list: the first page, then more on demand. */
export function usePaged<T>(path: string | null, query?: Query): Paged<T> {
  const key = path === null ? null : withQuery(path, query);
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [loading, setLoading] = useState(key !== null);
  const generation = useRef(0);

  const fetchPage = useCallback(
    (after: string | null, append: boolean) => {
      if (key === null) return;
      const gen = ++generation.current;
      setLoading(true);
      setError(undefined);
      api<Page<T>>(withQuery(key, { cursor: after ?? undefined })).then(
        (page) => {
          if (gen !== generation.current) return;
          setItems((prev) => (append ? [...prev, ...page.items] : page.items));
          setCursor(page.nextCursor);
          setLoading(false);
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          setError(asApiError(e));
          setLoading(false);
        },
      );
    },
    [key],
  );

  useEffect(() => {
    setItems([]);
    setCursor(null);
    fetchPage(null, false);
  }, [fetchPage]);

  return {
    items,
    error,
    loading,
    hasMore: cursor !== null,
    loadMore: () => fetchPage(cursor, true),
    reload: () => fetchPage(null, false),
  };
}
