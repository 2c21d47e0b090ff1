import fs from 'node:fs';
import type { AppModule } from '../http/module.js';
import { adminUnitMigrations } from './migrations.js';
import { registerAdminUnitRoutes } from './routes.js';
import { importAdminUnits } from './import.js';
import { sharedDataDir } from './data-files.js';

/** Administrative units (đơn vị hành chính): the official tree, boundaries, old→new conversion. */
export const adminUnitsArea: AppModule = {
  name: 'admin-units',
  migrations: adminUnitMigrations,
  routes(app, ctx) {
    registerAdminUnitRoutes(app, ctx);
  },
  // The official catalogue is reference data, loaded on every start (production too); a no-op once the same files are in.
  async bootstrap(ctx) {
    const dir = sharedDataDir();
    if (!fs.existsSync(dir)) {
      ctx.log.warn({ dir }, 'administrative-unit data not found; set SHARED_DATA_DIR to load provinces and communes');
      return;
    }
    const result = await importAdminUnits(ctx, { dataDir: dir });
    if (!result.skipped) ctx.log.info(result, 'administrative units imported');
  },
};

export { importAdminUnits } from './import.js';
export { resolvePoint } from './resolve.js';
export { convertOldUnit } from './conversion.js';
export { getAdminUnit } from './queries.js';
