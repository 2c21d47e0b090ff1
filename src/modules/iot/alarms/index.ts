import type { App, AppContext } from '../../../platform/http/module.js';
import { startAlarmProcessor, stopAlarmProcessor } from './process.js';
import { registerAlarmRoutes as registerRoutes } from './routes.js';

export { alarmMigrations } from './migrations.js';
export { registerAlarmJobs, NO_DATA_JOB } from './jobs.js';
export { seedDemoRules } from './seed-demo.js';
export { runNoDataPass, processDeviceReadings, alarmProcessor } from './process.js';
export { evaluate, type RuleState, type Transition } from './engine.js';

/** Routes, and the listener that runs the rules on every committed batch of readings in this process. */
export function registerAlarmRoutes(app: App, ctx: AppContext): void {
  registerRoutes(app, ctx);
  startAlarmProcessor(ctx);
  app.addHook('onClose', async () => stopAlarmProcessor(ctx.db));
}
