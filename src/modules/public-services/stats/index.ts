import type { App, AppContext } from '../../../platform/http/module.js';
import type { Migration } from 'kysely/migration';

/** Statistics of public services: maintained aggregates, Decision 766 indicators, monthly report. */
export const statsMigrations: Record<string, Migration> = {};

export function registerStatsRoutes(_app: App, _ctx: AppContext): void {}
