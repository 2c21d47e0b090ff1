import type { AppModule } from '../http/module.js';

export const auditArea: AppModule = {
  name: 'audit',
};
