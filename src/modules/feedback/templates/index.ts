import type { Migration } from 'kysely/migration';

/**
 * Response templates (mẫu trả lời): an agency's canned answers for frequent actions. The table
 * comes with the feedback module's migration 202612011000; nothing to add here.
 */
export const templateMigrations: Record<string, Migration> = {};

export { registerTemplateRoutes } from './routes.js';
export { seedDemoTemplates } from './demo.js';
export { PLACEHOLDERS } from './placeholders.js';
