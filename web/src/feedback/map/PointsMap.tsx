import { useEffect, useRef } from 'preact/hooks';
import type { BoundaryCollection } from '../../ioc/types.js';
import { MapFrame, useLazyMap } from '../../lib/map/lazy-map.js';
import { useFeedbackT } from '../i18n/index.js';
import type { LatLng, MapPoint, PointsMapHandle } from './leaflet-points.js';

export type { LatLng, MapPoint };

interface Props {
  boundaries: BoundaryCollection | null;
  label: string;
  points?: MapPoint[];
  picked?: LatLng | null;
  /** Pick mode: a tap (or the "centre" button, for keyboards) places the point. */
  onPick?: (point: LatLng) => void;
}

/** A Leaflet map, loaded on demand with a dynamic import. */
export function PointsMap({ boundaries, label, points, picked, onPick }: Props) {
  const t = useFeedbackT();
  const pick = useRef(onPick);
  pick.current = onPick;
  const picking = !!onPick;
  // Built once per outline set; points and the pin are updated below.
  const map = useLazyMap<PointsMapHandle>(
    () =>
      import('./leaflet-points.js').then(({ createPointsMap }) => (element: HTMLElement) =>
        createPointsMap(element, boundaries, {
          attribution: t('map.attribution'),
          openLabel: t('map.open'),
          ...(picking ? { onPick: (p: LatLng) => pick.current?.(p) } : {}),
        }),
      ),
    [boundaries, picking],
  );
  const { ready, handle } = map;

  useEffect(() => {
    if (ready) handle.current?.setPoints(points ?? []);
  }, [ready, points]);

  const pickedKey = picked ? `${picked.lat},${picked.lng}` : '';
  useEffect(() => {
    if (ready) handle.current?.setPicked(picked ?? null, true);
  }, [ready, pickedKey]);

  return (
    <MapFrame prefix="fb" modifier={picking ? 'fb-map--crosshair' : ''} map={map} label={label} loading={t('map.loading')} failedText={t('map.failed')}>
      {picking && ready && (
        <p class="fb-map__tools">
          <button type="button" class="btn btn--secondary btn--small" onClick={() => handle.current && onPick?.(handle.current.centre())}>
            {t('map.useCentre')}
          </button>
        </p>
      )}
    </MapFrame>
  );
}
