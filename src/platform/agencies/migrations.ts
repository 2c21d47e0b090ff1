import type { Migration } from 'kysely/migration';

export const agencyMigrations: Record<string, Migration> = {};
