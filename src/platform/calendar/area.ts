import type { AppModule } from '../http/module.js';
import { calendarMigrations } from './migrations.js';

export const calendarArea: AppModule = {
  name: 'calendar',
  migrations: calendarMigrations,
};
