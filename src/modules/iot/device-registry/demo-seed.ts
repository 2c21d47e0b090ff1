import type { AppContext } from '../../../platform/http/module.js';
/** Demo devices across Quảng Trị (filled in below). */
export async function seedDemoDevices(_ctx: AppContext): Promise<void> {}
