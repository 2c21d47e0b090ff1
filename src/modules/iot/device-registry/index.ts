import type { Migration } from 'kysely/migration';
import type { App, AppContext } from '../../../platform/http/module.js';

export const registryMigrations: Record<string, Migration> = {};
export function registerRegistryRoutes(_app: App, _ctx: AppContext): void {}
/** Built-in device types (reference data): idempotent, on every start. */
export async function bootstrapDeviceTypes(_ctx: AppContext): Promise<void> {}
export async function seedDemoDevices(_ctx: AppContext): Promise<void> {}
