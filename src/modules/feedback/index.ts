import type { AppModule } from '../../platform/http/module.js';
import { feedbackMigrations } from './migrations.js';
import { registerPublicRoutes } from './routes.js';
import { registerOfficerRoutes } from './officer-routes.js';
import { seedDemoCatalogue } from './seed-demo.js';
import { registerStatsRoutes } from './stats/routes.js';

/** Citizen field reports (phản ánh hiện trường). */
export const feedbackModule: AppModule = {
  name: 'feedback',
  migrations: feedbackMigrations,
  routes(app, ctx) {
    registerPublicRoutes(app, ctx);
    registerOfficerRoutes(app, ctx);
    registerStatsRoutes(app, ctx);
  },
  seedDemo: seedDemoCatalogue,
};
