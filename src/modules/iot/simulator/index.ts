import type { AppContext } from '../../../platform/http/module.js';

/** A few days of generated history for the demo devices, so charts have a past on first start. */
export async function seedDemoTelemetry(_ctx: AppContext): Promise<void> {}
