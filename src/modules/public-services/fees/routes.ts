import type { App, AppContext } from '../../../platform/http/module.js';

/** Routes of payments (filled in below in this folder). */
export function registerFeeRoutes(_app: App, _ctx: AppContext): void {}
