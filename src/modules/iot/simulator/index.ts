import type { AppContext } from '../../../platform/http/module.js';
import { seedDemoHistory } from './seed.js';

export { SeriesGenerator, type SimulatedDevice } from './generator.js';
export { type FloodScenario, type FloodLevels } from './flood.js';

/** A few days of generated history for the demo devices, so charts have a past on first start. */
export async function seedDemoTelemetry(ctx: AppContext): Promise<void> {
  const started = Date.now();
  const stored = await seedDemoHistory(ctx.db);
  if (stored > 0) ctx.log.info({ readings: stored, ms: Date.now() - started }, 'IoT demo history seeded');
}
