// Loaded only by the IoT pages that draw a map (dynamic import): Leaflet stays out of the officer entry.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { BoundaryCollection } from '../../ioc/types.js';

export interface LatLng {
  lat: number;
  lng: number;
}

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
  const map = L.map(element, { preferCanvas: true, zoomSnap: 0.5, minZoom: 6, maxZoom: 18, attributionControl: true });
  map.attributionControl.setPrefix(false).addAttribution(options.attribution);
  if (options.tileUrl) L.tileLayer(options.tileUrl, { maxZoom: 18 }).addTo(map);
  const renderer = L.canvas({ padding: 0.5 });
  const outline = boundaries ? L.geoJSON(boundaries as unknown as Parameters<typeof L.geoJSON>[0], { style: () => BOUNDARY, interactive: false }).addTo(map) : null;
  const points = L.layerGroup().addTo(map);
  let picked: L.CircleMarker | null = null;
  const all = outline?.getBounds();
  if (all?.isValid()) map.fitBounds(all, { padding: [8, 8], animate: false });
  else map.setView([16.75, 107.0], 8);
  if (options.onPick) {
    const onPick = options.onPick;
    map.on('click', (e: L.LeafletMouseEvent) => onPick({ lat: round(e.latlng.lat), lng: round(e.latlng.lng) }));
  }
  if (options.onMove) map.on('moveend', options.onMove);
  const resize = new ResizeObserver(() => map.invalidateSize());
  resize.observe(element);

  return {
    setPoints(list) {
      points.clearLayers();
      for (const p of list) {
        const marker = L.circleMarker([p.lat, p.lng], { renderer, radius: 7, color: '#17202e', weight: 1.5, fillColor: p.colour, fillOpacity: 1 });
        marker.bindPopup(() => popup(p, options.openLabel));
        marker.addTo(points);
      }
      if (!all?.isValid() && list.length > 0) map.fitBounds(L.latLngBounds(list.map((p) => [p.lat, p.lng] as [number, number])), { padding: [24, 24], maxZoom: 14 });
    },
    setPicked(point) {
      if (!point) {
        picked?.remove();
        picked = null;
        return;
      }
      if (picked) picked.setLatLng([point.lat, point.lng]);
      else picked = L.circleMarker([point.lat, point.lng], { renderer, radius: 10, color: '#ffffff', weight: 3, fillColor: '#b3261e', fillOpacity: 1, interactive: false }).addTo(map);
    },
    focus(point) {
      map.setView([point.lat, point.lng], Math.max(map.getZoom(), 13), { animate: false });
    },
    visible() {
      const b = map.getBounds();
      return { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() };
    },
    destroy() {
      resize.disconnect();
      map.remove();
    },
  };
}

/** Six decimals: about 10 cm. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function popup(p: DevicePoint, openLabel: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'iot-popup';
  const title = document.createElement('strong');
  title.textContent = p.title;
  const detail = document.createElement('p');
  detail.textContent = p.detail;
  const link = document.createElement('a');
  link.href = `/can-bo/thiet-bi/${encodeURIComponent(p.code)}`;
  link.textContent = openLabel;
  box.append(title, detail, link);
  return box;
}
