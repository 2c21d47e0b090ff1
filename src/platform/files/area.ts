import type { AppModule } from '../http/module.js';
import { fileMigrations } from './migrations.js';
import { registerFileRoutes } from './routes.js';

/** Uploaded files: type-checked, images cleaned of metadata, kept on disk or in S3. */
export const filesArea: AppModule = {
  name: 'files',
  migrations: fileMigrations,
  routes: registerFileRoutes,
};
