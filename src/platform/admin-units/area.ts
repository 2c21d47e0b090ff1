import type { AppModule } from '../http/module.js';

export const adminUnitsArea: AppModule = {
  name: 'admin-units',
};
