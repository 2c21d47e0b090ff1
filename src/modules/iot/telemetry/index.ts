import type { Migration } from 'kysely/migration';
import type { App, AppContext } from '../../../platform/http/module.js';

export const telemetryMigrations: Record<string, Migration> = {};
export function registerTelemetryRoutes(_app: App, _ctx: AppContext): void {}
export async function registerTelemetryJobs(_ctx: AppContext): Promise<void> {}
