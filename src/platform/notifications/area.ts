import type { AppModule } from '../http/module.js';

export const notificationsArea: AppModule = {
  name: 'notifications',
};
