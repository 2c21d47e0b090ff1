import type { Migration } from 'kysely/migration';
import type { App, AppContext } from '../../../platform/http/module.js';

export const alarmMigrations: Record<string, Migration> = {};
export function registerAlarmRoutes(_app: App, _ctx: AppContext): void {}
export async function registerAlarmJobs(_ctx: AppContext): Promise<void> {}
export async function seedDemoRules(_ctx: AppContext): Promise<void> {}
