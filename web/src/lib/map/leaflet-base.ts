// Leaflet itself. Import this module only from modules that pages load with a dynamic import
// (feedback/map/leaflet-points.ts, iot/map/leaflet-devices.ts), so no entry chunk carries Leaflet.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { BoundaryCollection } from '../../ioc/types.js';
import type { LatLng } from './types.js';

export type { LatLng };

export interface OutlineMapOptions {
  attribution: string;
  /** How the commune outlines (ranh giới xã) are drawn. */
  outline: L.PathOptions;
  /** Optional background tiles (MAP_TILE_URL); without them the outlines are the only layer. */
  tileUrl?: string | null;
  /** Draw the outlines on a canvas rather than as SVG nodes. */
  preferCanvas?: boolean;
  /** Pick mode: a tap reports its point, rounded. */
  onPick?: (point: LatLng) => void;
}

export interface OutlineMap {
  map: L.Map;
  /** Frames the points, but only when there are no outlines to frame the view already. */
  fitPoints(points: LatLng[], maxZoom: number): void;
  destroy(): void;
}

/** Where the view goes when there is nothing to fit (no outlines loaded). */
const FALLBACK_CENTRE: L.LatLngTuple = [16.75, 107.0];

/**
 * A map whose base layer is the commune outlines (plus tiles only if the server configures them):
 * no tile server by default, so it works offline, in tests, and costs no third-party requests.
 */
export function createOutlineMap(element: HTMLElement, boundaries: BoundaryCollection | null, options: OutlineMapOptions): OutlineMap {
  const map = L.map(element, { preferCanvas: options.preferCanvas ?? false, zoomSnap: 0.5, minZoom: 6, maxZoom: 18, attributionControl: true, zoomControl: true });
  map.attributionControl.setPrefix(false).addAttribution(options.attribution);
  if (options.tileUrl) L.tileLayer(options.tileUrl, { maxZoom: 18 }).addTo(map);
  const style = options.outline;
  const outline = boundaries ? L.geoJSON(boundaries as unknown as Parameters<typeof L.geoJSON>[0], { style: () => style, interactive: false }).addTo(map) : null;
  const all = outline?.getBounds();
  const framed = !!all?.isValid();
  if (all && framed) map.fitBounds(all, { padding: [8, 8], animate: false });
  else map.setView(FALLBACK_CENTRE, 8);
  if (options.onPick) {
    const onPick = options.onPick;
    map.on('click', (e: L.LeafletMouseEvent) => onPick(roundPoint(e.latlng)));
  }
  // The container's size can settle after first layout (fonts, grid, a panel opening).
  const resize = new ResizeObserver(() => map.invalidateSize());
  resize.observe(element);

  return {
    map,
    fitPoints(points, maxZoom) {
      if (framed || points.length === 0) return;
      map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng] as L.LatLngTuple)), { padding: [24, 24], maxZoom });
    },
    destroy() {
      resize.disconnect();
      map.remove();
    },
  };
}

/**
 * The one picked point on a map (a new report's place, a new device's place): moved when it
 * changes, removed when cleared. `make` draws it the first time.
 */
export function pickedPoint(map: L.Map, make: (at: L.LatLngTuple) => L.Marker | L.CircleMarker): (point: LatLng | null) => void {
  let picked: L.Marker | L.CircleMarker | null = null;
  return (point) => {
    if (!point) {
      picked?.remove();
      picked = null;
      return;
    }
    if (picked) picked.setLatLng([point.lat, point.lng]);
    else picked = make([point.lat, point.lng]).addTo(map);
  };
}

/** Six decimals: about 10 cm, more than any phone's GPS can tell. */
export function roundPoint(point: LatLng): LatLng {
  return { lat: round(point.lat), lng: round(point.lng) };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** A popup's content: a title, a line of detail (both plain text, never HTML) and an "open" link. */
export function popupContent(className: string, content: { title: string; detail: string; href: string; openLabel: string }): HTMLElement {
  const box = document.createElement('div');
  box.className = className;
  const title = document.createElement('strong');
  title.textContent = content.title;
  const detail = document.createElement('p');
  detail.textContent = content.detail;
  const link = document.createElement('a');
  link.href = content.href;
  link.textContent = content.openLabel;
  box.append(title, detail, link);
  return box;
}
