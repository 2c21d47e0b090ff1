import type { Migration } from 'kysely/migration';

export const fileMigrations: Record<string, Migration> = {};
