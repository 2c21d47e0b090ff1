import { loadConfig, type Config } from '../config/config.js';
import { startPlatform, type Platform } from '../runtime.js';
import type { DatabaseHandle } from '../db/database.js';
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

/**
 * The whole platform on a fresh database, for API tests via `app.inject`. Reference data is
 * always loaded; demo data unless `seedDemo: false`; background workers only when asked for.
 * The migrated and seeded database is built once per source tree and copied for each file: a
 * dumped data directory on the embedded engine, a template database on a server.
 */
export async function createTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const seedDemo = options.seedDemo ?? true;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATA_DIR: 'memory://', ...options.env });
  const kind = seedDemo ? 'demo' : 'bare';
  const start = (database: DatabaseHandle) =>
    startPlatform({ config, database, seedDemo, workers: options.workers ?? false, ...(options.logStream ? { logStream: options.logStream } : {}) });
  const serverUrl = process.env.DATABASE_URL;
  let template: Blob | string | undefined;
  if (serverUrl) {
    // Built with no jobs running; every file then starts from a copy.
    template = await serverTemplate(serverUrl, kind, async (database) => (await start(database)).close());
  } else {
    template = readTemplate(templateFile(kind));
  }
  const database = await createTestDatabase(template);
  let platform = await start(database);
  if (!serverUrl && !template) {
    // Dump with no jobs running, then start again on the same database for this test.
    await platform.close();
    await writeTemplate(templateFile(kind), database);
    platform = await start(database);
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
