import type { AppModule } from '../http/module.js';
import { calendarMigrations } from './migrations.js';
import { registerCalendarRoutes } from './routes.js';

/**
 * The working-day calendar of Vietnam: lunar dates at UTC+7, statutory holidays and compensation
 * days, the Government's yearly overlay (versioned), and deadlines that record their version.
 * The official overlay ships in the migration: it is law, not demo data, so there is no seedDemo.
 */
export const calendarArea: AppModule = {
  name: 'calendar',
  migrations: calendarMigrations,
  routes(app, ctx) {
    registerCalendarRoutes(app, ctx);
  },
};
