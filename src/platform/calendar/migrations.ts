import type { Migration } from 'kysely/migration';

export const calendarMigrations: Record<string, Migration> = {};
