import type { Migration } from 'kysely/migration';

export const notificationMigrations: Record<string, Migration> = {};
