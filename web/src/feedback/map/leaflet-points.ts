// Loaded only by pages that show a map (dynamic import): the citizen home never downloads Leaflet.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { BoundaryCollection } from '../../ioc/types.js';

export interface LatLng {
  lat: number;
  lng: number;
}

export type PointTone = 'new' | 'open' | 'done' | 'closed';

export interface MapPoint extends LatLng {
  id: string;
  /** Shown in the popup (plain text). */
  title: string;
  detail: string;
  href: string;
  tone: PointTone;
}

export interface PointsMapHandle {
  setPoints(points: MapPoint[]): void;
  setPicked(point: LatLng | null, focus: boolean): void;
  centre(): LatLng;
  destroy(): void;
}

const TONES: Record<PointTone, string> = { new: '#b3261e', open: '#8a4b00', done: '#146c2e', closed: '#4a5466' };
const BOUNDARY: L.PathOptions = { color: '#0b4f9c', weight: 1, opacity: 0.7, fillColor: '#dbe7f5', fillOpacity: 0.55, interactive: false };
const PIN = L.divIcon({
  className: 'fb-pin',
  html: '<svg viewBox="0 0 24 34" width="30" height="42" aria-hidden="true"><path d="M12 0C5.4 0 0 5.3 0 11.9 0 20.8 12 34 12 34s12-13.2 12-22.1C24 5.3 18.6 0 12 0z" fill="#b3261e" stroke="#fff" stroke-width="2"/><circle cx="12" cy="12" r="4.5" fill="#fff"/></svg>',
  iconSize: [30, 42],
  iconAnchor: [15, 42],
});

/**
 * Commune outlines as the only base layer (no tile server: works offline, in tests, and costs no
 * third-party requests), report points as circles, and optionally a pin the person places.
 */
export function createPointsMap(
  element: HTMLElement,
  boundaries: BoundaryCollection | null,
  options: { attribution: string; onPick?: (point: LatLng) => void; openLabel: string },
): PointsMapHandle {
  const map = L.map(element, { zoomSnap: 0.5, minZoom: 6, maxZoom: 18, attributionControl: true, zoomControl: true });
  map.attributionControl.setPrefix(false).addAttribution(options.attribution);
  const outline = boundaries ? L.geoJSON(boundaries as unknown as Parameters<typeof L.geoJSON>[0], { style: () => BOUNDARY, interactive: false }).addTo(map) : null;
  const points = L.layerGroup().addTo(map);
  let picked: L.Marker | null = null;
  const all = outline?.getBounds();
  if (all?.isValid()) map.fitBounds(all, { padding: [8, 8], animate: false });
  else map.setView([16.75, 107.0], 8);

  if (options.onPick) {
    const onPick = options.onPick;
    map.on('click', (e: L.LeafletMouseEvent) => onPick({ lat: round(e.latlng.lat), lng: round(e.latlng.lng) }));
    element.classList.add('fb-map--pick');
  }
  const resize = new ResizeObserver(() => map.invalidateSize());
  resize.observe(element);

  return {
    setPoints(list) {
      points.clearLayers();
      for (const p of list) {
        const marker = L.circleMarker([p.lat, p.lng], { radius: 8, color: '#ffffff', weight: 2, fillColor: TONES[p.tone], fillOpacity: 1 });
        marker.bindPopup(() => popup(p, options.openLabel));
        marker.addTo(points);
      }
      if (!all?.isValid() && list.length > 0) map.fitBounds(L.latLngBounds(list.map((p) => [p.lat, p.lng] as [number, number])), { padding: [24, 24], maxZoom: 15 });
    },
    setPicked(point, focus) {
      if (!point) {
        picked?.remove();
        picked = null;
        return;
      }
      if (picked) picked.setLatLng([point.lat, point.lng]);
      else picked = L.marker([point.lat, point.lng], { icon: PIN, keyboard: false, interactive: false }).addTo(map);
      if (focus) map.setView([point.lat, point.lng], Math.max(map.getZoom(), 15), { animate: false });
    },
    centre() {
      const c = map.getCenter();
      return { lat: round(c.lat), lng: round(c.lng) };
    },
    destroy() {
      resize.disconnect();
      map.remove();
    },
  };
}

/** Six decimals: about 10 cm, more than any phone's GPS can tell. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function popup(p: MapPoint, openLabel: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'fb-popup';
  const title = document.createElement('strong');
  title.textContent = p.title;
  const detail = document.createElement('p');
  detail.textContent = p.detail;
  const link = document.createElement('a');
  link.href = p.href;
  link.textContent = openLabel;
  box.append(title, detail, link);
  return box;
}
