import type { App, AppContext } from '../../../platform/http/module.js';
import { registerServiceEndpoints } from './services.js';
import { registerRequestEndpoints } from './requests.js';
import { registerUpdateEndpoints } from './updates.js';

export { open311Migrations } from './migrations.js';

/** Open311 GeoReport v2 at /open311/v2, with mySociety's servicerequestupdates extension. */
export function registerOpen311Routes(app: App, ctx: AppContext): void {
  registerServiceEndpoints(app, ctx);
  registerRequestEndpoints(app, ctx);
  registerUpdateEndpoints(app, ctx);
}
