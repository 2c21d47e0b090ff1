import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Listens to a server-sent event stream while the page is open. The browser reconnects by itself
 * after a drop; `connected` lets the page say when values may be stale.
 */
export function useEventStream(url: string | null, handlers: Record<string, (data: never) => void>): { connected: boolean } {
  const current = useRef(handlers);
  current.current = handlers;
  const events = Object.keys(handlers).sort().join(',');
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') return;
    const source = new EventSource(url, { withCredentials: true });
    for (const event of events.split(',')) {
      source.addEventListener(event, (e) => {
        try {
          current.current[event]?.(JSON.parse((e as MessageEvent<string>).data) as never);
        } catch {
          /* a malformed event is skipped; the next one carries fresh values */
        }
      });
    }
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => {
      source.close();
      setConnected(false);
    };
  }, [url, events]);
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
