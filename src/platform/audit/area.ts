import type { AppModule } from '../http/module.js';
import { auditMigrations } from './migrations.js';
import { registerAuditRoutes } from './routes.js';

/** The hash-chained audit trail of every write and every read of personal data. */
export const auditArea: AppModule = {
  name: 'audit',
  migrations: auditMigrations,
  routes: registerAuditRoutes,
};
