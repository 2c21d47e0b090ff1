import type { App, AppContext } from '../../../platform/http/module.js';

/** Routes of issued documents (filled in below in this folder). */
export function registerDocumentRoutes(_app: App, _ctx: AppContext): void {}
