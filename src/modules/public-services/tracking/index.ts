import type { App, AppContext } from '../../../platform/http/module.js';
import { registerEvaluationRoute } from './evaluation.js';
import { registerMineRoute } from './mine.js';
import { registerTrackRoutes } from './track-routes.js';

export { normalisePhone } from './phone.js';
export { onTimeOf } from './view.js';

/** Public tracking by dossier code, the applicant's own dossiers and the evaluation after a result. */
export function registerTrackingRoutes(app: App, ctx: AppContext): void {
  registerTrackRoutes(app, ctx);
  registerMineRoute(app, ctx);
  registerEvaluationRoute(app, ctx);
}
