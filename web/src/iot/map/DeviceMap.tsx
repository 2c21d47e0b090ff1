import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoundaryCollection } from '../../ioc/types.js';
import { useIotT } from '../i18n/index.js';
import type { DeviceMapHandle, DevicePoint, LatLng } from './leaflet-devices.js';

export type { DevicePoint, LatLng };

/**
 * The background tile URL (IOT_MAP_TILE_URL on the server). No route exposes the server's settings
 * to the browser yet, so this returns null and the commune outlines are the only layer; when a
 * config route lands, read it here and every IoT map gets the tiles.
 */
export function useMapTileUrl(): string | null {
  return null;
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
  const tileUrl = useMapTileUrl();
  const element = useRef<HTMLDivElement>(null);
  const handle = useRef<DeviceMapHandle | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const callbacks = useRef({ onPick, onView });
  callbacks.current = { onPick, onView };
  const picking = !!onPick;

  useEffect(() => {
    let cancelled = false;
    import('./leaflet-devices.js').then(
      ({ createDeviceMap }) => {
        if (cancelled || !element.current) return;
        const h = createDeviceMap(element.current, boundaries, {
          attribution: t('map.attribution'),
          openLabel: t('map.open'),
          tileUrl,
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
    // Built once per outline set; points and the pin are updated below.
  }, [boundaries, picking]);

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
