import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { Config } from './config/config.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { AuditTrail } from './audit/audit-trail.js';
import { JobQueue } from './jobs/job-queue.js';
import { buildApp } from './http/app.js';
import { allAreas } from './areas.js';
import type { App, AppContext, AppModule } from './http/module.js';

export interface Platform {
  app: App;
  ctx: AppContext;
  areas: AppModule[];
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  /** Use this database instead of opening one from the config (tests share a template). */
  database?: DatabaseHandle;
  web?: (app: App) => Promise<void>;
  /** Run background workers and schedules (off in most tests, which call handlers directly). */
  workers?: boolean;
  seedDemo?: boolean;
  logStream?: { write(line: string): void };
}

/** Opens the database, applies migrations, seeds demo data and builds the HTTP app. */
export async function startPlatform(options: StartOptions): Promise<Platform> {
  const { config } = options;
  const log = pino({ level: config.logLevel }) as unknown as FastifyBaseLogger;
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  try {
    await migrateToLatest(database.db);
    const jobs = new JobQueue(database, log, database.url);
    const areas = allAreas();
    const { app, ctx } = await buildApp({
      ctx: { config, database, db: database.db, audit: new AuditTrail(database.db), jobs },
      areas,
      ...(options.web ? { web: options.web } : {}),
      ...(options.logStream ? { logStream: options.logStream } : {}),
    });
    for (const area of areas) await area.jobs?.(ctx);
    await jobs.start({ work: options.workers ?? true });
    for (const area of areas) await area.bootstrap?.(ctx);
    if (options.seedDemo ?? config.demoData) {
      for (const area of areas) await area.seedDemo?.(ctx);
    }
    let closed = false;
    return {
      app,
      ctx,
      areas,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await jobs.stop();
        if (!options.database) await database.close();
      },
    };
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}
