import type { AppModule } from '../../platform/http/module.js';
import { publicServicesMigrations } from './migrations.js';
import { catalogMigrations, registerCatalogRoutes, seedDemoCatalog } from './catalog/index.js';
import { registerDocumentRoutes } from './documents/routes.js';
import { registerFeeRoutes } from './fees/routes.js';
import { feeMigrations } from './fees/migrations.js';
import { registerStatsRoutes, statsMigrations } from './stats/index.js';
import { deadlineMigrations, registerDeadlineJobs, registerDeadlineRoutes } from './deadlines/index.js';
import { registerTrackingRoutes } from './tracking/index.js';
import { registerIntakeRoutes } from './intake/routes.js';
import { intakeMigrations } from './intake/migrations.js';
import { processingMigrations } from './processing/migrations.js';
import { registerProcessingRoutes } from './processing/routes.js';
import { seedDemoDossiers } from './demo/generate.js';
import { nationalSyncMigrations, registerNationalSyncJobs, registerNationalSyncRoutes } from './national-sync/index.js';

/** Online public services and the one-stop shop (dịch vụ công, một cửa điện tử). */
export const publicServicesModule: AppModule = {
  name: 'public-services',
  migrations: { ...publicServicesMigrations, ...catalogMigrations, ...statsMigrations, ...deadlineMigrations, ...processingMigrations, ...intakeMigrations, ...feeMigrations, ...nationalSyncMigrations },
  routes(app, ctx) {
    registerCatalogRoutes(app, ctx);
    registerDocumentRoutes(app, ctx);
    registerFeeRoutes(app, ctx);
    registerStatsRoutes(app, ctx);
    registerTrackingRoutes(app, ctx);
    registerIntakeRoutes(app, ctx);
    registerProcessingRoutes(app, ctx);
    registerDeadlineRoutes(app, ctx);
    registerNationalSyncRoutes(app, ctx);
  },
  async jobs(ctx) {
    await registerDeadlineJobs(ctx);
    await registerNationalSyncJobs(ctx);
  },
  async seedDemo(ctx) {
    await seedDemoCatalog(ctx);
    // A year of demo dossiers over the demo catalog (SERVICES_DEMO_DOSSIERS, see demo/README.md); only while there are none.
    await seedDemoDossiers(ctx);
  },
};
