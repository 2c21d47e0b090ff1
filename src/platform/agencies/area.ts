import type { AppModule } from '../http/module.js';
import { agencyMigrations } from './migrations.js';
import { registerAgencyRoutes } from './routes.js';
import { seedDemoAgencies } from './seed-demo.js';

/** Agencies (cơ quan, đơn vị): UBND tỉnh, Sở, UBND xã … in a hierarchy; staff are users with `agency_id`. */
export const agenciesArea: AppModule = {
  name: 'agencies',
  migrations: agencyMigrations,
  routes(app, ctx) {
    registerAgencyRoutes(app, ctx);
  },
  seedDemo: seedDemoAgencies,
};
