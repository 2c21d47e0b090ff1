import type { Migration } from 'kysely/migration';
import type { App, AppContext } from '../../../platform/http/module.js';

/** Response templates (mẫu trả lời): an agency's canned answers for frequent actions. */
export const templateMigrations: Record<string, Migration> = {};

export function registerTemplateRoutes(_app: App, _ctx: AppContext): void {}

export async function seedDemoTemplates(_ctx: AppContext): Promise<void> {}
