import type { AppModule } from '../http/module.js';

export const filesArea: AppModule = {
  name: 'files',
};
