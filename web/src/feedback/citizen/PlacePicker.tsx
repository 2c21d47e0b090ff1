import { useEffect, useState } from 'preact/hooks';
import { api, type Page } from '../../lib/api.js';
import { useApi } from '../../lib/use-api.js';
import { TextField } from '../../ui/Field.js';
import type { Draft } from '../draft.js';
import { useFeedbackT } from '../i18n/index.js';
import { PointsMap, type LatLng } from '../map/PointsMap.js';
import { useBoundaries, type Commune } from '../province.js';

interface Props {
  draft: Draft;
  update(change: Partial<Draft>): void;
  provinceCode: string | null;
  error?: string | undefined;
  /** The commune the point falls in (null: outside every commune), for the form's check. */
  onResolved(commune: { code: string; name: string } | null): void;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/**
 * Three ways to say where: the device's location, a tap on the map, or a commune typed by name
 * (the point then sits at its centre) — plus a free address. The map loads only when asked for.
 */
export function PlacePicker({ draft, update, provinceCode, error, onResolved }: Props) {
  const t = useFeedbackT();
  const [showMap, setShowMap] = useState(false);
  const [locating, setLocating] = useState(false);
  const [gpsProblem, setGpsProblem] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 300);
  const boundaries = useBoundaries(provinceCode, showMap);
  const found = useApi<Page<Commune>>(q.length >= 2 && provinceCode ? '/api/v1/admin-units/search' : null, { q, within: provinceCode ?? undefined, limit: 8 });
  const point = draft.lat !== null && draft.lng !== null ? { lat: draft.lat, lng: draft.lng } : null;
  const resolved = useApi<Commune>(point && draft.placeSource !== 'commune' ? '/api/v1/admin-units/resolve' : null, point ? { lat: point.lat, lng: point.lng } : undefined);
  const outside = resolved.error?.status === 404;
  const commune = draft.placeSource === 'commune' ? { code: draft.communeCode, name: draft.communeName } : (resolved.data ?? null);

  useEffect(() => {
    if (commune) onResolved(commune);
    else if (outside) onResolved(null);
  }, [commune?.code, outside]);

  const place = (p: LatLng, source: Draft['placeSource']) => update({ lat: p.lat, lng: p.lng, placeSource: source, communeCode: '', communeName: '' });

  function locate() {
    if (!('geolocation' in navigator)) {
      setGpsProblem(t('place.gpsMissing'));
      return;
    }
    setLocating(true);
    setGpsProblem(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        place({ lat: Math.round(pos.coords.latitude * 1e6) / 1e6, lng: Math.round(pos.coords.longitude * 1e6) / 1e6 }, 'gps');
      },
      (e) => {
        setLocating(false);
        setGpsProblem(e.code === e.PERMISSION_DENIED ? t('place.gpsDenied') : t('place.gpsFailed'));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  async function chooseCommune(c: Commune) {
    setQuery('');
    try {
      const unit = await api<{ centroid: LatLng | null }>(`/api/v1/admin-units/${c.code}`);
      if (unit.centroid) update({ lat: unit.centroid.lat, lng: unit.centroid.lng, placeSource: 'commune', communeCode: c.code, communeName: c.name });
    } catch {
      setGpsProblem(t('place.communeFailed'));
    }
  }

  return (
    <fieldset class="fb-place" id="fb-place" tabIndex={-1} aria-describedby={error ? 'fb-place-error' : undefined}>
      <legend>{t('place.legend')}</legend>
      <div class="row">
        <button type="button" class="btn btn--secondary" onClick={locate} disabled={locating}>
          {locating ? t('place.gpsBusy') : t('place.gps')}
        </button>
        <button type="button" class="btn btn--secondary" aria-expanded={showMap} aria-controls="fb-place-map" onClick={() => setShowMap(!showMap)}>
          {showMap ? t('place.hideMap') : t('place.map')}
        </button>
      </div>
      <div aria-live="polite" class="fb-place__status">
        {point && (
          <p class={outside ? 'alert alert--warning' : 'fb-place__chosen'}>
            {outside ? t('place.outside') : commune ? t(`place.chosen.${draft.placeSource || 'map'}`, { commune: commune.name }) : t('place.resolving')}
            <span class="small muted"> ({point.lat.toFixed(5)}, {point.lng.toFixed(5)})</span>
          </p>
        )}
        {gpsProblem && <p class="field__error">{gpsProblem}</p>}
      </div>
      {error && (
        <p class="field__error" id="fb-place-error">
          {error}
        </p>
      )}
      <div id="fb-place-map">
        {showMap && (
          <div class="stack">
            <p class="field__hint">{t('map.pickHint')}</p>
            {boundaries.data || boundaries.error ? (
              <PointsMap boundaries={boundaries.data ?? null} label={t('map.pickLabel')} picked={point} onPick={(p) => place(p, 'map')} />
            ) : (
              <p class="muted" role="status">
                {t('map.loading')}
              </p>
            )}
          </div>
        )}
      </div>
      <div class="field">
        <label for="fb-commune">{t('place.commune')}</label>
        <span class="field__hint" id="fb-commune-hint">
          {t('place.communeHint')}
        </span>
        <input id="fb-commune" type="search" autoComplete="off" value={query} aria-describedby="fb-commune-hint" onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        {q.length >= 2 && found.data && (
          <ul class="fb-suggest" aria-label={t('place.communeResults')}>
            {found.data.items.length === 0 && <li class="muted">{t('place.communeNone')}</li>}
            {found.data.items.map((c) => (
              <li key={c.code}>
                <button type="button" class="btn btn--link" onClick={() => void chooseCommune(c)}>
                  {c.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <TextField id="fb-address" label={t('place.address')} hint={t('place.addressHint')} value={draft.address} onValue={(address) => update({ address })} maxLength={300} autoComplete="street-address" />
    </fieldset>
  );
}
