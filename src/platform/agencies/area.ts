import type { AppModule } from '../http/module.js';

export const agenciesArea: AppModule = {
  name: 'agencies',
};
