import { loadConfig, type Config } from '../config/config.js';
import { startPlatform, type Platform } from '../runtime.js';
import { createTestDatabase } from './test-database.js';

export interface TestPlatform extends Platform {
  config: Config;
}

/**
 * The whole platform on a fresh database, for API tests via `app.inject`. Demo data is loaded
 * unless `seedDemo: false`; background workers are off unless asked for.
 */
export async function createTestPlatform(options: { seedDemo?: boolean; workers?: boolean; env?: Record<string, string> } = {}): Promise<TestPlatform> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATA_DIR: 'memory://', ...options.env });
  const database = await createTestDatabase();
  const platform = await startPlatform({ config, database, seedDemo: options.seedDemo ?? true, workers: options.workers ?? false });
  await platform.app.ready();
  return {
    ...platform,
    config,
    async close() {
      await platform.close();
      await database.close();
    },
  };
}
