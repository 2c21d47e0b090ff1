import type { App, AppContext } from '../../../platform/http/module.js';

/** Public tracking by dossier code, the applicant's own dossiers and the evaluation after a result. */
export function registerTrackingRoutes(_app: App, _ctx: AppContext): void {}
