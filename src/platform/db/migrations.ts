import type { Migration } from 'kysely/migration';
import { allAreas } from '../areas.js';

/**
 * Every migration of the platform areas and the modules, each area owning its own. Names start
 * with a timestamp (`YYYYMMDDHHmm_area_what`) because the migrator applies them in name order.
 */
export function allMigrations(): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const area of allAreas()) {
    for (const [name, migration] of Object.entries(area.migrations ?? {})) {
      if (all[name]) throw new Error(`Duplicate migration name ${name}`);
      all[name] = migration;
    }
  }
  return all;
}
