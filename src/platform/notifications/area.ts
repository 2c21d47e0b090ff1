import type { AppModule } from '../http/module.js';
import { notificationMigrations } from './migrations.js';

export const notificationsArea: AppModule = {
  name: 'notifications',
  migrations: notificationMigrations,
};
