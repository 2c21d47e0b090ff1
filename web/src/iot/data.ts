import { useMemo } from 'preact/hooks';
import type { Page } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { paths, type Alarm, type BulkLatest, type DeviceCollection, type DeviceSummary, type DeviceType, type LatestValues } from './api.js';

/** Every device, as the map layer the registry serves (one request, light properties). */
export function useAllDevices() {
  const loaded = useApi<DeviceCollection>(paths.devices, { format: 'geojson' });
  const devices = useMemo(() => toDevices(loaded.data), [loaded.data]);
  return { ...loaded, devices };
}

export function toDevices(data: DeviceCollection | undefined): DeviceSummary[] {
  return (data?.features ?? []).map(({ properties: p, geometry }) => ({
    code: p.code,
    name: p.name,
    typeCode: p.type,
    sector: p.sector,
    status: p.status,
    online: p.online,
    communeCode: p.commune,
    lng: geometry.coordinates[0],
    lat: geometry.coordinates[1],
  }));
}

export function useDeviceTypes() {
  const loaded = useApi<{ items: DeviceType[] }>(paths.types);
  const types = useMemo(() => loaded.data?.items ?? [], [loaded.data]);
  return { ...loaded, types };
}

/** The highest level of the open (active or acknowledged) alarms, per device code. */
export function useOpenAlarmLevels(): Map<string, number> {
  const active = useApi<Page<Alarm>>(paths.alarms, { state: 'open', limit: 200 });
  return useMemo(() => {
    const levels = new Map<string, number>();
    for (const a of active.data?.items ?? []) levels.set(a.deviceCode, Math.max(levels.get(a.deviceCode) ?? 0, a.level));
    return levels;
  }, [active.data]);
}

export function toLatestByCode(data: BulkLatest | undefined): Map<string, { lastSeenAt: string | null; values: LatestValues }> {
  return new Map((data?.items ?? []).map((item) => [item.code, item]));
}
