import { loadConfig, type Config } from '../config/config.js';
import type { DatabaseHandle } from '../db/database.js';
import { startPlatform, type Platform } from '../runtime.js';
import { createTestDatabase, readTemplate, serverTemplate, templateFile, writeTemplate } from './test-database.js';

export interface TestPlatform extends Platform {
  config: Config;
}

export interface TestPlatformOptions {
  seedDemo?: boolean;
  workers?: boolean;
  env?: Record<string, string>;
  logStream?: { write(line: string): void };
}

function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATA_DIR: 'memory://', ...env });
}

/**
 * A fresh database holding what every test starts from: migrated, reference data loaded, and demo
 * data unless `seedDemo` is false. It is built once per source tree (and day: demo data is dated
 * from today) and copied for each caller: a dumped data directory on the embedded engine, a
 * template database on the server named by DATABASE_URL.
 */
export async function testDatabase(seedDemo = true): Promise<DatabaseHandle> {
  const kind = seedDemo ? 'demo' : 'bare';
  // Built with the default settings and no jobs running, whatever the first caller's settings are.
  const build = async (database: DatabaseHandle) => (await startPlatform({ config: testConfig(), database, seedDemo, workers: false })).close();
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return createTestDatabase(await serverTemplate(serverUrl, kind, build));
  const file = templateFile(kind);
  let template = readTemplate(file);
  if (!template) {
    const database = await createTestDatabase();
    try {
      await build(database);
      await writeTemplate(file, database);
    } finally {
      await database.close();
    }
    template = readTemplate(file);
  }
  return createTestDatabase(template);
}

/**
 * The whole platform on a fresh database (testDatabase), for API tests via `app.inject`. Reference
 * data is always loaded; demo data unless `seedDemo: false`; background workers only when asked for.
 */
export async function createTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const seedDemo = options.seedDemo ?? true;
  const config = testConfig(options.env);
  const database = await testDatabase(seedDemo);
  try {
    const platform = await startPlatform({ config, database, seedDemo, workers: options.workers ?? false, ...(options.logStream ? { logStream: options.logStream } : {}) });
    await platform.app.ready();
    return {
      ...platform,
      config,
      async close() {
        await platform.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
