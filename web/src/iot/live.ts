import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Listens to a server-sent event stream while the page is open. The browser reconnects by itself
 * after a drop; `connected` lets the page say when values may be stale.
 */
export function useEventStream<T>(url: string | null, event: string, onData: (data: T) => void): { connected: boolean } {
  const handler = useRef(onData);
  handler.current = onData;
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') return;
    const source = new EventSource(url, { withCredentials: true });
    const listener = (e: MessageEvent<string>) => {
      try {
        handler.current(JSON.parse(e.data) as T);
      } catch {
        /* a malformed event is skipped; the next one carries fresh values */
      }
    };
    source.addEventListener(event, listener as EventListener);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => {
      source.removeEventListener(event, listener as EventListener);
      source.close();
      setConnected(false);
    };
  }, [url, event]);
  return { connected };
}

/** Re-runs `tick` every `ms` while the tab is visible (a hidden tab costs the server nothing). */
export function useInterval(tick: () => void, ms: number, deps: unknown[]): void {
  const fn = useRef(tick);
  fn.current = tick;
  useEffect(() => {
    const id = window.setInterval(() => {
      if (document.visibilityState === 'visible') fn.current();
    }, ms);
    return () => window.clearInterval(id);
  }, deps);
}
