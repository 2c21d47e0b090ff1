import type { App } from './platform/http/module.js';

/** Serves the built front end (web/dist). Filled in by the web shell. */
export async function registerWeb(_app: App): Promise<void> {}
