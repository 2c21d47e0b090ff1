import type { AppModule } from '../http/module.js';

export const calendarArea: AppModule = {
  name: 'calendar',
};
