import type { AppModule } from '../http/module.js';
import { agencyMigrations } from './migrations.js';

export const agenciesArea: AppModule = {
  name: 'agencies',
  migrations: agencyMigrations,
};
