// Loaded only on the IOC map (dynamic import), so no other page downloads Leaflet.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { BoundaryCollection } from './types.js';

export interface MapHandle {
  highlight(code: string | null): void;
  destroy(): void;
}

const BASE: L.PathOptions = { color: '#7dd3fc', weight: 1, fillColor: '#1d4ed8', fillOpacity: 0.28, opacity: 0.9 };
const HOVER: L.PathOptions = { weight: 2.5, fillOpacity: 0.45 };
const SELECTED: L.PathOptions = { color: '#ffd23f', weight: 3, fillColor: '#f59e0b', fillOpacity: 0.5 };

/**
 * Draws the boundaries as the only layer: no tile server, so the map works offline and in tests.
 */
export function createBoundaryMap(
  element: HTMLElement,
  collection: BoundaryCollection,
  options: { attribution: string; onSelect(code: string): void },
): MapHandle {
  const map = L.map(element, { zoomSnap: 0.25, minZoom: 6, maxZoom: 14, attributionControl: true, zoomControl: true });
  map.attributionControl.setPrefix(false).addAttribution(options.attribution);
  let selected: string | null = null;
  const layers = new Map<string, L.Path>();
  const styleOf = (code: string) => (code === selected ? SELECTED : BASE);
  const geo = L.geoJSON(collection as unknown as Parameters<typeof L.geoJSON>[0], {
    style: (feature) => styleOf(String(feature?.properties?.code)),
    onEachFeature: (feature, layer) => {
      const code = String(feature.properties.code);
      const path = layer as L.Path;
      layers.set(code, path);
      path.bindTooltip(String(feature.properties.name), { sticky: true, direction: 'top' });
      path.on('mouseover', () => code !== selected && path.setStyle(HOVER));
      path.on('mouseout', () => path.setStyle(styleOf(code)));
      path.on('click', () => options.onSelect(code));
    },
  }).addTo(map);
  const bounds = geo.getBounds();
  const showAll = (animate: boolean) => (bounds.isValid() ? map.fitBounds(bounds, { padding: [12, 12], animate }) : map.setView([16.75, 107.0], 8));
  showAll(false);
  // The container's size can settle after first layout (fonts, grid); measure again once.
  const resize = new ResizeObserver(() => map.invalidateSize());
  resize.observe(element);

  return {
    highlight(code) {
      const previous = selected;
      selected = code;
      if (previous) layers.get(previous)?.setStyle(BASE);
      const layer = code ? layers.get(code) : undefined;
      if (layer) {
        layer.setStyle(SELECTED);
        layer.bringToFront();
        const b = (layer as L.Polygon).getBounds();
        if (b.isValid()) map.flyToBounds(b, { maxZoom: 11, duration: 0.5 });
      } else if (previous) {
        showAll(false);
      }
    },
    destroy() {
      resize.disconnect();
      map.remove();
    },
  };
}
