import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

// No Leaflet here: this file is part of the pages' own chunks. Leaflet comes with the module that
// each caller's `load` imports dynamically.

/** The server's background tiles (MAP_TILE_URL), read once per page load and shared by every map. */
export interface MapTiles {
  tileUrl: string | null;
  attribution: string;
}
let tiles: Promise<MapTiles> | null = null;
const NO_TILES: MapTiles = { tileUrl: null, attribution: '' };

/** The tiles, or null while they are asked for; a failed request means outlines only, never a broken map. */
export function useMapTiles(): MapTiles | null {
  const [value, setValue] = useState<MapTiles | null>(null);
  useEffect(() => {
    tiles ??= fetch('/api/v1/map-settings', { credentials: 'same-origin' })
      .then((res) => (res.ok ? (res.json() as Promise<MapTiles>) : NO_TILES))
      .catch(() => NO_TILES);
    let cancelled = false;
    void tiles.then((v) => !cancelled && setValue(v));
    return () => {
      cancelled = true;
    };
  }, []);
  return value;
}

export interface LazyMap<H> {
  element: RefObject<HTMLDivElement | null>;
  /** The built map, once `ready`. */
  handle: RefObject<H | null>;
  ready: boolean;
  /** The map's code could not be fetched (offline, or a new release renamed the chunk). */
  failed: boolean;
}

/**
 * A map built by a module fetched on demand. `load` must hold the caller's own
 * `import('./x.js')` (that is what makes Vite split the chunk) and resolve to a builder; null
 * means "not yet" (settings still loading). The map is rebuilt when `deps` change and destroyed
 * on unmount.
 */
export function useLazyMap<H extends { destroy(): void }>(load: (() => Promise<(element: HTMLElement) => H>) | null, deps: unknown[]): LazyMap<H> {
  const element = useRef<HTMLDivElement>(null);
  const handle = useRef<H | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!load) return;
    let cancelled = false;
    load().then(
      (build) => {
        if (cancelled || !element.current) return;
        handle.current = build(element.current);
        setReady(true);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      handle.current?.destroy();
      handle.current = null;
      setReady(false);
    };
    // `load` is a new closure every render; the caller's deps say when the map must be rebuilt.
  }, deps);
  return { element, handle, ready, failed };
}

interface FrameProps<H> {
  /** The area's class prefix: `fb` → `fb-map-frame`, `fb-map`, `fb-map__loading`. */
  prefix: string;
  /** An extra class on the map itself (pick mode's cursor), or ''. */
  modifier: string;
  map: LazyMap<H>;
  label: string;
  loading: string;
  failedText: string;
  children?: ComponentChildren;
}

/** The map's box, labelled as a region, with a status line until the map is drawn. */
export function MapFrame<H>({ prefix, modifier, map, label, loading, failedText, children }: FrameProps<H>) {
  return (
    <div class={`${prefix}-map-frame`}>
      <div ref={map.element} class={`${prefix}-map${modifier ? ` ${modifier}` : ''}`} role="region" aria-label={label} data-ready={map.ready ? 'true' : 'false'} />
      {!map.ready && (
        <p class={`${prefix}-map__loading`} role="status">
          {map.failed ? failedText : loading}
        </p>
      )}
      {children}
    </div>
  );
}
