import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Migration } from 'kysely/migration';
import type { Config } from '../config/config.js';
import type { DatabaseHandle, Db } from '../db/database.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { JobQueue } from '../jobs/job-queue.js';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

/** What every area of the platform and every module receives. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  audit: AuditTrail;
  jobs: JobQueue;
  log: FastifyBaseLogger;
}

/**
 * A slice of the product: its tables (migrations), its HTTP routes, its background jobs and its
 * demo data. Platform areas (identity, agencies, …) and domain modules (feedback, …) share this shape.
 */
export interface AppModule {
  name: string;
  migrations?: Record<string, Migration>;
  routes?(app: App, ctx: AppContext): void | Promise<void>;
  /** Registers job handlers and schedules; runs once the queue is started. */
  jobs?(ctx: AppContext): void | Promise<void>;
  /** Loads official reference data (not demo) on every start; must be idempotent and cheap when done. */
  bootstrap?(ctx: AppContext): Promise<void>;
  /** Loads demo data; must be idempotent (runs on every start while demo data is on). */
  seedDemo?(ctx: AppContext): Promise<void>;
}
