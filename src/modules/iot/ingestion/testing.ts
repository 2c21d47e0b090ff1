import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../platform/http/module.js';
import { createDevice, SYSTEM_WRITER, updateDevice } from '../device-registry/device-writes.js';
import type { DeviceStatus } from '../metrics.js';

const META = { actor: { userId: null, label: 'test' } };

/** A water-level station (metric `water_level`, cm, -300…2500, whole numbers) with a real token, as the registry creates it. */
export async function createTestDevice(ctx: AppContext, prefix = 'ING'): Promise<{ id: string; code: string; token: string }> {
  const code = `${prefix}-${randomUUID().slice(0, 8)}`;
  const { id, token } = await createDevice(ctx, { code, name: `Trạm thử ${code}`, typeCode: 'water_level_station', lat: 17.47, lng: 106.6 }, SYSTEM_WRITER, META);
  return { id, code, token };
}

export async function setTestDeviceStatus(ctx: AppContext, code: string, status: DeviceStatus): Promise<void> {
  await updateDevice(ctx, code, { status }, SYSTEM_WRITER, META);
}

/** Polls until `probe` returns something truthy (no fixed sleeps); fails after `ms`. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
