import type { AppModule } from '../../platform/http/module.js';
import { publicServicesMigrations } from './migrations.js';

/** Online public services and the one-stop shop (dịch vụ công, một cửa điện tử). */
export const publicServicesModule: AppModule = {
  name: 'public-services',
  migrations: { ...publicServicesMigrations },
  routes(_app, _ctx) {},
  async jobs(_ctx) {},
  async seedDemo(_ctx) {},
};
