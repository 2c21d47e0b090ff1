import { loadConfig, type Config } from '../config/config.js';
import { startPlatform, type Platform } from '../runtime.js';
import { createTestDatabase, readTemplate, templateFile, writeTemplate } from './test-database.js';

export interface TestPlatform extends Platform {
  config: Config;
}

export interface TestPlatformOptions {
  seedDemo?: boolean;
  workers?: boolean;
  env?: Record<string, string>;
  logStream?: { write(line: string): void };
}

/**
 * The whole platform on a fresh database, for API tests via `app.inject`. Reference data is
 * always loaded; demo data unless `seedDemo: false`; background workers only when asked for.
 * On the embedded engine the migrated and seeded database is built once and reused as a template.
 */
export async function createTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const seedDemo = options.seedDemo ?? true;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATA_DIR: 'memory://', ...options.env });
  const file = templateFile(seedDemo ? 'demo' : 'bare');
  const template = process.env.DATABASE_URL ? undefined : readTemplate(file);
  const database = await createTestDatabase(template);
  const start = () => startPlatform({ config, database, seedDemo, workers: options.workers ?? false, ...(options.logStream ? { logStream: options.logStream } : {}) });
  let platform = await start();
  if (!process.env.DATABASE_URL && !template) {
    // Dump with no jobs running, then start again on the same database for this test.
    await platform.close();
    await writeTemplate(file, database);
    platform = await start();
  }
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
