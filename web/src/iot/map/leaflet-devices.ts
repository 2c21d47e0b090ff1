// Loaded only by the IoT pages that draw a map (dynamic import): Leaflet stays out of the officer entry.
import * as L from 'leaflet';
import type { BoundaryCollection } from '../../ioc/types.js';
import { createOutlineMap, pickedPoint, popupContent, type LatLng } from '../../lib/map/leaflet-base.js';

export type { LatLng };

export interface DevicePoint extends LatLng {
  code: string;
  title: string;
  detail: string;
  colour: string;
}

export interface DeviceMapHandle {
  setPoints(points: DevicePoint[]): void;
  setPicked(point: LatLng | null): void;
  focus(point: LatLng): void;
  /** The bounds in view, to refresh live values only for the devices a person can see. */
  visible(): { south: number; west: number; north: number; east: number };
  destroy(): void;
}

const BOUNDARY: L.PathOptions = { color: '#0b4f9c', weight: 1, opacity: 0.7, fillColor: '#dbe7f5', fillOpacity: 0.5, interactive: false };

interface Options {
  attribution: string;
  openLabel: string;
  /** Optional background tiles (MAP_TILE_URL); without them the outlines are the only layer. */
  tileUrl: string | null;
  onPick?: (point: LatLng) => void;
  onMove?: () => void;
}

/**
 * Devices as circles on one canvas (thousands of SVG nodes would make a phone crawl), over the
 * commune outlines; in pick mode a tap places the new device's point.
 */
export function createDeviceMap(element: HTMLElement, boundaries: BoundaryCollection | null, options: Options): DeviceMapHandle {
  const base = createOutlineMap(element, boundaries, {
    attribution: options.attribution,
    outline: BOUNDARY,
    tileUrl: options.tileUrl,
    preferCanvas: true,
    ...(options.onPick ? { onPick: options.onPick } : {}),
  });
  const { map } = base;
  const renderer = L.canvas({ padding: 0.5 });
  const points = L.layerGroup().addTo(map);
  const setPicked = pickedPoint(map, (at) => L.circleMarker(at, { renderer, radius: 10, color: '#ffffff', weight: 3, fillColor: '#b3261e', fillOpacity: 1, interactive: false }));
  if (options.onMove) map.on('moveend', options.onMove);

  return {
    setPoints(list) {
      points.clearLayers();
      for (const p of list) {
        const marker = L.circleMarker([p.lat, p.lng], { renderer, radius: 7, color: '#17202e', weight: 1.5, fillColor: p.colour, fillOpacity: 1 });
        const href = `/can-bo/thiet-bi/${encodeURIComponent(p.code)}`;
        marker.bindPopup(() => popupContent('iot-popup', { title: p.title, detail: p.detail, href, openLabel: options.openLabel }));
        marker.addTo(points);
      }
      base.fitPoints(list, 14);
    },
    setPicked,
    focus(point) {
      map.setView([point.lat, point.lng], Math.max(map.getZoom(), 13), { animate: false });
    },
    visible() {
      const b = map.getBounds();
      return { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() };
    },
    destroy: base.destroy,
  };
}
