import type { App, AppContext } from '../../../platform/http/module.js';

/** Online intake and receipt at the one-stop unit (tiếp nhận hồ sơ). */
export function registerIntakeRoutes(_app: App, _ctx: AppContext): void {}
