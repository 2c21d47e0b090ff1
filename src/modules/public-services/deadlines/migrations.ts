import type { Migration } from 'kysely/migration';

/** Tables of the deadline watch (its reminded / escalated markers). */
export const deadlineMigrations: Record<string, Migration> = {};
