import type { AppModule } from '../../platform/http/module.js';
import { feedbackMigrations } from './migrations.js';
import { registerPublicRoutes } from './routes.js';
import { registerOfficerRoutes } from './officer-routes.js';
import { open311Migrations, registerOpen311Routes } from './open311-api/index.js';
import { seedDemoCatalogue } from './seed-demo.js';
import { seedDemoReports } from './demo/generate.js';
import { registerStatsRoutes } from './stats/routes.js';

/** Citizen field reports (phản ánh hiện trường). */
export const feedbackModule: AppModule = {
  name: 'feedback',
  migrations: { ...feedbackMigrations, ...open311Migrations },
  routes(app, ctx) {
    registerPublicRoutes(app, ctx);
    registerOfficerRoutes(app, ctx);
    registerOpen311Routes(app, ctx);
    registerStatsRoutes(app, ctx);
  },
  async seedDemo(ctx) {
    await seedDemoCatalogue(ctx);
    // A year of demo reports (FEEDBACK_DEMO_REPORTS, see demo/README.md); only while there are none.
    await seedDemoReports(ctx);
  },
};
