import type { Migration } from 'kysely/migration';
import { identityMigrations } from '../identity/migrations.js';
import { auditMigrations } from '../audit/migrations.js';
import { adminUnitMigrations } from '../admin-units/migrations.js';
import { agencyMigrations } from '../agencies/migrations.js';
import { calendarMigrations } from '../calendar/migrations.js';
import { fileMigrations } from '../files/migrations.js';
import { notificationMigrations } from '../notifications/migrations.js';
import { moduleMigrations } from '../../modules/index.js';

/**
 * Every migration of the platform and the modules. Names start with a timestamp
 * (`YYYYMMDDHHmm_area_what`) because the migrator applies them in name order.
 */
export function allMigrations(): Record<string, Migration> {
  const sets = [
    identityMigrations,
    auditMigrations,
    adminUnitMigrations,
    agencyMigrations,
    calendarMigrations,
    fileMigrations,
    notificationMigrations,
    moduleMigrations,
  ];
  const all: Record<string, Migration> = {};
  for (const set of sets) {
    for (const [name, migration] of Object.entries(set)) {
      if (all[name]) throw new Error(`Duplicate migration name ${name}`);
      all[name] = migration;
    }
  }
  return all;
}
