import { useMemo } from 'preact/hooks';
import type { Page } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { paths, type Alarm, type Device, type DeviceCollection, type DeviceType, type LatestValues } from './api.js';

/** Every device, as the map layer the registry serves (one request, light properties). */
export function useAllDevices() {
  const loaded = useApi<DeviceCollection | Page<Device>>(paths.devices, { format: 'geojson' });
  const devices = useMemo(() => toDevices(loaded.data), [loaded.data]);
  return { ...loaded, devices };
}

export function toDevices(data: DeviceCollection | Page<Device> | undefined): Device[] {
  if (!data) return [];
  if ('features' in data)
    return data.features.map((f) => ({ ...f.properties, lng: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }) as Device);
  return data.items;
}

export function useDeviceTypes() {
  const loaded = useApi<Page<DeviceType> | DeviceType[]>(paths.types, { limit: 200 });
  const types = useMemo(() => (Array.isArray(loaded.data) ? loaded.data : (loaded.data?.items ?? [])), [loaded.data]);
  return { ...loaded, types };
}

/** The highest level of the open (active or acknowledged) alarms, per device code. */
export function useOpenAlarmLevels(): Map<string, number> {
  const active = useApi<Page<Alarm>>(paths.alarms, { state: 'active', limit: 200 });
  return useMemo(() => {
    const levels = new Map<string, number>();
    for (const a of active.data?.items ?? []) levels.set(a.deviceCode, Math.max(levels.get(a.deviceCode) ?? 0, a.level));
    return levels;
  }, [active.data]);
}

/** The bulk latest answer, whatever its envelope: `{ items: [{ code, values }] }` or `{ devices: { code: values } }`. */
export function toLatestByCode(data: unknown): Map<string, LatestValues> {
  const out = new Map<string, LatestValues>();
  if (!data || typeof data !== 'object') return out;
  const d = data as { items?: Array<{ code?: string; deviceCode?: string; values: LatestValues }>; devices?: Record<string, LatestValues | { values: LatestValues }> };
  for (const item of d.items ?? []) {
    const code = item.code ?? item.deviceCode;
    if (code) out.set(code, item.values);
  }
  for (const [code, v] of Object.entries(d.devices ?? {})) out.set(code, 'values' in v && typeof v.values === 'object' ? (v.values as LatestValues) : (v as LatestValues));
  return out;
}
