import type { Migration } from 'kysely/migration';
import type { App, AppContext } from '../../../platform/http/module.js';

/** Hiding offensive text or photos (kept and audited) and merging duplicate reports. */
export const moderationMigrations: Record<string, Migration> = {};

export function registerModerationRoutes(_app: App, _ctx: AppContext): void {}
