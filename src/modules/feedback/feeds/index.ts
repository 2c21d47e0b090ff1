import type { App, AppContext } from '../../../platform/http/module.js';

/** RSS and Atom feeds of public reports by area or category. */
export function registerFeedRoutes(_app: App, _ctx: AppContext): void {}
