import type { AppModule } from '../http/module.js';

export const identityArea: AppModule = {
  name: 'identity',
};
