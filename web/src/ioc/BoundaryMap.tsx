import { useEffect, useRef, useState } from 'preact/hooks';
import type { MapHandle } from './leaflet-map.js';
import type { BoundaryCollection } from './types.js';
import { useIocT } from './i18n/index.js';

interface Props {
  collection: BoundaryCollection;
  province: string;
  selected: string | null;
  onSelect(code: string): void;
}

/** The Leaflet map, loaded on demand: this component pulls Leaflet in with a dynamic import. */
export function BoundaryMap({ collection, province, selected, onSelect }: Props) {
  const t = useIocT();
  const element = useRef<HTMLDivElement>(null);
  const handle = useRef<MapHandle | null>(null);
  const [ready, setReady] = useState(false);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    let cancelled = false;
    void import('./leaflet-map.js').then(({ createBoundaryMap }) => {
      if (cancelled || !element.current) return;
      handle.current = createBoundaryMap(element.current, collection, {
        attribution: t('map.attribution'),
        onSelect: (code) => select.current(code),
      });
      setReady(true);
    });
    return () => {
      cancelled = true;
      handle.current?.destroy();
      handle.current = null;
      setReady(false);
    };
    // The map is built once per data set; the attribution keeps the language it was built in.
  }, [collection]);

  useEffect(() => {
    if (ready) handle.current?.highlight(selected);
  }, [selected, ready]);

  return (
    <div class="map-frame">
      <div ref={element} class="map" role="region" aria-label={t('map.label', { province })} data-ready={ready ? 'true' : 'false'} />
      {!ready && (
        <p class="map__loading" role="status">
          {t('map.loading')}
        </p>
      )}
    </div>
  );
}
