import type { AppContext } from '../../../platform/http/module.js';

export async function seedDemoRules(_ctx: AppContext): Promise<void> {}
