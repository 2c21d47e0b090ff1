import type { App, AppContext } from '../../../platform/http/module.js';

/** The processing desk's routes (xử lý hồ sơ): queues and commands on received dossiers. */
export function registerProcessingRoutes(_app: App, _ctx: AppContext): void {}
