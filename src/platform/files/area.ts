import type { AppModule } from '../http/module.js';
import { fileMigrations } from './migrations.js';

export const filesArea: AppModule = {
  name: 'files',
  migrations: fileMigrations,
};
