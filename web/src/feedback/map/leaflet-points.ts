// Loaded only by pages that show a map (dynamic import): the citizen home never downloads Leaflet.
import * as L from 'leaflet';
import type { BoundaryCollection } from '../../ioc/types.js';
import { createOutlineMap, pickedPoint, popupContent, roundPoint, type LatLng } from '../../lib/map/leaflet-base.js';

export type { LatLng };

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

/** Report points as circles over the commune outlines, and optionally a pin the person places. */
export function createPointsMap(
  element: HTMLElement,
  boundaries: BoundaryCollection | null,
  options: { attribution: string; onPick?: (point: LatLng) => void; openLabel: string },
): PointsMapHandle {
  const base = createOutlineMap(element, boundaries, { attribution: options.attribution, outline: BOUNDARY, ...(options.onPick ? { onPick: options.onPick } : {}) });
  const { map } = base;
  const points = L.layerGroup().addTo(map);
  const setPin = pickedPoint(map, (at) => L.marker(at, { icon: PIN, keyboard: false, interactive: false }));
  if (options.onPick) element.classList.add('fb-map--pick');

  return {
    setPoints(list) {
      points.clearLayers();
      for (const p of list) {
        const marker = L.circleMarker([p.lat, p.lng], { radius: 8, color: '#ffffff', weight: 2, fillColor: TONES[p.tone], fillOpacity: 1 });
        marker.bindPopup(() => popupContent('fb-popup', { title: p.title, detail: p.detail, href: p.href, openLabel: options.openLabel }));
        marker.addTo(points);
      }
      base.fitPoints(list, 15);
    },
    setPicked(point, focus) {
      setPin(point);
      if (point && focus) map.setView([point.lat, point.lng], Math.max(map.getZoom(), 15), { animate: false });
    },
    centre() {
      return roundPoint(map.getCenter());
    },
    destroy: base.destroy,
  };
}
