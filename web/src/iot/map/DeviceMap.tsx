import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoundaryCollection } from '../../ioc/types.js';
import { useIotT } from '../i18n/index.js';
import type { DeviceMapHandle, DevicePoint, LatLng } from './leaflet-devices.js';

export type { DevicePoint, LatLng };

/** The server's background tiles (MAP_TILE_URL), read once per page load and shared by every map. */
interface MapTiles {
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

interface Props {
  boundaries: BoundaryCollection | null;
  label: string;
  points?: DevicePoint[];
  picked?: LatLng | null;
  focus?: LatLng | null;
  onPick?: (point: LatLng) => void;
  /** Called with the map's bounds after it moves (and once when ready). */
  onView?: (bounds: { south: number; west: number; north: number; east: number }) => void;
}

/** A Leaflet map of devices, loaded on demand. */
export function DeviceMap({ boundaries, label, points, picked, focus, onPick, onView }: Props) {
  const t = useIotT();
  const tiles = useMapTiles();
  const element = useRef<HTMLDivElement>(null);
  const handle = useRef<DeviceMapHandle | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const callbacks = useRef({ onPick, onView });
  callbacks.current = { onPick, onView };
  const picking = !!onPick;

  useEffect(() => {
    if (!tiles) return;
    let cancelled = false;
    import('./leaflet-devices.js').then(
      ({ createDeviceMap }) => {
        if (cancelled || !element.current) return;
        const h = createDeviceMap(element.current, boundaries, {
          attribution: [t('map.attribution'), tiles.attribution].filter(Boolean).join(' · '),
          openLabel: t('map.open'),
          tileUrl: tiles.tileUrl,
          ...(picking ? { onPick: (p: LatLng) => callbacks.current.onPick?.(p) } : {}),
          onMove: () => handle.current && callbacks.current.onView?.(handle.current.visible()),
        });
        handle.current = h;
        setReady(true);
        callbacks.current.onView?.(h.visible());
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      handle.current?.destroy();
      handle.current = null;
      setReady(false);
    };
    // Built once per outline set (after the tile settings are known); points and the pin are updated below.
  }, [boundaries, picking, tiles]);

  useEffect(() => {
    if (ready) handle.current?.setPoints(points ?? []);
  }, [ready, points]);
  const pickedKey = picked ? `${picked.lat},${picked.lng}` : '';
  useEffect(() => {
    if (ready) handle.current?.setPicked(picked ?? null);
  }, [ready, pickedKey]);
  const focusKey = focus ? `${focus.lat},${focus.lng}` : '';
  useEffect(() => {
    if (ready && focus) handle.current?.focus(focus);
  }, [ready, focusKey]);

  return (
    <div class="iot-map-frame">
      <div ref={element} class={`iot-map${picking ? ' iot-map--pick' : ''}`} role="region" aria-label={label} data-ready={ready ? 'true' : 'false'} />
      {!ready && (
        <p class="iot-map__loading" role="status">
          {failed ? t('map.failed') : t('map.loading')}
        </p>
      )}
    </div>
  );
}
