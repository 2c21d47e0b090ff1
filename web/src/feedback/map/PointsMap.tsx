import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoundaryCollection } from '../../ioc/types.js';
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
  const element = useRef<HTMLDivElement>(null);
  const handle = useRef<PointsMapHandle | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const pick = useRef(onPick);
  pick.current = onPick;
  const picking = !!onPick;

  useEffect(() => {
    let cancelled = false;
    import('./leaflet-points.js').then(
      ({ createPointsMap }) => {
        if (cancelled || !element.current) return;
        handle.current = createPointsMap(element.current, boundaries, {
          attribution: t('map.attribution'),
          openLabel: t('map.open'),
          ...(picking ? { onPick: (p: LatLng) => pick.current?.(p) } : {}),
        });
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
    // Built once per outline set; points and the pin are updated below.
  }, [boundaries, picking]);

  useEffect(() => {
    if (ready) handle.current?.setPoints(points ?? []);
  }, [ready, points]);

  const pickedKey = picked ? `${picked.lat},${picked.lng}` : '';
  useEffect(() => {
    if (ready) handle.current?.setPicked(picked ?? null, true);
  }, [ready, pickedKey]);

  return (
    <div class="fb-map-frame">
      <div ref={element} class={`fb-map${picking ? ' fb-map--crosshair' : ''}`} role="region" aria-label={label} data-ready={ready ? 'true' : 'false'} />
      {!ready && (
        <p class="fb-map__loading" role="status">
          {failed ? t('map.failed') : t('map.loading')}
        </p>
      )}
      {picking && ready && (
        <p class="fb-map__tools">
          <button type="button" class="btn btn--secondary btn--small" onClick={() => handle.current && onPick?.(handle.current.centre())}>
            {t('map.useCentre')}
          </button>
        </p>
      )}
    </div>
  );
}
