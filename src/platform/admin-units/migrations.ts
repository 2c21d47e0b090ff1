import type { Migration } from 'kysely/migration';

export const adminUnitMigrations: Record<string, Migration> = {};
