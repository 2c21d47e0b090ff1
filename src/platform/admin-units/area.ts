import type { AppModule } from '../http/module.js';
import { adminUnitMigrations } from './migrations.js';

export const adminUnitsArea: AppModule = {
  name: 'admin-units',
  migrations: adminUnitMigrations,
};
