import { useEffect, useRef } from 'preact/hooks';
import type { BoundaryCollection } from '../../ioc/types.js';
import { MapFrame, useLazyMap, useMapTiles } from '../../lib/map/lazy-map.js';
import { useIotT } from '../i18n/index.js';
import type { DeviceMapHandle, DevicePoint, LatLng } from './leaflet-devices.js';

export type { DevicePoint, LatLng };

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
  const callbacks = useRef({ onPick, onView });
  callbacks.current = { onPick, onView };
  const picking = !!onPick;
  // Built once per outline set, after the tile settings are known; points and the pin are updated below.
  const map = useLazyMap<DeviceMapHandle>(
    tiles &&
      (() =>
        import('./leaflet-devices.js').then(({ createDeviceMap }) => (element: HTMLElement) => {
          const h = createDeviceMap(element, boundaries, {
            attribution: [t('map.attribution'), tiles.attribution].filter(Boolean).join(' · '),
            openLabel: t('map.open'),
            tileUrl: tiles.tileUrl,
            ...(picking ? { onPick: (p: LatLng) => callbacks.current.onPick?.(p) } : {}),
            onMove: () => callbacks.current.onView?.(h.visible()),
          });
          callbacks.current.onView?.(h.visible());
          return h;
        })),
    [boundaries, picking, tiles],
  );
  const { ready, handle } = map;

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

  return <MapFrame prefix="iot" modifier={picking ? 'iot-map--pick' : ''} map={map} label={label} loading={t('map.loading')} failedText={t('map.failed')} />;
}
