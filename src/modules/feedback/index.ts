import type { AppModule } from '../../platform/http/module.js';
import { feedbackMigrations } from './migrations.js';
import { registerPublicRoutes } from './routes.js';
import { registerOfficerRoutes } from './officer-routes.js';
import { open311Migrations, registerOpen311Routes } from './open311-api/index.js';
import { seedDemoCatalogue } from './seed-demo.js';
import { seedDemoReports } from './demo/generate.js';
import { registerStatsRoutes } from './stats/routes.js';
import { registerTemplateRoutes, seedDemoTemplates, templateMigrations } from './templates/index.js';
import { deadlineWatchMigrations, registerDeadlineWatchJobs, registerDeadlineWatchRoutes } from './deadline-watch/index.js';
import { registerSubscriptionJobs, registerSubscriptionRoutes, subscriptionMigrations } from './subscriptions/index.js';
import { registerFeedRoutes } from './feeds/index.js';
import { moderationMigrations, registerModerationRoutes } from './moderation/index.js';
import { petitionMigrations, registerPetitionRoutes, seedDemoPetitions } from './procedure-petitions/index.js';

/** Citizen field reports (phản ánh hiện trường). */
export const feedbackModule: AppModule = {
  name: 'feedback',
  migrations: { ...feedbackMigrations, ...open311Migrations, ...templateMigrations, ...deadlineWatchMigrations, ...subscriptionMigrations, ...moderationMigrations, ...petitionMigrations },
  routes(app, ctx) {
    registerPublicRoutes(app, ctx);
    registerOfficerRoutes(app, ctx);
    registerOpen311Routes(app, ctx);
    registerStatsRoutes(app, ctx);
    registerTemplateRoutes(app, ctx);
    registerDeadlineWatchRoutes(app, ctx);
    registerSubscriptionRoutes(app, ctx);
    registerFeedRoutes(app, ctx);
    registerModerationRoutes(app, ctx);
    registerPetitionRoutes(app, ctx);
  },
  async jobs(ctx) {
    await registerDeadlineWatchJobs(ctx);
    await registerSubscriptionJobs(ctx);
  },
  async seedDemo(ctx) {
    await seedDemoCatalogue(ctx);
    await seedDemoTemplates(ctx);
    // A year of demo reports (FEEDBACK_DEMO_REPORTS, see demo/README.md); only while there are none.
    await seedDemoReports(ctx);
    await seedDemoPetitions(ctx);
  },
};
